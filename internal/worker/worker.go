// Package worker runs Pressroom's background jobs: the search indexer, the
// purge of expired idempotency keys, and the re-extraction of stored dumps.
// Each job has a start/stop lifecycle; cmd/server owns it, and the
// `reextract` command runs the same re-extraction loop in the foreground.
package worker

import (
	"context"
	"sync"
	"time"
)

// start runs job on its own goroutine until ctx is done or the returned
// stop is called; stop returns once job has returned, and may be called
// again.
func start(ctx context.Context, job func(context.Context)) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		job(ctx)
	}()
	return sync.OnceFunc(func() {
		cancel()
		<-done
	})
}

// sleepCtx waits d, or until ctx is done; it reports whether ctx is live.
func sleepCtx(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
