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
	pool     *pgxpool.Pool
	maxBatch int // rows per write transaction
	// searchInline: ingest computes the search vector (Options.SearchInline).
	searchInline bool
	commit       *committer   // nil without group commit
	ingestBusy   atomic.Int64 // nanoseconds spent in ingest writes, summed over concurrent writes
}

// IngestWriteTime returns the time this Store has spent writing ingested
// dumps (SaveIngest, SaveIngestBatch), summed over concurrent writes: its
// growth per second of wall time is how busy ingest keeps the database
// (2 means two writes in flight all along). The search indexer defers to
// ingest with it.
func (s *Store) IngestWriteTime() time.Duration { return time.Duration(s.ingestBusy.Load()) }

// New returns a Store on pool with the default Options. The caller owns
// the pool, and closes it after the Store's Close.
func New(pool *pgxpool.Pool) *Store { return NewWithOptions(pool, Options{}) }

// Open connects to databaseURL (a postgres:// URL or key=value DSN) and
// checks that the database answers. Pool settings given in the URL
// (pool_max_conns, …) win over the defaults chosen here. A malformed URL is
// ErrInvalid; an unreachable database is ErrUnavailable.
func Open(ctx context.Context, databaseURL string) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(databaseURL)
	if err != nil {
		// pgx redacts passwords in parse errors on a best-effort basis only,
		// so the URL and the parser's message stay out of ours.
		return nil, fmt.Errorf("store: open: %w: cannot parse database URL", article.ErrInvalid)
	}
	if !strings.Contains(databaseURL, "pool_max_conns") {
		// pgxpool's default is max(4, NumCPU); request handlers block on the
		// pool, so allow more concurrency than there are CPUs. Measured on 2
		// cores with 64 callers (BenchmarkIngestReads, BenchmarkIngestTuning/
		// Pool): 8 is at or near the best for reads and for writes without
		// group commit; 16 only adds lock contention in PostgreSQL. Group
		// commit writes on at most Options.Writers of them.
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
