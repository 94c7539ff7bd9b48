package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/pressroom/pressroom/internal/article"
)

// DefaultBatchRows is Options.BatchRows' default: the rows of a batch
// written in one transaction. A transaction's fixed costs (its round trips,
// commit and WAL flush, the COPYs' setup) are shared by more rows the
// larger it is: 128 rows against 32 cost PostgreSQL and the server less CPU
// per row (docs/performance.md, "Batches, fourth pass"), and a batch of up
// to 128 lines is one transaction. The ingest service extracts a batch a
// transaction's worth at a time, so this also bounds what a batch holds in
// memory (with its byte bound, ingest.chunkBytes).
const DefaultBatchRows = 128

// IngestItem is one dump and its extraction for SaveIngestBatch.
type IngestItem struct {
	Dump       *article.Dump
	Extraction *article.Extraction
}

// IngestResult is the outcome of one IngestItem: exactly one of Ingest and
// Err is set.
type IngestResult struct {
	Ingest *Ingest
	Err    error
}

// SaveIngestBatch stores many dumps and extractions, with the meaning of
// SaveIngest for each item: results are in input order, each successful
// result is committed, and one bad item does not fail the others. Items
// repeating an earlier item's source and bytes get its dump and article with
// Created false. Up to Options.BatchRows items share one transaction; when
// such a transaction fails because of an item, it is split until the item
// is alone and gets the error.
func (s *Store) SaveIngestBatch(ctx context.Context, items []IngestItem) []IngestResult {
	results := make([]IngestResult, len(items))
	rows := make([]*ingestRow, 0, len(items))
	at := make([]int, 0, len(items))
	for i, it := range items {
		row, err := prepareIngest(it.Dump, it.Extraction)
		if err != nil {
			results[i].Err = fmt.Errorf("store: save ingest: %w", err)
			continue
		}
		rows = append(rows, row)
		at = append(at, i)
	}
	for start := 0; start < len(rows); start += s.batchRows {
		end := min(start+s.batchRows, len(rows))
		for j, r := range s.writeRows(ctx, rows[start:end], true) {
			results[at[start+j]] = r
		}
	}
	return results
}

// BatchRows is the most rows SaveIngestBatch writes in one transaction.
func (s *Store) BatchRows() int { return s.batchRows }

// insertBatch runs insertIngestsSQL and returns the dumps it created, with
// the times of their articles (zero for a dump without one). The statement
// is its own implicit transaction, committed at the protocol's Sync; pgx
// finishes reading the rows only at the ReadyForQuery that follows, so a
// nil error here means committed (a failed commit is an error here too).
func (s *Store) insertBatch(ctx context.Context, p *batchParams) (map[article.ID]articleTimes, error) {
	sql, args := insertIngestsSQL, p.args()
	switch {
	case s.encodeParams && s.goSearch != nil && !s.goSearch.asText:
		return s.insertEncoded(ctx, insertIngestsGoSearchSQL, p, s.searchVectorParams(ctx, p.aLanguage, p.aTitle, p.aBody))
	case s.encodeParams && !s.searchInline:
		return s.insertEncoded(ctx, insertIngestsSQL, p, nil)
	case s.goSearch != nil && s.goSearch.asText:
		sql = insertIngestsGoSearchTextSQL
		args = append(args, searchVectorTexts(s.searchVectors(ctx, p.aLanguage, p.aTitle, p.aBody)))
	case s.goSearch != nil:
		sql = insertIngestsGoSearchSQL
		args = append(append([]any{withVectorCodec{}}, args...), s.searchVectorParams(ctx, p.aLanguage, p.aTitle, p.aBody))
	case s.searchInline:
		sql = insertIngestsSearchSQL
	}
	rs, err := s.pool.Query(ctx, sql, args...)
	if err != nil {
		return nil, fmt.Errorf("insert dumps and articles: %w", err)
	}
	created := make(map[article.ID]articleTimes, len(p.id))
	var (
		id                   pgtype.UUID
		createdAt, updatedAt *time.Time
	)
	_, err = pgx.ForEachRow(rs, []any{&id, &createdAt, &updatedAt}, func() error {
		var t articleTimes
		if createdAt != nil && updatedAt != nil {
			t = articleTimes{createdAt.UTC(), updatedAt.UTC()}
		}
		created[article.ID(id.Bytes)] = t
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("insert dumps and articles: %w", err)
	}
	return created, nil
}

// insertIngestsSQL inserts dumps that are not stored yet, and the articles
// of exactly those dumps, from one array per column, and returns the id of
// each dump it created with its article's created_at and updated_at (NULL
// when it has none). The dumps go in the order given (ORDER BY n), which is
// what keeps concurrent batches from deadlocking. text[] columns arrive as
// array literals: a ragged list of lists is no PostgreSQL array.
//
// insertIngestsSearchSQL is the same statement that also computes each
// article's search vector (Options.SearchInline), and
// insertIngestsGoSearchSQL one that takes the vectors built in Go as $41
// (NULL where PostgreSQL must compute it: searchvec.go).
var (
	insertIngestsSQL         = insertIngests("", "", "")
	insertIngestsSearchSQL   = insertIngests(", search", ", "+inlineSearchVector, "")
	insertIngestsGoSearchSQL = insertIngests(", search",
		", CASE WHEN a.search IS NOT NULL THEN a.search ELSE "+inlineSearchVector+" END", "search::tsvector")
	insertIngestsGoSearchTextSQL = insertIngests(", search",
		", CASE WHEN a.search IS NOT NULL THEN a.search::tsvector ELSE "+inlineSearchVector+" END", "search::text")
)

// inlineSearchVector is an article's search vector computed in its INSERT
// (Options.SearchInline): the article is never pending, and its row is
// written once instead of rewritten by the indexer's UPDATE. A vector
// PostgreSQL refuses must never fail an ingest, so a title over 1 KiB is
// left NULL for the background indexer, which gives such an article an
// empty vector. The capped body alone always fits a tsvector's 1 MiB: at
// most 262,144 characters in words of at most 2,047 bytes (longer ones are
// skipped), so at most ~1,046,500 bytes of lexemes.
const inlineSearchVector = `CASE WHEN octet_length(a.title) <= 1024 THEN pressroom_search_vector(a.language, a.title, a.body) END`

// insertIngests is insertIngestsSQL with extra article columns (", col")
// and their values (", expr" over the unnest alias a), and optionally one
// more array parameter ($41, "name::type") unnested as a.name. A new article column
// from the caller takes five places, all at the end: the INSERT list, the
// SELECT list, the next $n in unnest, the alias list, and a batchParams
// field filled in add and listed last in args.
func insertIngests(columns, values, param string) string {
	var paramArray, paramAlias string
	if name, typ, ok := strings.Cut(param, "::"); ok {
		paramArray, paramAlias = ", $41::"+typ+"[]", ", "+name
	}
	return `WITH new_dumps AS (
	INSERT INTO dumps (id, received_at, fetched_at, source, url, content_type,
		body, sha256, size, status, extract_error, extractor_version)
	SELECT id, received_at, fetched_at, source, url, content_type,
		body, sha256, size, status, extract_error, extractor_version
	FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::text[], $5::text[], $6::text[],
		$7::bytea[], $8::bytea[], $9::int[], $10::text[], $11::text[], $12::int[])
		WITH ORDINALITY AS t(id, received_at, fetched_at, source, url, content_type,
			body, sha256, size, status, extract_error, extractor_version, n)
	ORDER BY n
	ON CONFLICT (source, sha256) DO NOTHING
	RETURNING id, source, received_at, extractor_version
), new_articles AS (
INSERT INTO articles (id, dump_id, source, title, authors, agencies,
	published_at, published_precision, published_has_zone, published_offset_minutes,
	source_name, location, sponsors, paywalled, original_publisher, language, url,
	body, word_count, body_sha256, extractor_version, received_at, body_markdown,
	description, image, canonical_url, section, tags, modified_at, sections, modified_precision` + columns + `)
SELECT a.id, d.id, d.source, a.title, a.authors::text[], a.agencies::text[],
	a.published_at, a.published_precision, a.published_has_zone, a.published_offset_minutes,
	a.source_name, a.location, a.sponsors::text[], a.paywalled, a.original_publisher, a.language, a.url,
	a.body, a.word_count, a.body_sha256, d.extractor_version, d.received_at, a.body_markdown,
	a.description, a.image, a.canonical_url, a.section, a.tags::text[], a.modified_at, a.sections::text[], a.modified_precision` + values + `
FROM unnest($13::uuid[], $14::uuid[], $15::text[], $16::text[], $17::text[],
	$18::timestamptz[], $19::text[], $20::boolean[], $21::int[],
	$22::text[], $23::text[], $24::text[], $25::boolean[], $26::text[], $27::text[], $28::text[],
	$29::text[], $30::int[], $31::bytea[], $32::text[],
	$33::text[], $34::text[], $35::text[], $36::text[], $37::text[], $38::timestamptz[], $39::text[], $40::text[]` + paramArray + `)
	AS a(id, dump_id, title, authors, agencies,
		published_at, published_precision, published_has_zone, published_offset_minutes,
		source_name, location, sponsors, paywalled, original_publisher, language, url,
		body, word_count, body_sha256, body_markdown,
		description, image, canonical_url, section, tags, modified_at, sections, modified_precision` + paramAlias + `)
JOIN new_dumps d ON d.id = a.dump_id
RETURNING dump_id, created_at, updated_at
)
SELECT d.id, a.created_at, a.updated_at FROM new_dumps d LEFT JOIN new_articles a ON a.dump_id = d.id`
}

// readDumpsSQL and readArticlesSQL read the stored dumps and articles of
// some keys ($1 sources, $3 checksums; $2 is false: no bodies, no
// diagnostics).
const (
	readDumpsSQL = `SELECT ` + dumpColumns + `
	FROM dumps d LEFT JOIN articles a ON a.dump_id = d.id
	WHERE (d.source, d.sha256) IN (SELECT * FROM unnest($1::text[], $3::bytea[]))`
	readArticlesSQL = `SELECT ` + articleColumns + `
	FROM articles a JOIN dumps d ON d.id = a.dump_id
	WHERE (d.source, d.sha256) IN (SELECT * FROM unnest($1::text[], $3::bytea[]))`
)

// batchParams are the columns of insertIngestsSQL.
type batchParams struct {
	rows []*ingestRow // the row of each dump, for copyBatch
	// dumps
	id           []pgtype.UUID
	receivedAt   []time.Time
	fetchedAt    []*time.Time
	source       []string
	url          []string
	contentType  []string
	body         [][]byte
	sum          [][]byte
	size         []int
	status       []string
	extractError []string
	version      []int
	// articles
	aID                []pgtype.UUID
	aDumpID            []pgtype.UUID
	aTitle             []string
	aAuthors           []string
	aAgencies          []string
	aPublishedAt       []*time.Time
	aPrecision         []*string
	aHasZone           []bool
	aOffsetMinutes     []int
	aSourceName        []string
	aLocation          []string
	aSponsors          []string
	aPaywalled         []bool
	aOriginalPublisher []string
	aLanguage          []string
	aURL               []string
	aBody              []string
	aWordCount         []int
	aBodySum           [][]byte
	aMarkdown          []*string
	// the richer metadata of migration 0007
	aDescription []string
	aImage       []string
	aCanonical   []string
	aSection     []string
	aTags        []string // array literals, as aAuthors
	aModifiedAt  []*time.Time

	// and of migration 0008
	aSections          []string // array literals, as aAuthors
	aModifiedPrecision []*string
}

func newBatchParams(n int) *batchParams {
	return &batchParams{
		id: make([]pgtype.UUID, 0, n), receivedAt: make([]time.Time, 0, n), fetchedAt: make([]*time.Time, 0, n),
		source: make([]string, 0, n), url: make([]string, 0, n), contentType: make([]string, 0, n),
		body: make([][]byte, 0, n), sum: make([][]byte, 0, n), size: make([]int, 0, n),
		status: make([]string, 0, n), extractError: make([]string, 0, n), version: make([]int, 0, n),
	}
}

func (p *batchParams) add(r *ingestRow, dumpID, articleID article.ID) {
	p.rows = append(p.rows, r)
	p.id = append(p.id, uuid(dumpID))
	p.receivedAt = append(p.receivedAt, r.receivedAt)
	p.fetchedAt = append(p.fetchedAt, r.fetchedAt)
	p.source = append(p.source, r.source)
	p.url = append(p.url, r.url)
	p.contentType = append(p.contentType, r.contentType)
	p.body = append(p.body, r.body)
	p.sum = append(p.sum, r.sum[:])
	p.size = append(p.size, len(r.body))
	p.status = append(p.status, r.status)
	p.extractError = append(p.extractError, r.extractError)
	p.version = append(p.version, r.version)
	a := r.art
	if a == nil {
		return
	}
	p.aID = append(p.aID, uuid(articleID))
	p.aDumpID = append(p.aDumpID, uuid(dumpID))
	p.aTitle = append(p.aTitle, a.title)
	p.aAuthors = append(p.aAuthors, arrayLiteral(a.authors))
	p.aAgencies = append(p.aAgencies, arrayLiteral(a.agencies))
	p.aPublishedAt = append(p.aPublishedAt, a.date.at)
	p.aPrecision = append(p.aPrecision, a.date.precision)
	p.aHasZone = append(p.aHasZone, a.date.hasZone)
	p.aOffsetMinutes = append(p.aOffsetMinutes, a.date.offsetMinutes)
	p.aSourceName = append(p.aSourceName, a.siteName)
	p.aLocation = append(p.aLocation, a.location)
	p.aSponsors = append(p.aSponsors, arrayLiteral(a.sponsors))
	p.aPaywalled = append(p.aPaywalled, a.paywalled)
	p.aOriginalPublisher = append(p.aOriginalPublisher, a.originalPublisher)
	p.aLanguage = append(p.aLanguage, a.language)
	p.aURL = append(p.aURL, a.url)
	p.aBody = append(p.aBody, a.body)
	p.aWordCount = append(p.aWordCount, a.wordCount)
	p.aBodySum = append(p.aBodySum, a.bodySum[:])
	p.aMarkdown = append(p.aMarkdown, a.markdown)
	p.aDescription = append(p.aDescription, a.rich.description)
	p.aImage = append(p.aImage, a.rich.image)
	p.aCanonical = append(p.aCanonical, a.rich.canonicalURL)
	p.aSection = append(p.aSection, a.rich.section)
	p.aTags = append(p.aTags, arrayLiteral(a.rich.tags))
	p.aModifiedAt = append(p.aModifiedAt, a.rich.modifiedAt)
	p.aSections = append(p.aSections, arrayLiteral(a.rich.sections))
	p.aModifiedPrecision = append(p.aModifiedPrecision, a.rich.modifiedPrecision)
}

func (p *batchParams) args() []any {
	return []any{
		p.id, p.receivedAt, p.fetchedAt, p.source, p.url, p.contentType,
		p.body, p.sum, p.size, p.status, p.extractError, p.version,
		p.aID, p.aDumpID, p.aTitle, p.aAuthors, p.aAgencies,
		p.aPublishedAt, p.aPrecision, p.aHasZone, p.aOffsetMinutes,
		p.aSourceName, p.aLocation, p.aSponsors, p.aPaywalled, p.aOriginalPublisher, p.aLanguage, p.aURL,
		p.aBody, p.aWordCount, p.aBodySum, p.aMarkdown,
		p.aDescription, p.aImage, p.aCanonical, p.aSection, p.aTags, p.aModifiedAt, p.aSections,
		p.aModifiedPrecision,
	}
}

// arrayLiteral writes l as a PostgreSQL array literal with every element
// quoted, so that no element is read as NULL, trimmed or split; inside
// quotes only '"' and '\' need escaping. Elements are already free of NUL.
func arrayLiteral(l []string) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, s := range l {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('"')
		for j := 0; j < len(s); j++ {
			if s[j] == '"' || s[j] == '\\' {
				b.WriteByte('\\')
			}
			b.WriteByte(s[j])
		}
		b.WriteByte('"')
	}
	b.WriteByte('}')
	return b.String()
}
