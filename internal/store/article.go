package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/pressroom/pressroom/internal/article"
)

// articleColumns reads an article (as a); $2 says whether to read the
// stored diagnostics, which only articles stored before migration 0006
// have (the API recomputes the others).
const articleColumns = columnsBeforeBody + `a.body` + columnsAfterBody + `CASE WHEN $2::boolean THEN a.diagnostics END`

// listColumns reads an article of a listing: $2 says whether to read its
// body, which can be megabytes and which lists send only on request; never
// the legacy diagnostics.
const listColumns = columnsBeforeBody + `CASE WHEN $2::boolean THEN a.body ELSE '' END` + columnsAfterBody + `NULL::jsonb`

// columnsBeforeBody and columnsAfterBody are the columns scanArticle reads
// around the body; the diagnostics come last.
const (
	columnsBeforeBody = `a.id, a.dump_id, a.source, a.title, a.authors, a.agencies,
	a.published_at, a.published_precision, a.published_has_zone, a.published_offset_minutes,
	a.source_name, a.location, a.sponsors, a.paywalled, a.original_publisher, a.language, a.url,
	`
	columnsAfterBody = `, a.word_count, a.extractor_version, a.received_at, a.created_at, a.updated_at,
	a.description, a.image, a.canonical_url, a.section, a.tags, a.modified_at, a.sections, a.modified_precision,
	`
)

// ArticleParts are the large parts of an article that FindArticleByID reads
// only when asked for.
type ArticleParts struct {
	Diagnostics bool // Article.Diagnostics, stored before migration 0006 only (see there)
	Markdown    bool // Article.BodyMarkdown, stored for HTML input only
}

// FindArticleByID returns an article, with the parts asked for. Empty lists
// (authors, paragraphs, …) come back nil.
func (s *Store) FindArticleByID(ctx context.Context, id article.ID, parts ArticleParts) (*article.Article, error) {
	var (
		a   *article.Article
		err error
	)
	if s.encodeParams {
		a, err = s.findArticleBinary(ctx, id, parts)
	} else {
		a, err = findArticle(ctx, s.pool, id, parts)
	}
	if err != nil {
		return nil, fmt.Errorf("store: find article %s: %w", id, mapError(err))
	}
	return a, nil
}

// findArticleSQL reads an article by id ($1), with its stored diagnostics
// ($2) and its Markdown body ($3) when asked for.
const findArticleSQL = `SELECT ` + articleColumns + `, CASE WHEN $3::boolean THEN a.body_markdown END
			FROM articles a WHERE a.id = $1`

func findArticle(ctx context.Context, q querier, id article.ID, parts ArticleParts) (*article.Article, error) {
	var markdown *string
	a, err := scanArticle(extraColumns{
		q.QueryRow(ctx, findArticleSQL, uuid(id), parts.Diagnostics, parts.Markdown),
		[]any{&markdown}})
	if err != nil {
		return nil, err
	}
	if markdown != nil {
		a.BodyMarkdown = *markdown
	}
	return a, nil
}

// findArticleBinary is findArticle with the statement run by pgconn and
// its row decoded by binaryRow (binary_row.go), under pgx's default exec
// mode, which keeps the prepared statement on the connection.
func (s *Store) findArticleBinary(ctx context.Context, id article.ID, parts ArticleParts) (*article.Article, error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Release()
	sd, err := conn.Conn().Prepare(ctx, findArticleSQL, findArticleSQL)
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	if len(sd.ParamOIDs) != 3 || sd.ParamOIDs[0] != oidUUID || sd.ParamOIDs[1] != oidBool || sd.ParamOIDs[2] != oidBool {
		return nil, fmt.Errorf("statement takes parameters of types %v, want uuid, boolean, boolean", sd.ParamOIDs)
	}
	var flags [2]byte
	if parts.Diagnostics {
		flags[0] = 1
	}
	if parts.Markdown {
		flags[1] = 1
	}
	rr := conn.Conn().PgConn().ExecStatement(ctx, sd, [][]byte{id[:], flags[:1], flags[1:]}, binaryFormat, binaryFormat)
	var (
		a        *article.Article
		markdown *string
		scanErr  = pgx.ErrNoRows
	)
	for rr.NextRow() {
		if scanErr != pgx.ErrNoRows {
			continue // read to the end: the connection goes back to the pool
		}
		// The row's values live until the next one is read: decode now.
		a, scanErr = scanArticle(extraColumns{&binaryRow{fields: sd.Fields, values: rr.Values()}, []any{&markdown}})
	}
	if _, err := rr.Close(); err != nil {
		return nil, err
	}
	if scanErr != nil {
		return nil, scanErr
	}
	if markdown != nil {
		a.BodyMarkdown = *markdown
	}
	return a, nil
}

func scanArticle(row pgx.Row) (*article.Article, error) {
	var (
		a           article.Article
		m           = &a.Metadata
		id, dumpID  pgtype.UUID
		date        dateColumns
		body        string
		diagnostics []byte
		rich        richScan
	)
	dest := []any{&id, &dumpID, &a.Source, &m.Title, &m.Authors, &m.Agencies,
		&date.at, &date.precision, &date.hasZone, &date.offsetMinutes,
		&m.SiteName, &m.Location, &m.Sponsors, &m.Paywalled, &m.OriginalPublisher, &m.Language, &m.URL,
		&body, &a.WordCount, &a.ExtractorVersion, &a.ReceivedAt, &a.CreatedAt, &a.UpdatedAt}
	dest = append(dest, rich.dest(m)...)
	if err := row.Scan(append(dest, &diagnostics)...); err != nil {
		return nil, err
	}
	rich.finish(m)
	a.ID, a.DumpID = article.ID(id.Bytes), article.ID(dumpID.Bytes)
	m.Authors, m.Agencies, m.Sponsors = nilIfEmpty(m.Authors), nilIfEmpty(m.Agencies), nilIfEmpty(m.Sponsors)
	m.Published = fromDateColumns(date)
	a.Paragraphs = splitParagraphs(body)
	a.ReceivedAt, a.CreatedAt, a.UpdatedAt = a.ReceivedAt.UTC(), a.CreatedAt.UTC(), a.UpdatedAt.UTC()
	if diagnostics != nil {
		a.Diagnostics = new(article.Diagnostics)
		if err := json.Unmarshal(diagnostics, a.Diagnostics); err != nil {
			return nil, fmt.Errorf("decode diagnostics: %w", err)
		}
	}
	return &a, nil
}
