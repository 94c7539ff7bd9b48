package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/pressroom/pressroom/internal/article"
)

// The retry policy of ingest writes: a transaction that lost a deadlock is
// tried again, one that failed because of an item is split until the item
// is alone, and one that failed because the database or the caller went
// away fails every item.

// Attempts of one write before its error is final: a dump that vanished
// under a repeat, or a deadlock, is simply tried again.
const maxAttempts = 3

// errVanished means the dump that blocked our insert was deleted before we
// could read it; the write is simply tried again.
var errVanished = errors.New("conflicting dump vanished")

// writeRows writes rows, in transactions of all of them where it can, and
// returns their results in order. Errors are final and wrapped for callers.
// bulk says the rows are a chunk of a batch, which may be written with
// COPY (writeNew).
func (s *Store) writeRows(ctx context.Context, rows []*ingestRow, bulk bool) []IngestResult {
	start := time.Now()
	defer func() { s.ingestBusy.Add(int64(time.Since(start))) }()
	out := make([]IngestResult, len(rows))
	s.writeInto(ctx, rows, out, bulk)
	for i := range out {
		if out[i].Err != nil {
			out[i].Err = fmt.Errorf("store: save ingest: %w", mapError(out[i].Err))
		}
	}
	return out
}

// writeInto fills out[i] for rows[i]. A transaction that fails because of
// its contents is split in two halves written one after the other, so the
// items end up exactly as if written one by one in order (a repeat in the
// second half finds the first half's dump), and only the bad item fails.
func (s *Store) writeInto(ctx context.Context, rows []*ingestRow, out []IngestResult, bulk bool) {
	pending := make([]int, len(rows))
	for i := range pending {
		pending[i] = i
	}
	for attempt := 1; len(pending) > 0; attempt++ {
		batch := make([]*ingestRow, len(pending))
		for j, i := range pending {
			batch[j] = rows[i]
		}
		res := make([]IngestResult, len(batch))
		vanished, err := s.writeBatch(ctx, batch, res, bulk)
		switch {
		case err == nil:
			for j, i := range pending {
				out[i] = res[j]
			}
			next := make([]int, len(vanished))
			for j, v := range vanished {
				next[j] = pending[v]
				out[next[j]] = IngestResult{Err: errVanished}
			}
			pending = next
		case retryable(err) && attempt < maxAttempts:
			// The whole transaction rolled back: try it again.
		case len(pending) > 1 && splittable(ctx, err):
			half := len(pending) / 2
			for _, part := range [][]int{pending[:half], pending[half:]} {
				sub := make([]*ingestRow, len(part))
				subOut := make([]IngestResult, len(part))
				for j, i := range part {
					sub[j] = rows[i]
				}
				s.writeInto(ctx, sub, subOut, bulk)
				for j, i := range part {
					out[i] = subOut[j]
				}
			}
			return
		default:
			for _, i := range pending {
				out[i] = IngestResult{Err: err}
			}
			return
		}
		if attempt == maxAttempts {
			return // what is still pending keeps errVanished
		}
	}
}

// retryable reports whether a failed transaction may succeed as is: it
// lost a deadlock or serialization conflict (sorted keys should prevent
// both; a concurrent delete or another writer's order may not).
func retryable(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && (pgErr.Code == "40P01" || pgErr.Code == "40001")
}

// splittable reports whether a failed transaction of several items may have
// failed because of one of them, rather than because the database or the
// caller went away, which would fail every part the same way.
func splittable(ctx context.Context, err error) bool {
	if ctx.Err() != nil || errors.Is(err, context.Canceled) {
		return false
	}
	return !errors.Is(mapError(err), article.ErrUnavailable)
}
