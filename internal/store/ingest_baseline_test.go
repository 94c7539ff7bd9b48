package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/pressroom/pressroom/internal/article"
)

// SaveIngestPerTx is the write path before batching and group commit, kept
// as the baseline of BenchmarkSaveIngest: one transaction per call, one
// statement per round trip (BEGIN, insert dump, insert article, read back
// dump and article, COMMIT).
var SaveIngestPerTx = (*Store).saveIngestPerTx

func (s *Store) saveIngestPerTx(ctx context.Context, d *article.Dump, x *article.Extraction) (*Ingest, error) {
	r, err := prepareIngest(d, x)
	if err != nil {
		return nil, fmt.Errorf("store: save ingest: %w", err)
	}
	for attempt := 1; ; attempt++ {
		ing, err := s.perTx(ctx, r)
		if errors.Is(err, errVanished) && attempt < maxAttempts {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("store: save ingest: %w", mapError(err))
		}
		return ing, nil
	}
}

func (s *Store) perTx(ctx context.Context, r *ingestRow) (*Ingest, error) {
	var ing Ingest
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		dumpID := article.NewID(time.Now())
		tag, err := tx.Exec(ctx, `INSERT INTO dumps (id, received_at, fetched_at, source, url, content_type,
			body, sha256, size, status, extract_error, extractor_version)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
			ON CONFLICT (source, sha256) DO NOTHING`,
			uuid(dumpID), r.receivedAt, r.fetchedAt, r.source, r.url, r.contentType,
			r.body, r.sum[:], len(r.body), r.status, r.extractError, r.version)
		if err != nil {
			return fmt.Errorf("insert dump: %w", err)
		}
		ing.Created = tag.RowsAffected() == 1
		if !ing.Created {
			var existing pgtype.UUID
			err := tx.QueryRow(ctx, "SELECT id FROM dumps WHERE source = $1 AND sha256 = $2", r.source, r.sum[:]).Scan(&existing)
			if errors.Is(err, pgx.ErrNoRows) {
				return errVanished
			}
			if err != nil {
				return fmt.Errorf("find existing dump: %w", err)
			}
			dumpID = existing.Bytes
		} else if a := r.art; a != nil {
			_, err := tx.Exec(ctx, `INSERT INTO articles (id, dump_id, source, title, authors, agencies,
				published_at, published_precision, published_has_zone, published_offset_minutes,
				source_name, location, sponsors, paywalled, original_publisher, language, url,
				body, word_count, body_sha256, extractor_version, received_at, body_markdown)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
				$18, $19, $20, $21, $22, $23)`,
				uuid(article.NewID(time.Now())), uuid(dumpID), r.source, a.title, a.authors, a.agencies,
				a.date.at, a.date.precision, a.date.hasZone, a.date.offsetMinutes,
				a.siteName, a.location, a.sponsors, a.paywalled, a.originalPublisher, a.language, a.url,
				a.body, a.wordCount, a.bodySum[:], r.version, r.receivedAt, a.markdown)
			if err != nil {
				return fmt.Errorf("insert article: %w", err)
			}
		}
		ing.Dump, ing.Article, err = readBack(ctx, tx, dumpID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return &ing, nil
}
