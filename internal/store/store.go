// Package store keeps dumps and articles in PostgreSQL: the pool, inline SQL,
// transactions, the migration runner, the mapping of PostgreSQL errors to
// article error kinds, and the pool-statistics collector.
package store

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/pressroom/pressroom/internal/article"
)

// Store reads and writes dumps and articles. It is safe for concurrent use.
type Store struct {
	pool      *pgxpool.Pool
	ownsPool  bool // opened by Open: Close closes it
	batchRows int  // rows per SaveIngestBatch transaction
	// searchInline: ingest computes the search vector (Options.SearchInline).
	searchInline bool
	copyMinRows  int          // new dumps from which a write uses COPY (writeNew)
	encodeParams bool         // the INSERT's parameters are encoded by the store (ingest_params.go)
	goSearch     *goSearch    // builds the inline vectors in Go; nil: in SQL
	commit       *committer   // nil without group commit
	ingestBusy   atomic.Int64 // nanoseconds spent in ingest writes, summed over concurrent writes

	// indexGo builds the vectors of IndexSearch and SaveReextraction in
	// Go: goSearch when inline, so that both share one cache, else one of
	// its own; nil: in SQL (Options.SearchInSQL).
	indexGo *goSearch
}

// Options tunes a Store. The zero value means the defaults.
type Options struct {
	// MaxBatch caps the rows written in one group-commit transaction. 0
	// means DefaultMaxBatch.
	MaxBatch int
	// BatchRows caps the rows SaveIngestBatch writes in one transaction.
	// 0 means DefaultBatchRows.
	BatchRows int
	// Writers is how many group-commit transactions may be in flight at
	// once. 0 means DefaultWriters.
	Writers int
	// DisableGroupCommit makes every SaveIngest write its own transaction
	// on the caller's goroutine.
	DisableGroupCommit bool
	// SearchInline makes ingest store each article's full-text search
	// vector in the statement that inserts it, so that a text search finds
	// the article as soon as it is committed. The vector is built in Go
	// (searchvec.go) and costs PostgreSQL ~0.1 ms per article, against
	// ~0.4–0.9 ms for the background indexer's UPDATE afterwards, whose
	// vector is built in Go too (see docs/performance.md). Off, articles
	// are indexed after their commit by IndexSearch.
	SearchInline bool
	// SearchInSQL makes every search vector computed by
	// pressroom_search_vector in PostgreSQL (inline indexing, IndexSearch,
	// SaveReextraction) instead of built in Go and sent: PostgreSQL then
	// spends ~1–2 ms more CPU per article. It exists to measure the two
	// against each other; the Go vectors are the same (searchvec.go).
	SearchInSQL bool
	// FlushTimeout bounds one group-commit transaction, which runs on no
	// caller's context so that one caller giving up cannot fail the others.
	// 0 means DefaultFlushTimeout.
	FlushTimeout time.Duration
}

// Open connects to databaseURL (a postgres:// URL or key=value DSN), checks
// that the database answers, and returns a Store tuned by opts that owns
// its connection pool: Close closes it. A malformed URL is ErrInvalid; an
// unreachable database is ErrUnavailable.
func Open(ctx context.Context, databaseURL string, opts Options) (*Store, error) {
	pool, err := OpenPool(ctx, databaseURL)
	if err != nil {
		return nil, err
	}
	s := NewWithOptions(pool, opts)
	s.ownsPool = true
	return s, nil
}

// OpenPool is Open's connection pool alone, for tests and benchmarks that
// also run SQL of their own (internal/dbtest); the caller closes it. Pool
// settings given in the URL (pool_max_conns, …) win over the defaults
// chosen here.
func OpenPool(ctx context.Context, databaseURL string) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(databaseURL)
	if err != nil {
		// pgx redacts passwords in parse errors on a best-effort basis only,
		// so the URL and the parser's message stay out of ours.
		return nil, fmt.Errorf("store: open: %w: cannot parse database URL", article.ErrInvalid)
	}
	if !strings.Contains(databaseURL, "pool_max_conns") {
		// Request handlers block on the pool, so allow more connections than
		// CPUs (pgxpool's default); measured in docs/performance.md#pool-size.
		cfg.MaxConns = int32(max(8, 2*runtime.GOMAXPROCS(0)))
	}
	if !strings.Contains(databaseURL, "pool_max_conn_idle_time") {
		cfg.MaxConnIdleTime = 5 * time.Minute
	}
	if cfg.ConnConfig.ConnectTimeout == 0 {
		// Fail a request in seconds, not after the OS's TCP timeout.
		cfg.ConnConfig.ConnectTimeout = 5 * time.Second
	}
	if _, ok := cfg.ConnConfig.RuntimeParams["application_name"]; !ok {
		cfg.ConnConfig.RuntimeParams["application_name"] = "pressroom"
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("store: open: %w", mapError(err))
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("store: open: %w", mapError(err))
	}
	return pool, nil
}

// New returns a Store with the default Options on a pool the caller owns
// and closes after the Store's Close.
func New(pool *pgxpool.Pool) *Store { return NewWithOptions(pool, Options{}) }

// NewWithOptions returns a Store tuned by opts on a pool the caller owns
// and closes after the Store's Close.
func NewWithOptions(pool *pgxpool.Pool, opts Options) *Store {
	if opts.MaxBatch <= 0 {
		opts.MaxBatch = DefaultMaxBatch
	}
	if opts.BatchRows <= 0 {
		opts.BatchRows = DefaultBatchRows
	}
	if opts.Writers <= 0 {
		opts.Writers = DefaultWriters
	}
	if opts.FlushTimeout <= 0 {
		opts.FlushTimeout = DefaultFlushTimeout
	}
	s := &Store{pool: pool, batchRows: opts.BatchRows, searchInline: opts.SearchInline, copyMinRows: copyMinRows}
	if pool != nil { // a store without a pool only describes its metrics
		s.encodeParams = encodesParams(pool.Config().ConnConfig)
	}
	if !opts.SearchInSQL {
		s.indexGo = newGoSearch()
		if opts.SearchInline {
			s.goSearch = s.indexGo
		}
	}
	if !opts.DisableGroupCommit {
		s.commit = &committer{s: s, maxBatch: opts.MaxBatch, writers: opts.Writers, timeout: opts.FlushTimeout}
	}
	return s
}

// Close finishes group commit: calls already waiting are written and
// answered, and later SaveIngest calls fail with ErrUnavailable. Call it
// after the last request was served. A Store from Open then closes its
// pool; one from New leaves the pool, and reads, to its owner. Close may
// be called more than once.
func (s *Store) Close() {
	if s.commit != nil {
		s.commit.close()
	}
	if s.ownsPool {
		s.pool.Close()
	}
}

// IngestWriteTime returns the time this Store has spent writing ingested
// dumps (SaveIngest, SaveIngestBatch), summed over concurrent writes: its
// growth per second of wall time is how busy ingest keeps the database
// (2 means two writes in flight all along). The search indexer defers to
// ingest with it.
func (s *Store) IngestWriteTime() time.Duration { return time.Duration(s.ingestBusy.Load()) }

// Ping checks that the database answers; failures are ErrUnavailable.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.pool.Ping(ctx); err != nil {
		err = mapError(err)
		if !errors.Is(err, article.ErrUnavailable) {
			err = fmt.Errorf("%w: %w", article.ErrUnavailable, err)
		}
		return fmt.Errorf("store: ping: %w", err)
	}
	return nil
}

// querier is what the helpers below need from a pool or a transaction.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}
