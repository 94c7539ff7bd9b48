package store

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/pressroom/pressroom/internal/article"
)

// Defaults for Options, measured with BenchmarkIngestTuning/GroupCommit
// (docs/performance.md#group-commit).
const (
	DefaultMaxBatch     = 32
	DefaultWriters      = 2
	DefaultFlushTimeout = 30 * time.Second
)

// committer is group commit: SaveIngest calls queue their row, and up to
// writers goroutines write the queue in transactions of up to maxBatch rows.
//
// Batches form by themselves, without a timer. A call that finds a writer
// slot free and nobody queued is written at once on its own goroutine, as
// without group commit (a lone caller never waits, nor pays a hand-off);
// calls arriving while all writers are busy queue, and the next free writer
// takes them all. A call thus waits at most for one transaction ahead of
// it, and batches grow with the load. Each call is answered after its
// transaction committed.
type committer struct {
	s        *Store
	maxBatch int
	writers  int
	timeout  time.Duration

	mu      sync.Mutex
	queue   []*request
	running int // writers: queue goroutines and callers writing their own row
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

// submit writes row, alone or with other calls, and returns its result, or
// ctx's error once ctx is done.
func (c *committer) submit(ctx context.Context, row *ingestRow) (*Ingest, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store: save ingest: %w", err)
	}
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil, fmt.Errorf("store: save ingest: %w: store closed", article.ErrUnavailable)
	}
	if c.running < c.writers && len(c.queue) == 0 {
		c.running++
		c.done.Add(1)
		c.mu.Unlock()
		if c.flushHook != nil {
			c.flushHook(1)
		}
		// Nobody else is involved, so the caller's context applies.
		res := c.s.writeRows(ctx, []*ingestRow{row}, false)
		c.mu.Lock()
		c.running--
		c.startWriter() // for the calls that queued meanwhile
		c.mu.Unlock()
		c.done.Done()
		return res[0].Ingest, res[0].Err
	}
	r := &request{ctx: ctx, row: row, ready: make(chan struct{})}
	c.queue = append(c.queue, r)
	c.startWriter()
	c.mu.Unlock()

	select {
	case <-r.ready:
		return r.result.Ingest, r.result.Err
	case <-ctx.Done():
		// The row may still be written; a retry finds it (Created false).
		return nil, fmt.Errorf("store: save ingest: %w", ctx.Err())
	}
}

// startWriter starts a queue writer if calls are queued and a slot is
// free. c.mu is held.
func (c *committer) startWriter() {
	if len(c.queue) > 0 && c.running < c.writers {
		c.running++
		c.done.Add(1)
		go c.write()
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
	for i, res := range c.s.writeRows(ctx, rows, false) {
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
