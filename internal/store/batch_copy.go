package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/pressroom/pressroom/internal/article"
)

// copyMinRows is the number of new dumps from which a chunk of a batch is
// written with COPY (copyBatch) instead of insertIngestsSQL. COPY takes
// five round trips where the statement takes one, but PostgreSQL parses no
// arrays and pgx builds no array parameters: a chunk of 32 cost ~20% less
// CPU in Go, and in PostgreSQL in two runs of three. Group commit keeps the
// one statement: its two writers' round trips are its throughput, and COPY
// lost ~7% of it there (docs/performance.md, "Cheaper POSTs and batch
// ingest").
const copyMinRows = 8

// dumpCopyColumns and articleCopyColumns are the columns copyBatch writes;
// articles' created_at and updated_at take their default, now(). A new
// article column (a search vector built in Go, say) takes two places here,
// articleCopyColumns and the row in copyBatch, besides insertIngests'
// five.
var (
	dumpCopyColumns = []string{"id", "received_at", "fetched_at", "source", "url", "content_type",
		"body", "sha256", "size", "status", "extract_error", "extractor_version"}
	articleCopyColumns = []string{"id", "dump_id", "source", "title", "authors", "agencies",
		"published_at", "published_precision", "published_has_zone", "published_offset_minutes",
		"source_name", "location", "sponsors", "paywalled", "original_publisher", "language", "url",
		"body", "word_count", "body_sha256", "extractor_version", "received_at", "body_markdown",
		"description", "image", "canonical_url", "section", "tags", "modified_at", "sections", "modified_precision"}
)

// errKeyStored means a dump copyBatch was to write is already stored (or
// was stored meanwhile): its transaction rolled back, and the rows go
// through insertIngestsSQL, whose ON CONFLICT skips the stored ones.
var errKeyStored = errors.New("a dump of the batch is already stored")

// writeNew writes the dumps and articles of p, skipping dumps already
// stored, and returns the ids of the dumps it created with their
// articles' times (see insertBatch). A bulk write of enough new rows goes
// through COPY; when one of them turns out to be stored already, through
// the statement. Vectors computed in SQL need the statement; those built in
// Go go into the COPY, and an article Go leaves to PostgreSQL is left NULL
// there, for the background indexer, seconds later.
func (s *Store) writeNew(ctx context.Context, p *batchParams, bulk bool) (map[article.ID]articleTimes, error) {
	goVectors := s.goSearch != nil && !s.goSearch.asText
	if bulk && len(p.id) >= s.copyMinRows && (!s.searchInline || goVectors) {
		created, err := s.copyBatch(ctx, p)
		if !errors.Is(err, errKeyStored) {
			return created, err
		}
	}
	return s.insertBatch(ctx, p)
}

// copyBatch writes every dump of p and its article with two COPYs in one
// transaction. It fails with errKeyStored, having written nothing, when a
// dump's key is taken.
func (s *Store) copyBatch(ctx context.Context, p *batchParams) (created map[article.ID]articleTimes, err error) {
	columns := articleCopyColumns
	var vectors []pgtype.TSVector // at p.aID's index; built in Go (searchvec.go)
	if s.searchInline {
		// Before the transaction takes its connection: building them may
		// ask the pool for another (ts_lexize), and with every connection
		// held by a chunk waiting for one, none would ever come.
		vectors = s.searchVectors(ctx, p.aLanguage, p.aTitle, p.aBody)
		columns = append(slices.Clip(columns), "search")
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("copy dumps and articles: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback(context.WithoutCancel(ctx))
		}
	}()
	// The articles' created_at and updated_at: now() is the time the
	// transaction started, for the defaults as for this query.
	var now time.Time
	if err := tx.QueryRow(ctx, "SELECT now()").Scan(&now); err != nil {
		return nil, fmt.Errorf("copy dumps and articles: %w", err)
	}
	_, err = tx.CopyFrom(ctx, pgx.Identifier{"dumps"}, dumpCopyColumns, pgx.CopyFromSlice(len(p.id), func(i int) ([]any, error) {
		return []any{p.id[i], p.receivedAt[i], p.fetchedAt[i], p.source[i], p.url[i], p.contentType[i],
			p.body[i], p.sum[i], p.size[i], p.status[i], p.extractError[i], p.version[i]}, nil
	}))
	if err != nil {
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) && pgErr.Code == "23505" && pgErr.TableName == "dumps" {
			return nil, errKeyStored
		}
		return nil, fmt.Errorf("copy dumps: %w", err)
	}
	var withArticle []*ingestRow // in the order of p.aID
	for _, r := range p.rows {
		if r.art != nil {
			withArticle = append(withArticle, r)
		}
	}
	_, err = tx.CopyFrom(ctx, pgx.Identifier{"articles"}, columns, pgx.CopyFromSlice(len(withArticle), func(i int) ([]any, error) {
		r := withArticle[i]
		a := r.art
		row := []any{p.aID[i], p.aDumpID[i], r.source, a.title, nonNilList(a.authors), nonNilList(a.agencies),
			a.date.at, a.date.precision, a.date.hasZone, a.date.offsetMinutes,
			a.siteName, a.location, nonNilList(a.sponsors), a.paywalled, a.originalPublisher, a.language, a.url,
			a.body, a.wordCount, a.bodySum[:], r.version, r.receivedAt, a.markdown,
			a.rich.description, a.rich.image, a.rich.canonicalURL, a.rich.section, nonNilList(a.rich.tags), a.rich.modifiedAt,
			nonNilList(a.rich.sections), a.rich.modifiedPrecision}
		if vectors != nil {
			row = append(row, vectors[i])
		}
		return row, nil
	}))
	if err != nil {
		return nil, fmt.Errorf("copy articles: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, fmt.Errorf("copy dumps and articles: commit: %w", err)
	}
	created = make(map[article.ID]articleTimes, len(p.id))
	now = now.UTC()
	for i, r := range p.rows {
		var t articleTimes
		if r.art != nil {
			t = articleTimes{now, now}
		}
		created[article.ID(p.id[i].Bytes)] = t
	}
	return created, nil
}

// nonNilList is l, or an empty list for nil: pgx sends a nil slice as
// NULL, and the list columns are NOT NULL.
func nonNilList(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}
