package store

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/pressroom/pressroom/internal/article"
)

// Defaults for Options, chosen from BenchmarkIngestWrite and BenchmarkIngestTuning on a 2-core machine
// with a durable PostgreSQL (see ingest_bench_test.go).
const (
	DefaultMaxBatch     = 64
	DefaultWriters      = 2
	DefaultFlushTimeout = 30 * time.Second
)

// Options tunes a Store. The zero value means the defaults.
type Options struct {
	// MaxBatch caps the rows written in one transaction, by group commit
	// and by SaveIngestBatch alike. 0 means DefaultMaxBatch.
	MaxBatch int
	// Writers is how many group-commit transactions may be in flight at
	// once. 0 means DefaultWriters.
	Writers int
	// DisableGroupCommit makes every SaveIngest write its own transaction
	// on the caller's goroutine.
	DisableGroupCommit bool
	// FlushTimeout bounds one group-commit transaction, which runs on no
	// caller's context so that one caller giving up cannot fail the others.
	// 0 means DefaultFlushTimeout.
	FlushTimeout time.Duration
}

// NewWithOptions returns a Store on pool tuned by opts. The caller owns the
// pool, and closes it after Close.
func NewWithOptions(pool *pgxpool.Pool, opts Options) *Store {
	if opts.MaxBatch <= 0 {
		opts.MaxBatch = DefaultMaxBatch
	}
	if opts.Writers <= 0 {
		opts.Writers = DefaultWriters
	}
	if opts.FlushTimeout <= 0 {
		opts.FlushTimeout = DefaultFlushTimeout
	}
	s := &Store{pool: pool, maxBatch: opts.MaxBatch}
	if !opts.DisableGroupCommit {
		s.commit = &committer{s: s, maxBatch: opts.MaxBatch, writers: opts.Writers, timeout: opts.FlushTimeout}
	}
	return s
}

// Close finishes group commit: calls already waiting are written and
// answered, and later SaveIngest calls fail with ErrUnavailable. Call it
// after the last request was served and before closing the pool. Close
// does not close the pool; reads keep working.
func (s *Store) Close() {
	if s.commit != nil {
		s.commit.close()
	}
}

// committer is group commit: SaveIngest calls queue their row, and up to
// writers goroutines write the queue in transactions of up to maxBatch rows.
//
// Batches form by themselves, without a timer: a call that finds a writer
// free is written at once (a lone caller never waits), and calls arriving
// while all writers are busy wait for the next free one, which takes them
// all. A call thus waits at most for one transaction ahead of it, and the
// batch grows with the load. Each call is answered after its transaction
// committed.
type committer struct {
	s        *Store
	maxBatch int
	writers  int
	timeout  time.Duration

	mu      sync.Mutex
	queue   []*request
	running int // writer goroutines
	closed  bool
	done    sync.WaitGroup

	flushHook func(n int) // tests: called before each transaction of n calls
}

// request is one SaveIngest call waiting for its transaction.
type request struct {
	ctx    context.Context
	row    *ingestRow
	result IngestResult
	ready  chan struct{} // closed once result is set
}

// submit queues row and waits for its result or for ctx.
func (c *committer) submit(ctx context.Context, row *ingestRow) (*Ingest, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store: save ingest: %w", err)
	}
	r := &request{ctx: ctx, row: row, ready: make(chan struct{})}
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil, fmt.Errorf("store: save ingest: %w: store closed", article.ErrUnavailable)
	}
	c.queue = append(c.queue, r)
	if c.running < c.writers {
		c.running++
		c.done.Add(1)
		go c.write()
	}
	c.mu.Unlock()

	select {
	case <-r.ready:
		return r.result.Ingest, r.result.Err
	case <-ctx.Done():
		// The row may still be written; a retry finds it (Created false).
		return nil, fmt.Errorf("store: save ingest: %w", ctx.Err())
	}
}

// write writes the queue until it is empty.
func (c *committer) write() {
	defer c.done.Done()
	for {
		c.mu.Lock()
		n := min(len(c.queue), c.maxBatch)
		if n == 0 {
			c.running--
			c.mu.Unlock()
			return
		}
		batch := c.queue[:n:n]
		if n == len(c.queue) {
			c.queue = nil
		} else {
			c.queue = append([]*request(nil), c.queue[n:]...)
		}
		c.mu.Unlock()
		c.flush(batch)
	}
}

// flush writes one batch and answers its callers.
func (c *committer) flush(batch []*request) {
	live := batch[:0:0]
	rows := make([]*ingestRow, 0, len(batch))
	for _, r := range batch {
		if err := r.ctx.Err(); err != nil {
			// Gave up before anything was written: do not write it.
			r.result.Err = fmt.Errorf("store: save ingest: %w", err)
			close(r.ready)
			continue
		}
		live = append(live, r)
		rows = append(rows, r.row)
	}
	if len(live) == 0 {
		return
	}
	if c.flushHook != nil {
		c.flushHook(len(live))
	}
	ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
	defer cancel()
	for i, res := range c.s.writeRows(ctx, rows) {
		live[i].result = res
		close(live[i].ready)
	}
}

// close refuses new calls and waits until the queued ones are answered.
func (c *committer) close() {
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
	c.done.Wait()
}
