package store

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/pressroom/pressroom/internal/article"
)

// DumpsToReextract returns up to limit dumps, with their bodies, that an
// extractor older than belowVersion processed, with ids above after, in id
// order. A re-extraction run resumes from the last id it handled (the zero
// ID starts from the beginning).
func (s *Store) DumpsToReextract(ctx context.Context, belowVersion int, after article.ID, limit int) ([]*article.Dump, error) {
	if limit < 1 {
		return nil, fmt.Errorf("store: dumps to re-extract: %w: limit %d", article.ErrInvalid, limit)
	}
	// The primary key gives the id order; dumps already current are
	// skipped on the way, which a run pays for once in total because it
	// resumes after the last id.
	rows, err := s.pool.Query(ctx, `SELECT `+dumpColumns+`
		FROM dumps d LEFT JOIN articles a ON a.dump_id = d.id
		WHERE d.extractor_version < $1 AND d.id > $3
		ORDER BY d.id LIMIT $4`, belowVersion, true, uuid(after), limit)
	if err != nil {
		return nil, fmt.Errorf("store: dumps to re-extract: %w", mapError(err))
	}
	defer rows.Close()
	dumps := make([]*article.Dump, 0, min(limit, 256))
	for rows.Next() {
		d, err := scanDump(rows)
		if err != nil {
			return nil, fmt.Errorf("store: dumps to re-extract: %w", mapError(err))
		}
		dumps = append(dumps, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: dumps to re-extract: %w", mapError(err))
	}
	return dumps, nil
}

// SaveReextraction stores what a newer extractor made of a stored dump, in
// one transaction. Only d.ID is read: the stored dump is the truth.
//
//   - Success: the dump becomes "extracted" at x.Version, and its article
//     is updated in place (same id and created_at, updated_at set to now),
//     or created when the dump had none (Created is then true). An
//     updated article's search vector follows its new text in the same
//     transaction; a created one is indexed later, as ingested ones are
//     (IndexSearch).
//   - Failure (x.Err set): the dump becomes "failed" with the error at
//     x.Version, and an article extracted earlier is kept as it was: a
//     regression of the extractor must not take articles down, and the
//     article's own extractor_version still tells which extractor made it.
//     The dump's new version keeps the next run from retrying it.
//   - A dump already processed by a newer extractor than x.Version (an old
//     binary during a rolling deploy) is left alone.
//
// The result is read back as SaveIngest's is. A dump deleted meanwhile is
// ErrNotFound.
func (s *Store) SaveReextraction(ctx context.Context, d *article.Dump, x *article.Extraction) (*Ingest, error) {
	if d == nil || x == nil || d.ID.IsZero() {
		return nil, fmt.Errorf("store: save re-extraction: %w: nil dump or extraction, or dump without id", article.ErrInvalid)
	}
	// The article's vector, should its indexed text have changed, built in
	// Go before the transaction takes a connection: the Go side's lookups
	// may need one of their own. nil: computed by pressroom_search_vector.
	var vector vectorParam
	if x.Err == nil {
		vector = s.reextractionVector(ctx, x)
	}
	var ing Ingest
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var (
			version    int
			source     string
			receivedAt time.Time
		)
		// The row lock serialises re-extractions of one dump, and a
		// takedown that comes meanwhile waits for us (or we find nothing).
		err := tx.QueryRow(ctx, `SELECT extractor_version, source, received_at FROM dumps WHERE id = $1 FOR UPDATE`,
			uuid(d.ID)).Scan(&version, &source, &receivedAt)
		if err != nil {
			return fmt.Errorf("lock dump: %w", err)
		}
		if version <= x.Version {
			created, err := applyReextraction(ctx, tx, d.ID, source, receivedAt, x, vector)
			if err != nil {
				return err
			}
			ing.Created = created
		}
		ing.Dump, ing.Article, err = readBack(ctx, tx, d.ID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: save re-extraction of dump %s: %w", d.ID, mapError(err))
	}
	return &ing, nil
}

// reextractionVector is the search vector of x's article built in Go, as
// IndexSearch builds it, or nil for PostgreSQL to compute.
func (s *Store) reextractionVector(ctx context.Context, x *article.Extraction) vectorParam {
	vectors, err := s.indexGo.params(ctx, s.pool, []string{cleanText(x.Metadata.Language)},
		[]string{cleanText(x.Metadata.Title)}, []string{joinParagraphs(x.Paragraphs)})
	if err != nil {
		slog.WarnContext(ctx, "search vectors left to PostgreSQL", slog.Any("err", err))
	}
	return vectors[0]
}

// readBack reads a dump, without its body, and its article (nil when it
// has none) as q sees them: what a write in q's transaction left.
func readBack(ctx context.Context, q querier, dumpID article.ID) (*article.Dump, *article.Article, error) {
	d, err := findDump(ctx, q, dumpID, false)
	if err != nil {
		return nil, nil, fmt.Errorf("read back dump: %w", err)
	}
	if d.ArticleID.IsZero() {
		return d, nil, nil
	}
	a, err := findArticle(ctx, q, d.ArticleID, ArticleParts{})
	if err != nil {
		return nil, nil, fmt.Errorf("read back article: %w", err)
	}
	return d, a, nil
}

// applyReextraction writes x over the locked dump and its article, with
// vector as the article's search vector should its text have changed
// (nil: pressroom_search_vector's); it reports whether it created the
// article.
func applyReextraction(ctx context.Context, tx pgx.Tx, dumpID article.ID, source string, receivedAt time.Time, x *article.Extraction, vector vectorParam) (bool, error) {
	if x.Err != nil {
		msg := cleanText(x.Err.Error())
		if msg == "" {
			msg = "extraction failed"
		}
		_, err := tx.Exec(ctx, `UPDATE dumps SET status = $2, extract_error = $3, extractor_version = $4 WHERE id = $1`,
			uuid(dumpID), string(article.DumpFailed), msg, x.Version)
		if err != nil {
			return false, fmt.Errorf("update dump: %w", err)
		}
		return false, nil
	}
	if _, err := tx.Exec(ctx, `UPDATE dumps SET status = $2, extract_error = '', extractor_version = $3 WHERE id = $1`,
		uuid(dumpID), string(article.DumpExtracted), x.Version); err != nil {
		return false, fmt.Errorf("update dump: %w", err)
	}
	m := x.Metadata
	text := joinParagraphs(x.Paragraphs)
	bodySum := sha256.Sum256([]byte(text))
	date := toDateColumns(m.Published)
	// The extracted fields follow the dump id in the update, and the dump
	// id, a new article id, source and arrival time in the insert.
	fields := []any{
		cleanText(m.Title), textArray(m.Authors), textArray(m.Agencies),
		date.at, date.precision, date.hasZone, date.offsetMinutes,
		cleanText(m.SiteName), cleanText(m.Location), textArray(m.Sponsors), m.Paywalled,
		cleanText(m.OriginalPublisher), cleanText(m.Language), cleanText(m.URL),
		text, x.WordCount, bodySum[:], x.Version, markdownColumn(x.BodyMarkdown),
	}
	rich := toRichRow(&m)
	fields = append(fields, rich.values()...)
	// An article that was searchable stays so: its vector is recomputed
	// here when the indexed text (title, body, language) changed, rather
	// than left to the background indexer, so that a re-extraction of the
	// whole archive does not take it out of search meanwhile; unchanged
	// text keeps the stored vector (or its place in the indexer's queue).
	// A new article waits for the indexer, as an ingested one does.
	// Diagnostics are not stored (the API recomputes them from the dump),
	// and ones stored by an older version would now explain other fields.
	var id pgtype.UUID
	err := tx.QueryRow(ctx, `UPDATE articles SET title = $2, authors = $3, agencies = $4,
		published_at = $5, published_precision = $6, published_has_zone = $7, published_offset_minutes = $8,
		source_name = $9, location = $10, sponsors = $11, paywalled = $12, original_publisher = $13,
		language = $14, url = $15, body = $16, word_count = $17, body_sha256 = $18,
		extractor_version = $19, diagnostics = NULL, body_markdown = $20, updated_at = now(),
		description = $21, image = $22, canonical_url = $23, section = $24, tags = $25, modified_at = $26, sections = $27,
		modified_precision = $28,
		search = CASE WHEN language = $14 AND title = $2 AND body_sha256 = $18 THEN search
			ELSE coalesce($29::tsvector, pressroom_search_vector($14, $2, $16)) END
		WHERE dump_id = $1 RETURNING id`, append(append([]any{withVectorCodec{}, uuid(dumpID)}, fields...), vector)...).Scan(&id)
	if err == nil {
		return false, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return false, fmt.Errorf("update article: %w", err)
	}
	_, err = tx.Exec(ctx, `INSERT INTO articles (dump_id, id, source, received_at, title, authors, agencies,
		published_at, published_precision, published_has_zone, published_offset_minutes,
		source_name, location, sponsors, paywalled, original_publisher, language, url,
		body, word_count, body_sha256, extractor_version, body_markdown, `+richColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
		$19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31)`,
		append([]any{uuid(dumpID), uuid(article.NewID(time.Now())), source, receivedAt}, fields...)...)
	if err != nil {
		return false, fmt.Errorf("insert article: %w", err)
	}
	return true, nil
}
