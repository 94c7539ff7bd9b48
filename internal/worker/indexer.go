package worker

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/pressroom/pressroom/internal/store"
)

// The search indexer's settings. Ingest comes first: indexing can wait, a
// scraper's POST cannot. Batches are short and paced by a duty cycle, which
// drops to a fiftieth of the time while ingest keeps the database busy
// (its writes in flight, summed, at least searchBusyLoad of the wall time)
// until the backlog reaches searchBusyBacklog, so that search lag stays
// bounded. Measured in docs/performance.md#background-search-indexer.
const (
	searchBatch       = 25
	searchIdle        = 250 * time.Millisecond
	searchDuty        = 0.5
	searchBusyDuty    = 0.02
	searchBusyLoad    = 1.0
	searchBusyBacklog = searchPendingCap
	// searchBacklogEvery is how often, at most, the backlog is counted
	// while ingest is busy (a few ms of PostgreSQL per 10,000 pending).
	searchBacklogEvery = time.Second
	searchMaxBackoff   = 30 * time.Second
	// searchPendingCap bounds the backlog count read at each scrape: the
	// count reads one index entry per pending article (a few ms per 10,000,
	// far more on rows not yet vacuumed), and past this many the figure
	// only needs to say "far behind".
	searchPendingCap = 10_000
)

// SearchIndexer runs Store.IndexSearch in the background: batch after
// batch while there is a backlog, pausing between batches in proportion to
// their duration (a duty cycle, as much of the work runs in PostgreSQL
// where no Go scheduler can throttle it), and idling briefly once caught
// up. A batch's duration counts its vectors built in Go on this process as
// well as its statements, so the cycle bounds both alike. Several replicas
// may each run one; the store shares the work out among them.
type SearchIndexer struct {
	index       func(ctx context.Context, limit int) (int, error)
	pending     func(ctx context.Context, limit int) (int, error) // the backlog, counted up to limit
	ingestWrite func() time.Duration                              // Store.IngestWriteTime
	logger      *slog.Logger
	indexed     prometheus.Counter

	batch       int
	idle        time.Duration
	duty        float64 // fraction of wall time spent indexing while behind, in (0, 1]
	busyDuty    float64 // the same under heavy ingest while the backlog is under busyBacklog
	busyLoad    float64 // ingest write time per wall time from which ingest is heavy
	busyBacklog int
	maxBackoff  time.Duration

	// The last ingest sample, and backlog count taken under heavy ingest.
	sampledAt     time.Time
	sampledIngest time.Duration
	backlogAt     time.Time
	farBehind     bool

	// Tests replace the clock and the wait.
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) bool // false once ctx is done
}

func NewSearchIndexer(st *store.Store, logger *slog.Logger) *SearchIndexer {
	return &SearchIndexer{
		index:       st.IndexSearch,
		pending:     st.SearchPending,
		ingestWrite: st.IngestWriteTime,
		logger:      logger,
		indexed: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "pressroom_search_indexed_total",
			Help: "Articles indexed for full-text search by this process's background indexer.",
		}),
		batch:       searchBatch,
		idle:        searchIdle,
		duty:        searchDuty,
		busyDuty:    searchBusyDuty,
		busyLoad:    searchBusyLoad,
		busyBacklog: searchBusyBacklog,
		maxBackoff:  searchMaxBackoff,
		now:         time.Now,
		sleep:       sleepCtx,
	}
}

// Start runs the indexer until ctx is done or the returned stop is
// called; stop returns once the indexer has stopped, and may be called
// again. A batch cut short by stopping rolls back: its articles stay
// queued in the database for the next indexer.
func (ix *SearchIndexer) Start(ctx context.Context) (stop func()) {
	return start(ctx, ix.run)
}

// run is the indexer's loop.
func (ix *SearchIndexer) run(ctx context.Context) {
	backoff := time.Duration(0)
	for {
		started := ix.now()
		n, err := ix.index(ctx, ix.batch)
		took := ix.now().Sub(started)
		if n > 0 {
			ix.indexed.Add(float64(n))
		}
		var wait time.Duration
		switch {
		case ctx.Err() != nil:
			return
		case err != nil:
			// The database is down or refusing: retry, ever less often.
			backoff = min(max(2*backoff, time.Second), ix.maxBackoff)
			wait = backoff
			ix.logger.Warn("search indexing failed; retrying", "error", err, "retry_in", wait)
		default:
			backoff = 0
			// Working a fraction duty of the time means resting
			// (1-duty)/duty as long as the batch took.
			duty := ix.currentDuty(ctx)
			wait = time.Duration(float64(took) * (1 - duty) / duty)
			if n < ix.batch {
				wait = max(wait, ix.idle)
			}
		}
		if !ix.sleep(ctx, wait) {
			return
		}
	}
}

// currentDuty is busyDuty under heavy ingest while the backlog is under
// busyBacklog, else duty. Ingest is heavy when its write time grew by at
// least busyLoad times the wall time since the last call. The backlog is
// counted at most once per searchBacklogEvery, and only under heavy
// ingest; a failed count keeps the last answer.
func (ix *SearchIndexer) currentDuty(ctx context.Context) float64 {
	if ix.busyDuty <= 0 || ix.ingestWrite == nil {
		return ix.duty
	}
	now, written := ix.now(), ix.ingestWrite()
	prevAt, prevWritten := ix.sampledAt, ix.sampledIngest
	ix.sampledAt, ix.sampledIngest = now, written
	if prevAt.IsZero() || !now.After(prevAt) || float64(written-prevWritten) < ix.busyLoad*float64(now.Sub(prevAt)) {
		return ix.duty
	}
	if ix.backlogAt.IsZero() || now.Sub(ix.backlogAt) >= searchBacklogEvery {
		if n, err := ix.pending(ctx, ix.busyBacklog); err == nil {
			ix.farBehind = n >= ix.busyBacklog
		}
		ix.backlogAt = now
	}
	if ix.farBehind {
		return ix.duty
	}
	return ix.busyDuty
}

// Collectors are the indexer's metrics: what it indexed, and the backlog
// it works through.
func (ix *SearchIndexer) Collectors(st *store.Store) []prometheus.Collector {
	return []prometheus.Collector{ix.indexed, &searchPending{count: st.SearchPending}}
}

// searchPending reports pressroom_search_pending when scraped. A scrape
// that cannot count (the database is down) reports no sample rather than
// a made-up number.
type searchPending struct {
	count func(ctx context.Context, limit int) (int, error)
}

var searchPendingDesc = prometheus.NewDesc("pressroom_search_pending",
	fmt.Sprintf("Articles committed but not yet indexed for full-text search (in the whole database, counted up to %d): what a text search does not find yet.", searchPendingCap),
	nil, nil)

// Describe implements prometheus.Collector.
func (c *searchPending) Describe(ch chan<- *prometheus.Desc) { ch <- searchPendingDesc }

// Collect implements prometheus.Collector.
func (c *searchPending) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	n, err := c.count(ctx, searchPendingCap)
	if err != nil {
		return
	}
	ch <- prometheus.MustNewConstMetric(searchPendingDesc, prometheus.GaugeValue, float64(n))
}
