package worker

import (
	"context"
	"log/slog"
	"time"

	"github.com/pressroom/pressroom/internal/store"
)

// purgeEvery is how often expired idempotency keys are deleted: often
// enough that the table stays small, rarely enough to cost nothing.
const purgeEvery = 5 * time.Minute

// IdempotencyPurge deletes expired idempotency keys in the background.
type IdempotencyPurge struct {
	purge  func(ctx context.Context, now time.Time) (int64, error) // Store.PurgeIdempotencyKeys
	logger *slog.Logger
	every  time.Duration
}

// NewIdempotencyPurge returns a purge of st's expired keys every few minutes.
func NewIdempotencyPurge(st *store.Store, logger *slog.Logger) *IdempotencyPurge {
	return &IdempotencyPurge{purge: st.PurgeIdempotencyKeys, logger: logger, every: purgeEvery}
}

// Start purges until ctx is done or the returned stop is called; stop
// returns once the purge has stopped, and may be called again.
func (p *IdempotencyPurge) Start(ctx context.Context) (stop func()) {
	return start(ctx, p.run)
}

func (p *IdempotencyPurge) run(ctx context.Context) {
	t := time.NewTicker(p.every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			if n, err := p.purge(ctx, now); err != nil {
				p.logger.Warn("purging expired idempotency keys", "error", err)
			} else if n > 0 {
				p.logger.Info("purged expired idempotency keys", "count", n)
			}
		}
	}
}
