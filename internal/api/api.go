// Package api is Pressroom's HTTP interface: the chi router, handlers,
// problem+json errors, middleware and HTTP metrics. It is the only package
// that knows HTTP; it hands dumps to ingest (extract, store, ingest metrics)
// and reads through store (PostgreSQL).
package api

import (
	"cmp"
	"context"
	"log/slog"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/pressroom/pressroom/internal/ingest"
	"github.com/pressroom/pressroom/internal/store"
)

// DefaultMaxDumpBytes is the default limit on one dump's size.
const DefaultMaxDumpBytes = 10 << 20

// DefaultDBTimeout is the default bound on one request's database work.
const DefaultDBTimeout = 10 * time.Second

// Config is what the API needs from its caller.
type Config struct {
	Store      *store.Store
	Logger     *slog.Logger
	Registerer prometheus.Registerer // a private registry; tests pass fresh ones
	// Ingest is the ingest service, shared with background re-extraction;
	// nil: New makes one on Store and Registerer.
	Ingest         *ingest.Service
	Gatherer       prometheus.Gatherer // what /metrics serves
	MaxDumpBytes   int64               // limit on a dump's size; DefaultMaxDumpBytes when 0
	BatchMaxItems  int                 // DefaultBatchMaxItems when 0
	BatchMaxBytes  int64               // DefaultBatchMaxBytes when 0
	IdempotencyTTL time.Duration       // DefaultIdempotencyTTL when 0
	DBTimeout      time.Duration       // how long a request may wait on the database; DefaultDBTimeout when 0
	// AllowOpen lets the server answer without API keys while none exist.
	// The caller sets it only for loopback addresses, or when told to.
	AllowOpen bool
	// SearchTimeout bounds one search's statement; a quarter of DBTimeout
	// when 0. MaxSearchesPerKey caps the searches a key runs at once;
	// DefaultMaxSearchesPerKey when 0.
	SearchTimeout     time.Duration
	MaxSearchesPerKey int
	// ReopenWithoutKeys lets an AllowOpen server answer without keys also
	// once every key has been revoked; otherwise it then stays closed.
	ReopenWithoutKeys bool
	RateLimit         float64 // requests per second per key (or client address when open); 0 disables
	RateBurst         int     // bucket size; RateLimit rounded up when 0
	// BodyBudgetBytes bounds the request-body bytes all requests together
	// hold in memory; DefaultBodyBudgetBytes when 0. It is raised to 1.5 times
	// the largest request a route accepts, so that one can always be served.
	BodyBudgetBytes int64
	// ExpensiveReads is how many diagnostics or Markdown reads may run at
	// once; DefaultExpensiveReads when 0.
	ExpensiveReads int
	// TrustedProxies are the reverse proxies whose X-Forwarded-For names
	// the client (ParseTrustedProxies).
	TrustedProxies []netip.Prefix
	Now            func() time.Time
}

// DefaultExpensiveReads is the default number of concurrent expensive reads.
const DefaultExpensiveReads = 1

// API serves Pressroom's public routes and its operational endpoints.
type API struct {
	store          *store.Store
	log            *slog.Logger
	metrics        *metrics
	ingest         *ingest.Service
	gatherer       prometheus.Gatherer
	maxDumpBytes   int64
	batchMaxItems  int
	batchMaxBytes  int64
	idempotencyTTL time.Duration
	dbTimeout      time.Duration
	allowOpen      bool
	// reopenWithoutKeys: see Config.ReopenWithoutKeys.
	reopenWithoutKeys bool
	limiters          *limiters
	searches          searchSlots
	searchTimeoutCfg  time.Duration
	keys              keyCache
	now               func() time.Time
	draining          atomic.Bool
	bodies            *bodyBudget
	expensive         *expensiveReads
	uploads           uploads
	trustedProxies    []netip.Prefix
	router            chi.Router
	// unsettled holds, by scope and Idempotency-Key, how to settle the
	// keys whose outcome could not be recorded when their request ended.
	unsettled sync.Map
}

// New builds the API and registers its metrics.
func New(cfg Config) *API {
	a := &API{
		store:             cfg.Store,
		log:               cfg.Logger,
		gatherer:          cfg.Gatherer,
		maxDumpBytes:      cmp.Or(cfg.MaxDumpBytes, DefaultMaxDumpBytes),
		batchMaxItems:     cmp.Or(cfg.BatchMaxItems, DefaultBatchMaxItems),
		batchMaxBytes:     cmp.Or(cfg.BatchMaxBytes, DefaultBatchMaxBytes),
		idempotencyTTL:    cmp.Or(cfg.IdempotencyTTL, DefaultIdempotencyTTL),
		dbTimeout:         cmp.Or(cfg.DBTimeout, DefaultDBTimeout),
		allowOpen:         cfg.AllowOpen,
		reopenWithoutKeys: cfg.ReopenWithoutKeys,
		limiters:          newLimiters(cfg.RateLimit, cfg.RateBurst),
		searches:          searchSlots{max: cmp.Or(cfg.MaxSearchesPerKey, DefaultMaxSearchesPerKey), running: map[string]int{}},
		searchTimeoutCfg:  cfg.SearchTimeout,
		keys:              newKeyCache(),
		now:               cfg.Now,
		trustedProxies:    cfg.TrustedProxies,
		expensive:         newExpensiveReads(cmp.Or(cfg.ExpensiveReads, DefaultExpensiveReads)),
	}
	// A gzip body counts as wire bytes and inflated: room for the largest
	// request and its compressed bytes (NDJSON and HTML compress far more
	// than 2:1).
	a.bodies = newBodyBudget(max(cmp.Or(cfg.BodyBudgetBytes, DefaultBodyBudgetBytes), a.maxRequestBytes()*3/2))
	if a.log == nil {
		a.log = slog.New(slog.DiscardHandler)
	}
	if a.now == nil {
		a.now = time.Now
	}
	reg := cfg.Registerer
	if reg == nil {
		reg = prometheus.NewRegistry()
	}
	a.metrics = newMetrics(reg)
	a.ingest = cfg.Ingest
	if a.ingest == nil {
		a.ingest = ingest.New(cfg.Store, reg, a.dbTimeout)
	}
	reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "pressroom_ready",
		Help: "1 when the server can serve (database reachable, not draining), else 0.",
	}, func() float64 {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		if a.ready(ctx) != nil {
			return 0
		}
		return 1
	}))
	a.router = a.routes()
	return a
}

// maxRequestBytes bounds any request body: a batch, or an envelope whose
// JSON escaping or base64 makes it larger than the dump it carries.
func (a *API) maxRequestBytes() int64 {
	return max(a.batchMaxBytes, a.envelopeLimit())
}

// envelopeLimit is the largest JSON envelope: JSON strings escape control
// and non-ASCII bytes, and base64 adds a third, so a maximal page may take
// up to twice its size, plus the envelope's other members.
func (a *API) envelopeLimit() int64 { return a.maxDumpBytes*2 + 64<<10 }

// ServeHTTP serves the public API.
func (a *API) ServeHTTP(w http.ResponseWriter, r *http.Request) { a.router.ServeHTTP(w, r) }

// Router exposes the router so that tests can walk its routes.
func (a *API) Router() chi.Routes { return a.router }

// SetDraining marks the server as shutting down: /readyz answers 503 so
// that load balancers stop sending new requests while in-flight ones finish.
func (a *API) SetDraining() { a.draining.Store(true) }

func (a *API) routes() chi.Router {
	r := chi.NewRouter()
	// GetHead serves HEAD from the GET handler (net/http drops the body):
	// RFC 9110 requires HEAD wherever GET is allowed.
	r.Use(withRequestID, a.instrument, a.recoverPanics, middleware.GetHead)
	r.NotFound(a.handle(func(w http.ResponseWriter, r *http.Request) error {
		markUnmatched(r)
		return &httpError{status: http.StatusNotFound, slug: "not-found", title: "Not found", detail: "no route for " + truncate(r.URL.Path, 200)}
	}))
	r.MethodNotAllowed(a.handle(func(w http.ResponseWriter, r *http.Request) error {
		allow := strings.Join(a.allowedMethods(r), ", ")
		return &httpError{status: http.StatusMethodNotAllowed, slug: "method-not-allowed", title: "Method not allowed",
			detail: r.Method + " is not supported on this route; it allows " + allow,
			header: http.Header{"Allow": {allow}}}
	}))
	r.Get("/openapi.yaml", serveOpenAPI)
	r.Route("/v1", func(r chi.Router) {
		r.Use(a.authenticate, a.rateLimit, a.limitBodies)
		ingestScope, readScope, adminScope := a.require(ScopeIngest), a.require(ScopeRead), a.require(ScopeAdmin)
		r.With(ingestScope, a.idempotency).Post("/articles", a.handle(a.handleCreateArticle))
		r.With(ingestScope, a.idempotency).Post("/articles/batch", a.handle(a.handleCreateBatch))
		r.With(ingestScope).Post("/extract", a.handle(a.handleExtract))
		r.With(readScope).Get("/articles", a.handle(a.handleListArticles))
		r.With(readScope).Get("/articles/{id}", a.handle(a.handleGetArticle))
		r.With(readScope).Get("/articles/{id}/raw", a.handle(a.handleGetArticleRaw))
		r.With(adminScope).Delete("/articles/{id}", a.handle(a.handleDeleteArticle))
		r.With(readScope).Get("/dumps/{id}", a.handle(a.handleGetDump))
		r.With(readScope).Get("/dumps/{id}/raw", a.handle(a.handleGetDumpRaw))
	})
	return r
}

// allowedMethods lists the methods the route of r serves, for the Allow
// header every 405 must carry (RFC 9110 section 15.5.6). chi hands a custom
// 405 handler no list, so the router is asked once per method.
func (a *API) allowedMethods(r *http.Request) []string {
	path := r.URL.RawPath
	if path == "" {
		path = r.URL.Path
	}
	var allowed []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		if a.router.Find(chi.NewRouteContext(), m, path) == "" {
			continue
		}
		allowed = append(allowed, m)
		if m == http.MethodGet {
			allowed = append(allowed, http.MethodHead)
		}
	}
	return allowed
}

// handlerFunc is a handler that returns its error instead of writing it.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// handle adapts a handlerFunc: every error goes through writeProblem, the one
// place that maps errors to statuses.
func (a *API) handle(h handlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			a.writeProblem(w, r, err)
		}
	}
}

// dbContext bounds a request's database work. pgx abandons a query when
// its context ends, so a partitioned or frozen database costs the client
// one timeout and a 503, instead of a request (and a pool connection) held
// until TCP gives up. Reading the body and extracting happen before and are
// not counted: a slow upload or a large page must not eat the budget.
func (a *API) dbContext(r *http.Request) (context.Context, context.CancelFunc) {
	return context.WithTimeout(r.Context(), a.dbTimeout)
}

// ready reports whether the server can serve requests now.
func (a *API) ready(ctx context.Context) error {
	if a.draining.Load() {
		return errDraining
	}
	return a.store.Ping(ctx)
}

var errDraining = &httpError{status: http.StatusServiceUnavailable, slug: "unavailable", title: "Service unavailable",
	detail: "the server is shutting down", retryAfter: 1}

// OpsHandler serves the operational endpoints for the metrics listener:
// /metrics, /healthz (the process is alive; no dependency checks, so a
// database blip does not get every replica restarted) and /readyz (the
// database is reachable and the server is not draining).
func (a *API) OpsHandler() http.Handler {
	mux := http.NewServeMux()
	g := a.gatherer
	if g == nil {
		g = prometheus.DefaultGatherer
	}
	mux.Handle("GET /metrics", promhttp.HandlerFor(g, promhttp.HandlerOpts{ErrorLog: slog.NewLogLogger(a.log.Handler(), slog.LevelError)}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, "application/json", http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := a.ready(ctx); err != nil {
			a.writeProblem(w, r, err)
			return
		}
		writeJSON(w, "application/json", http.StatusOK, map[string]string{"status": "ready"})
	})
	return mux
}
