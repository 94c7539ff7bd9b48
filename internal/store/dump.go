package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/pressroom/pressroom/internal/article"
)

// dumpColumns reads a dump joined (as d) with its article (as a); $2 says
// whether to read the body, which can be megabytes.
const dumpColumns = `d.id, d.received_at, d.fetched_at, d.source, d.url, d.content_type, d.sha256, d.size,
	d.status, d.extract_error, d.extractor_version, a.id, CASE WHEN $2::boolean THEN d.body END`

// FindDumpByID returns a dump with its status, extraction error and article
// id; the raw bytes only when withBody.
func (s *Store) FindDumpByID(ctx context.Context, id article.ID, withBody bool) (*article.Dump, error) {
	d, err := findDump(ctx, s.pool, id, withBody)
	if err != nil {
		return nil, fmt.Errorf("store: find dump %s: %w", id, mapError(err))
	}
	return d, nil
}

// FindDumpByArticleID returns, with its raw bytes, the dump an article was
// extracted from.
func (s *Store) FindDumpByArticleID(ctx context.Context, articleID article.ID) (*article.Dump, error) {
	row := s.pool.QueryRow(ctx, `SELECT `+dumpColumns+`
		FROM articles a JOIN dumps d ON d.id = a.dump_id WHERE a.id = $1`, uuid(articleID), true)
	d, err := scanDump(row)
	if err != nil {
		return nil, fmt.Errorf("store: find dump of article %s: %w", articleID, mapError(err))
	}
	return d, nil
}

func findDump(ctx context.Context, q querier, id article.ID, withBody bool) (*article.Dump, error) {
	return scanDump(q.QueryRow(ctx, `SELECT `+dumpColumns+`
		FROM dumps d LEFT JOIN articles a ON a.dump_id = d.id WHERE d.id = $1`, uuid(id), withBody))
}

func scanDump(row pgx.Row) (*article.Dump, error) {
	var (
		d         article.Dump
		id, artID pgtype.UUID
		fetchedAt *time.Time
		sum       []byte
		status    string
	)
	err := row.Scan(&id, &d.ReceivedAt, &fetchedAt, &d.Source, &d.URL, &d.ContentType, &sum, &d.Size,
		&status, &d.ExtractError, &d.ExtractorVersion, &artID, &d.Body)
	if err != nil {
		return nil, err
	}
	d.ID = article.ID(id.Bytes)
	d.ReceivedAt = d.ReceivedAt.UTC()
	if fetchedAt != nil {
		d.FetchedAt = fetchedAt.UTC()
	}
	copy(d.SHA256[:], sum)
	d.Status = article.DumpStatus(status)
	if artID.Valid {
		d.ArticleID = article.ID(artID.Bytes)
	}
	return &d, nil
}

// uuid is id as a query parameter.
func uuid(id article.ID) pgtype.UUID { return pgtype.UUID{Bytes: id, Valid: true} }
