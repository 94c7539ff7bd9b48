package main

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/pressroom/pressroom/internal/article"
)

// baselineSchema is how someone without Pressroom would store the same
// articles: one table with the row shape of Pressroom's dumps and articles
// together, PostgreSQL's default settings (pglz TOAST compression, default
// fillfactor), a primary key and a unique content hash, nothing else.
const baselineSchema = `CREATE TABLE plain_articles (
	id           uuid PRIMARY KEY,
	source       text NOT NULL,
	title        text NOT NULL,
	authors      text[] NOT NULL,
	published_at timestamptz,
	body         text NOT NULL,
	raw          bytea NOT NULL,
	sha256       bytea NOT NULL UNIQUE,
	metadata     jsonb NOT NULL,
	created_at   timestamptz NOT NULL DEFAULT now()
)`

const insertPlain = `INSERT INTO plain_articles (id, source, title, authors, published_at, body, raw, sha256, metadata)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`

const selectPlain = `SELECT id, source, title, authors, published_at, body, raw, sha256, metadata, created_at
	FROM plain_articles WHERE id = $1`

// plainMetadata is the jsonb column: what the table keeps besides the
// columns, much as Pressroom's articles row does.
type plainMetadata struct {
	URL       string `json:"url"`
	SiteName  string `json:"site_name"`
	Section   string `json:"section"`
	Location  string `json:"location"`
	Language  string `json:"language"`
	Paywalled bool   `json:"paywalled"`
	WordCount int    `json:"word_count"`
}

// openBaseline connects a pool of exactly size connections, all opened
// before the first measurement, and creates the table.
func openBaseline(ctx context.Context, databaseURL string, size int) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(databaseURL)
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	cfg.MaxConns, cfg.MinConns = int32(size), int32(size)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("baseline: connect: %w", err)
	}
	if _, err := pool.Exec(ctx, baselineSchema); err != nil {
		pool.Close()
		return nil, fmt.Errorf("baseline: create table: %w", err)
	}
	return pool, nil
}

// plainIDs collects the ids the insert phase stored.
type plainIDs struct {
	mu  sync.Mutex
	ids []pgtype.UUID
}

// insertPlainOp inserts the next distinct dump as one row, one INSERT per
// transaction (autocommit).
func (b *bench) insertPlainOp(pool *pgxpool.Pool, ids *plainIDs) op {
	return func(ctx context.Context) (int, error) {
		d := b.gen.dump(b.next.Add(1))
		body := d.Body()
		meta, err := json.Marshal(plainMetadata{URL: d.URL, SiteName: d.Site, Section: d.Section, Location: d.Location,
			Language: "en", Paywalled: d.Paywalled, WordCount: wordCount(body)})
		if err != nil {
			return 0, err
		}
		sum := sha256.Sum256(d.Text)
		id := pgtype.UUID{Bytes: article.NewID(time.Now()), Valid: true}
		if _, err := pool.Exec(ctx, insertPlain, id, d.Source, d.Title, d.Authors, d.Published, body, d.Text, sum[:], meta); err != nil {
			return 0, &opError{kind: "insert", detail: err.Error()}
		}
		ids.mu.Lock()
		ids.ids = append(ids.ids, id)
		ids.mu.Unlock()
		return 1, nil
	}
}

// selectPlainOp reads one stored row in full by primary key, decoding every
// column as an application would.
func selectPlainOp(pool *pgxpool.Pool, ids *plainIDs) op {
	return func(ctx context.Context) (int, error) {
		ids.mu.Lock()
		n := len(ids.ids)
		var id pgtype.UUID
		if n > 0 {
			id = ids.ids[rand.IntN(n)]
		}
		ids.mu.Unlock()
		if n == 0 {
			return 0, &opError{kind: "no ids", detail: "the insert phase stored no rows"}
		}
		var (
			gotID              pgtype.UUID
			source, title      string
			authors            []string
			published, create  *time.Time
			body               string
			raw, sum, metadata []byte
		)
		err := pool.QueryRow(ctx, selectPlain, id).Scan(&gotID, &source, &title, &authors, &published, &body, &raw, &sum, &metadata, &create)
		if err == pgx.ErrNoRows {
			return 0, &opError{kind: "not found", detail: "a stored row is missing"}
		}
		if err != nil {
			return 0, &opError{kind: "select", detail: err.Error()}
		}
		return 1, nil
	}
}

func wordCount(s string) int {
	n, in := 0, false
	for _, c := range s {
		space := c == ' ' || c == '\n' || c == '\t'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}
