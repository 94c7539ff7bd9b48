package worker

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

// step is one scripted IndexSearch call: its result and how long it took.
type step struct {
	n    int
	err  error
	took time.Duration
}

var errDown = errors.New("database down")

// TestSearchIndexer_Pacing runs the loop on a scripted store and a fake
// clock, and checks every pause it takes: proportional to the batch while
// batches are full (the duty cycle), at least the idle pause once caught
// up, and a doubling, capped backoff after errors, reset by a success.
func TestSearchIndexer_Pacing(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		name      string
		duty      float64
		steps     []step
		wantWaits []time.Duration
	}{
		{"half duty: rest as long as the batch took", 0.5,
			[]step{{200, nil, 100 * ms}, {200, nil, 300 * ms}},
			[]time.Duration{100 * ms, 300 * ms}},
		{"a third: rest twice as long", 1.0 / 3,
			[]step{{200, nil, 100 * ms}},
			[]time.Duration{200 * ms}},
		{"full duty: no rest while behind", 1,
			[]step{{200, nil, 100 * ms}, {200, nil, 100 * ms}},
			[]time.Duration{0, 0}},
		{"caught up: idle pause, or longer after a long batch", 0.5,
			[]step{{0, nil, 2 * ms}, {50, nil, 40 * ms}, {150, nil, 400 * ms}},
			[]time.Duration{250 * ms, 250 * ms, 400 * ms}},
		{"errors back off, capped, and a success resets", 0.5,
			[]step{{0, errDown, 5 * ms}, {0, errDown, 5 * ms}, {0, errDown, 5 * ms}, {0, errDown, 5 * ms},
				{200, nil, 10 * ms}, {0, errDown, 5 * ms}},
			[]time.Duration{time.Second, 2 * time.Second, 3 * time.Second, 3 * time.Second, 10 * ms, time.Second}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			calls, wantIndexed := 0, 0
			for _, s := range tt.steps {
				wantIndexed += s.n
			}
			var waits []time.Duration
			ix := &SearchIndexer{
				logger:     slog.New(slog.NewTextHandler(io.Discard, nil)),
				indexed:    prometheus.NewCounter(prometheus.CounterOpts{Name: "test_indexed_total", Help: "test"}),
				batch:      200,
				idle:       250 * ms,
				duty:       tt.duty,
				maxBackoff: 3 * time.Second,
				now:        func() time.Time { return clock },
				sleep: func(_ context.Context, d time.Duration) bool {
					waits = append(waits, d)
					return true
				},
			}
			ix.index = func(ctx context.Context, limit int) (int, error) {
				if limit != 200 {
					t.Errorf("IndexSearch limit %d, want the batch size 200", limit)
				}
				if calls == len(tt.steps) {
					cancel() // the server shuts down during this batch
					return 0, ctx.Err()
				}
				s := tt.steps[calls]
				calls++
				clock = clock.Add(s.took)
				return s.n, s.err
			}
			ix.run(ctx)
			if diff := cmp.Diff(tt.wantWaits, waits); diff != "" {
				t.Errorf("pauses (-want +got):\n%s", diff)
			}
			if got := testutil.ToFloat64(ix.indexed); got != float64(wantIndexed) {
				t.Errorf("indexed counter %v, want %d", got, wantIndexed)
			}
		})
	}
}

// TestSearchIndexer_Stop stops an indexer in the middle of a batch: stop
// returns once the loop has ended, the batch saw its context cancelled,
// and a second stop is harmless.
func TestSearchIndexer_Stop(t *testing.T) {
	started := make(chan struct{})
	cancelled := make(chan struct{})
	ix := &SearchIndexer{
		logger:  slog.New(slog.NewTextHandler(io.Discard, nil)),
		indexed: prometheus.NewCounter(prometheus.CounterOpts{Name: "test_indexed_total", Help: "test"}),
		batch:   200, idle: time.Millisecond, duty: 0.5, maxBackoff: time.Second,
		now: time.Now, sleep: sleepCtx,
		index: func(ctx context.Context, limit int) (int, error) {
			select {
			case <-started:
			default:
				close(started)
			}
			<-ctx.Done()
			close(cancelled)
			return 0, ctx.Err()
		},
	}
	stop := ix.Start(context.Background())
	<-started
	stop()
	select {
	case <-cancelled:
	default:
		t.Fatal("stop returned before the batch in flight saw its context cancelled")
	}
	stop()
}

func TestSearchPending_Collect(t *testing.T) {
	tests := []struct {
		name  string
		count func(context.Context, int) (int, error)
		want  []float64
	}{
		{"counted", func(_ context.Context, limit int) (int, error) {
			if limit != searchPendingCap {
				t.Errorf("counted up to %d, want %d", limit, searchPendingCap)
			}
			return 42, nil
		}, []float64{42}},
		{"database down: no sample", func(context.Context, int) (int, error) { return 0, errDown }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &searchPending{count: tt.count}
			var got []float64
			if n := testutil.CollectAndCount(c); n == 1 {
				got = append(got, testutil.ToFloat64(c))
			} else if n != 0 {
				t.Fatalf("%d samples", n)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("samples (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSearchIndexer_DefersToIngest checks the duty cycle against ingest:
// a fiftieth under heavy ingest while the backlog is short, the normal
// duty under light or no ingest and once the backlog reached its bound,
// with the backlog counted at most once a second and only under heavy
// ingest. The first batch has no earlier sample to measure ingest against.
func TestSearchIndexer_DefersToIngest(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		name        string
		load        float64 // ingest write time per wall time, all along
		backlog     int
		countErr    error
		wantWaits   []time.Duration
		wantCounted int
	}{
		{"heavy ingest, short backlog: a fiftieth", 1.5, 500, nil,
			[]time.Duration{100 * ms, 4900 * ms, 4900 * ms}, 2},
		{"heavy ingest, backlog at the bound: half", 1.5, 10_000, nil,
			[]time.Duration{100 * ms, 100 * ms, 100 * ms, 100 * ms}, 1},
		{"heavy ingest, backlog unknown: a fiftieth", 1.5, 0, errDown,
			[]time.Duration{100 * ms, 4900 * ms, 4900 * ms}, 2},
		{"light ingest: half, backlog not counted", 0.3, 500, nil,
			[]time.Duration{100 * ms, 100 * ms, 100 * ms}, 0},
		{"no ingest: half", 0, 500, nil,
			[]time.Duration{100 * ms, 100 * ms}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			epoch := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
			clock := epoch
			var waits []time.Duration
			batches, counted := 0, 0
			ix := &SearchIndexer{
				logger:  slog.New(slog.NewTextHandler(io.Discard, nil)),
				indexed: prometheus.NewCounter(prometheus.CounterOpts{Name: "test_indexed_total", Help: "test"}),
				batch:   25, idle: 250 * ms, duty: 0.5, busyDuty: 0.02,
				busyLoad: 1, busyBacklog: 10_000, maxBackoff: time.Second,
				now: func() time.Time { return clock },
				sleep: func(_ context.Context, d time.Duration) bool {
					waits = append(waits, d)
					clock = clock.Add(d)
					return true
				},
				ingestWrite: func() time.Duration {
					return time.Duration(tt.load * float64(clock.Sub(epoch)))
				},
				pending: func(_ context.Context, limit int) (int, error) {
					if limit != 10_000 {
						t.Errorf("backlog counted up to %d, want the bound 10000", limit)
					}
					counted++
					return tt.backlog, tt.countErr
				},
			}
			ix.index = func(ctx context.Context, limit int) (int, error) {
				if batches == len(tt.wantWaits) {
					cancel()
					return 0, ctx.Err()
				}
				batches++
				clock = clock.Add(100 * ms)
				return limit, nil // full batches: behind
			}
			ix.run(ctx)
			if diff := cmp.Diff(tt.wantWaits, waits); diff != "" {
				t.Errorf("pauses (-want +got):\n%s", diff)
			}
			if counted != tt.wantCounted {
				t.Errorf("backlog counted %d times, want %d", counted, tt.wantCounted)
			}
		})
	}
}
