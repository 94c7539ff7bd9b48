package store

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/pressroom/pressroom/internal/article"
)

// Ingest is the outcome of SaveIngest.
type Ingest struct {
	Dump    *article.Dump    // as stored, without Body
	Article *article.Article // nil when extraction failed; without Diagnostics
	Created bool             // false when (source, sha256) was already stored
}

// errVanished means the dump that blocked our insert was deleted before we
// could read it; the whole ingest is simply tried again.
var errVanished = errors.New("conflicting dump vanished")

// SaveIngest stores a dump and what was extracted from it, in one
// transaction. The same bytes from the same source are stored once: a repeat
// returns the stored dump and article with Created false, also when the
// repeats race each other. When x.Err is set the dump is stored with status
// "failed" and the error text, and there is no article.
func (s *Store) SaveIngest(ctx context.Context, d *article.Dump, x *article.Extraction) (*Ingest, error) {
	if d == nil || x == nil {
		return nil, fmt.Errorf("store: save ingest: %w: nil dump or extraction", article.ErrInvalid)
	}
	body := d.Body
	if body == nil {
		body = []byte{} // bytea NOT NULL; pgx sends nil as NULL
	}
	sum := sha256.Sum256(body)
	if d.SHA256 != ([sha256.Size]byte{}) && d.SHA256 != sum {
		return nil, fmt.Errorf("store: save ingest: %w: dump checksum does not match its body", article.ErrInvalid)
	}
	receivedAt := d.ReceivedAt
	if receivedAt.IsZero() {
		receivedAt = time.Now()
	}
	receivedAt = receivedAt.Truncate(time.Microsecond).UTC()
	var fetchedAt *time.Time
	if !d.FetchedAt.IsZero() {
		t := d.FetchedAt.Truncate(time.Microsecond).UTC()
		fetchedAt = &t
	}
	status, extractErr := article.DumpExtracted, ""
	if x.Err != nil {
		status, extractErr = article.DumpFailed, cleanText(x.Err.Error())
		if extractErr == "" {
			extractErr = "extraction failed"
		}
	}
	dumpArgs := []any{
		receivedAt, fetchedAt, cleanText(d.Source), cleanText(d.URL), cleanText(d.ContentType),
		body, sum[:], len(body), string(status), extractErr, x.Version,
	}
	var articleArgs []any
	if x.Err == nil {
		diag, err := json.Marshal(cleanDiagnostics(x.Diagnostics))
		if err != nil {
			return nil, fmt.Errorf("store: save ingest: encode diagnostics: %w", err)
		}
		m := x.Metadata
		text := joinParagraphs(x.Paragraphs)
		bodySum := sha256.Sum256([]byte(text))
		date := toDateColumns(m.Published)
		articleArgs = []any{
			cleanText(d.Source), cleanText(m.Title), textArray(m.Authors), textArray(m.Agencies),
			date.at, date.precision, date.hasZone, date.offsetMinutes,
			cleanText(m.SiteName), cleanText(m.Location), textArray(m.Sponsors), m.Paywalled,
			cleanText(m.OriginalPublisher), cleanText(m.Language), cleanText(m.URL),
			text, x.WordCount, bodySum[:], x.Version, diag, receivedAt,
		}
	}

	for attempt := 1; ; attempt++ {
		ing, err := s.saveIngest(ctx, dumpArgs, articleArgs)
		if errors.Is(err, errVanished) && attempt < 3 {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("store: save ingest: %w", mapError(err))
		}
		return ing, nil
	}
}

func (s *Store) saveIngest(ctx context.Context, dumpArgs, articleArgs []any) (*Ingest, error) {
	var ing Ingest
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		dumpID := article.NewID(time.Now())
		// ON CONFLICT DO NOTHING waits for a concurrent inserter of the same
		// (source, sha256) to finish, so the loser then reads a committed row.
		tag, err := tx.Exec(ctx, `INSERT INTO dumps (id, received_at, fetched_at, source, url, content_type,
			body, sha256, size, status, extract_error, extractor_version)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
			ON CONFLICT (source, sha256) DO NOTHING`, append([]any{uuid(dumpID)}, dumpArgs...)...)
		if err != nil {
			return fmt.Errorf("insert dump: %w", err)
		}
		ing.Created = tag.RowsAffected() == 1
		if !ing.Created {
			var existing pgtype.UUID
			err := tx.QueryRow(ctx, "SELECT id FROM dumps WHERE source = $1 AND sha256 = $2", dumpArgs[2], dumpArgs[6]).Scan(&existing)
			if errors.Is(err, pgx.ErrNoRows) {
				return errVanished
			}
			if err != nil {
				return fmt.Errorf("find existing dump: %w", err)
			}
			dumpID = existing.Bytes
		} else if articleArgs != nil {
			_, err := tx.Exec(ctx, `INSERT INTO articles (id, dump_id, source, title, authors, agencies,
				published_at, published_precision, published_has_zone, published_offset_minutes,
				source_name, location, sponsors, paywalled, original_publisher, language, url,
				body, word_count, body_sha256, extractor_version, diagnostics, received_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
				$18, $19, $20, $21, $22, $23)`,
				append([]any{uuid(article.NewID(time.Now())), uuid(dumpID)}, articleArgs...)...)
			if err != nil {
				return fmt.Errorf("insert article: %w", err)
			}
		}
		// Both paths read back the same way, so a repeat returns exactly
		// what the first call returned.
		if ing.Dump, err = findDump(ctx, tx, dumpID, false); err != nil {
			return fmt.Errorf("read back dump: %w", err)
		}
		if !ing.Dump.ArticleID.IsZero() {
			if ing.Article, err = findArticle(ctx, tx, ing.Dump.ArticleID, false); err != nil {
				return fmt.Errorf("read back article: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &ing, nil
}
