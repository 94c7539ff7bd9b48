package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/pressroom/pressroom/internal/api"
	"github.com/pressroom/pressroom/internal/extract"
	"github.com/pressroom/pressroom/internal/ingest"
	"github.com/pressroom/pressroom/internal/pglocal"
	"github.com/pressroom/pressroom/internal/store"
	"github.com/pressroom/pressroom/internal/worker"
)

// Set at build time with -ldflags "-X main.version=… -X main.revision=…".
var (
	version  = "dev"
	revision = ""
)

// newLogger returns the JSON logger every part of the server writes to.
func newLogger(w io.Writer, level slog.Level) *slog.Logger {
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: level}))
}

// database is the open store and, in development, the private PostgreSQL
// behind it.
type database struct {
	store   *store.Store
	cluster *pglocal.Cluster
}

// close closes the store (answering the writes group commit still holds,
// then closing the pool) and stops the private PostgreSQL.
func (db *database) close(logger *slog.Logger) {
	if db.store != nil {
		db.store.Close()
	}
	if db.cluster != nil {
		if err := db.cluster.Stop(); err != nil {
			logger.Error("stopping local PostgreSQL", "error", err)
		} else {
			logger.Info("local PostgreSQL stopped")
		}
	}
}

// openDatabase connects to DATABASE_URL, or starts the private development
// PostgreSQL when it is unset.
func openDatabase(ctx context.Context, cfg config, logger *slog.Logger) (*database, error) {
	db := &database{}
	url := cfg.DatabaseURL
	if url == "" {
		logger.Warn("DATABASE_URL is unset: starting a private PostgreSQL for development", "data_dir", cfg.DataDir)
		cluster, err := pglocal.Start(ctx, pglocal.Options{
			DataDir: cfg.DataDir,
			Durable: true,
			Logf:    func(format string, args ...any) { logger.Info(fmt.Sprintf(format, args...)) },
		})
		if err != nil {
			return nil, err
		}
		db.cluster = cluster
		url = cluster.URL("pressroom")
	}
	st, err := store.Open(ctx, url, store.Options{SearchInline: cfg.SearchInline})
	if err != nil {
		db.close(logger)
		return nil, err
	}
	db.store = st
	return db, nil
}

// prepareSchema migrates, or checks that no migration is pending.
func prepareSchema(ctx context.Context, cfg config, st *store.Store, logger *slog.Logger) error {
	if cfg.RunMigrations {
		if err := st.Migrate(ctx); err != nil {
			return err
		}
	} else if err := st.CheckSchema(ctx); err != nil {
		return fmt.Errorf("%w (run `pressroom migrate`, or set PRESSROOM_RUN_MIGRATIONS=true)", err)
	}
	v, err := st.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	logger.Info("schema ready", "version", v)
	return nil
}

// runServe runs the server until ctx is cancelled (SIGINT or SIGTERM) or a
// listener fails, then drains it.
func runServe(ctx context.Context, getenv func(string) string, stderr io.Writer) error {
	cfg, err := loadConfig(getenv)
	if err != nil {
		return err
	}
	m := &Main{Config: cfg, Logger: newLogger(stderr, cfg.LogLevel)}
	if err := m.Run(ctx); err != nil {
		return errors.Join(err, m.Close())
	}
	return m.Close()
}

// Main is the serve command, as wtf's cmd/wtfd has it: Run starts
// everything and returns once the server should stop; Close drains and
// stops what Run started, in order, and may follow a failed Run.
type Main struct {
	Config config
	Logger *slog.Logger

	db             *database
	api            *api.API
	ingest         *ingest.Service
	apiSrv, opsSrv *http.Server
	debugSrv       *http.Server // nil unless PRESSROOM_DEBUG_ADDR is set
	stopIndexer    func()
	stopPurge      func()
	stopReextract  func()
	serveErr       chan error
	failed         bool // a listener failed: no drain delay
}

// Run opens the database, prepares the schema, wires the API, starts the
// background jobs and the listeners, and serves until ctx is done (nil) or
// a listener fails (its error).
func (m *Main) Run(ctx context.Context) error {
	m.Logger.Info("starting pressroom", "version", version, "config", m.Config)
	if m.Config.GCPercent > 0 {
		debug.SetGCPercent(m.Config.GCPercent)
	}
	if m.Config.MemoryLimit > 0 {
		debug.SetMemoryLimit(m.Config.MemoryLimit)
	}
	db, err := openDatabase(ctx, m.Config, m.Logger)
	if err != nil {
		return err
	}
	m.db = db
	if err := prepareSchema(ctx, m.Config, db.store, m.Logger); err != nil {
		return err
	}
	reg := prometheus.NewRegistry()
	indexer := worker.NewSearchIndexer(db.store, m.Logger)
	reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		buildInfo(),
		db.store.Collector(),
	)
	reg.MustRegister(indexer.Collectors(db.store)...)
	if err := m.newAPI(ctx, reg); err != nil {
		return err
	}
	// The purge outlives ctx: it stops in Close, after the listeners.
	m.stopPurge = worker.NewIdempotencyPurge(db.store, m.Logger).Start(context.Background())
	m.stopIndexer = indexer.Start(ctx)
	if m.Config.Reextract {
		r := &worker.Reextraction{Store: db.store, Ingest: m.ingest, Logger: m.Logger,
			BelowVersion: extract.Version, BatchSize: 100}
		m.stopReextract = r.Start(ctx)
	}
	if err := m.listen(); err != nil {
		return err
	}
	return m.wait(ctx)
}

// newAPI builds the API on the open store, registering its metrics on reg.
func (m *Main) newAPI(ctx context.Context, reg *prometheus.Registry) error {
	allowOpen, err := checkOpenMode(ctx, m.Config, m.db.store, m.Logger)
	if err != nil {
		return err
	}
	cfg := m.Config
	// One ingest service for the API and the background re-extraction.
	m.ingest = ingest.New(m.db.store, reg, cfg.DBTimeout)
	m.api = api.New(api.Config{
		Store:          m.db.store,
		Ingest:         m.ingest,
		Logger:         m.Logger,
		Registerer:     reg,
		Gatherer:       reg,
		MaxDumpBytes:   cfg.MaxDumpBytes,
		BatchMaxItems:  cfg.BatchMaxItems,
		BatchMaxBytes:  cfg.BatchMaxBytes,
		IdempotencyTTL: cfg.IdempotencyTTL,
		AllowOpen:      allowOpen,
		// Only the operator's explicit say-so reopens a server whose
		// keys were all revoked; loopback alone does not.
		ReopenWithoutKeys: cfg.AllowOpen,
		RateLimit:         cfg.RateLimit,
		RateBurst:         cfg.RateBurst,
		DBTimeout:         cfg.DBTimeout,
		// The limits of issue 15 (docs/reliability.md, "Bounded resources").
		BodyBudgetBytes: cfg.BodyBudgetBytes,
		ExpensiveReads:  cfg.ExpensiveReads,
		TrustedProxies:  cfg.TrustedProxies,
	})
	return nil
}

// listen opens every listener before serving any, so that a taken port
// fails the start at once.
func (m *Main) listen() error {
	apiLn, err := net.Listen("tcp", m.Config.HTTPAddr)
	if err != nil {
		return fmt.Errorf("listen on PRESSROOM_HTTP_ADDR: %w", err)
	}
	opsLn, err := net.Listen("tcp", m.Config.MetricsAddr)
	if err != nil {
		apiLn.Close()
		return fmt.Errorf("listen on PRESSROOM_METRICS_ADDR: %w", err)
	}
	var debugLn net.Listener
	if m.Config.DebugAddr != "" {
		if debugLn, err = net.Listen("tcp", m.Config.DebugAddr); err != nil {
			apiLn.Close()
			opsLn.Close()
			return fmt.Errorf("listen on PRESSROOM_DEBUG_ADDR: %w", err)
		}
	}
	errLog := slog.NewLogLogger(m.Logger.Handler(), slog.LevelWarn)
	cfg := m.Config
	var apiLim, opsLim *limitListener
	m.apiSrv, apiLim = limitServer(newHTTPServer(m.api, errLog), apiLn, apiConnLimit(cfg.MaxConns, openFileLimit()))
	m.opsSrv, opsLim = limitServer(newHTTPServer(m.api.OpsHandler(), errLog), opsLn, opsMaxConns)
	m.Logger.Info("connection limits", "api", cap(apiLim.slots), "metrics", cap(opsLim.slots), "open_file_limit", openFileLimit())
	m.serveErr = make(chan error, 3)
	go func() { m.serveErr <- m.apiSrv.Serve(apiLim) }()
	go func() { m.serveErr <- m.opsSrv.Serve(opsLim) }()
	if debugLn != nil {
		m.serveDebug(debugLn, errLog)
	}
	m.Logger.Info("serving", "http_addr", apiLn.Addr().String(), "metrics_addr", opsLn.Addr().String())
	return nil
}

// serveDebug serves the profiler on ln, a listener of its own: never on
// the API's router or the metrics listener, which may be reachable from
// other machines.
func (m *Main) serveDebug(ln net.Listener, errLog *log.Logger) {
	var lim *limitListener
	m.debugSrv, lim = limitServer(newDebugServer(errLog), ln, debugMaxConns)
	go func() { m.serveErr <- m.debugSrv.Serve(lim) }()
	addr := ln.Addr().String()
	if isLoopback(addr) {
		m.Logger.Info("profiler listening", "debug_addr", addr)
	} else {
		m.Logger.Warn("profiler listening on a non-loopback address: anyone who reaches it can read the program's memory profile and command line", "debug_addr", addr)
	}
}

// wait returns when ctx is done (nil) or a listener fails (its error).
func (m *Main) wait(ctx context.Context) error {
	select {
	case <-ctx.Done():
		m.Logger.Info("shutting down: draining in-flight requests", "timeout", m.Config.ShutdownTimeout)
		return nil
	case err := <-m.serveErr:
		m.Logger.Error("listener failed", "error", err)
		m.failed = true
		return err
	}
}

// Close drains: /readyz turns 503, the search indexer stops, in-flight
// requests finish within the shutdown timeout, the purge stops, the store
// answers the writes it still holds and closes the pool, and the private
// PostgreSQL stops. It stops only what Run got to start.
func (m *Main) Close() error {
	if m.api != nil {
		m.api.SetDraining()
	}
	// What the indexer has not done stays queued in the database for the
	// next process; stopping it now leaves the CPU to the draining requests.
	if m.stopIndexer != nil {
		m.stopIndexer()
	}
	if m.stopReextract != nil {
		m.stopReextract()
	}
	var err error
	if m.apiSrv != nil {
		if m.Config.DrainDelay > 0 && !m.failed {
			time.Sleep(m.Config.DrainDelay)
		}
		err = m.shutdownListeners()
	}
	if m.stopPurge != nil {
		m.stopPurge()
	}
	if m.apiSrv != nil {
		// Before the pool closes: group commit answers its queued writes.
		m.db.store.Close()
		m.Logger.Info("stopped")
	}
	if m.db != nil {
		m.db.close(m.Logger)
	}
	return err
}

// shutdownListeners lets in-flight requests finish within the shutdown
// timeout.
func (m *Main) shutdownListeners() error {
	// Uploads still arriving are cut first, so that a slow one cannot hold
	// the drain past the shutdown timeout.
	m.api.CutUploadsAt(time.Now().Add(uploadGrace(m.Config.ShutdownTimeout)))
	ctx, cancel := context.WithTimeout(context.Background(), m.Config.ShutdownTimeout)
	defer cancel()
	var err error
	if serr := m.apiSrv.Shutdown(ctx); serr != nil {
		m.Logger.Error("API listener did not drain in time", "error", serr)
		err = fmt.Errorf("shutdown: %w", serr)
	}
	if serr := m.opsSrv.Shutdown(ctx); serr != nil {
		err = errors.Join(err, fmt.Errorf("shutdown metrics listener: %w", serr))
	}
	if m.debugSrv != nil {
		// A profile still being taken is of no use to anyone now.
		if serr := m.debugSrv.Close(); serr != nil {
			err = errors.Join(err, fmt.Errorf("close debug listener: %w", serr))
		}
	}
	return err
}

// checkOpenMode decides whether the API may answer without keys while
// none exist: only on loopback, unless the operator says so. A public
// address with no keys and no such say-so refuses to start.
func checkOpenMode(ctx context.Context, cfg config, st *store.Store, logger *slog.Logger) (bool, error) {
	n, total, err := st.CountAPIKeys(ctx)
	if err != nil {
		return false, err
	}
	loopback := isLoopback(cfg.HTTPAddr)
	switch {
	case n > 0:
		logger.Info("API keys required", "active_keys", n)
	case total > 0 && !cfg.AllowOpen:
		logger.Warn("every API key is revoked: the server stays closed (401 to every request); create a key with `pressroom keys create`, or set PRESSROOM_ALLOW_OPEN=true to serve without keys on purpose")
		return false, nil
	case loopback:
		logger.Warn("no API keys exist: serving without authentication on a loopback address; create one with `pressroom keys create`")
	case cfg.AllowOpen:
		logger.Warn("no API keys exist: serving WITHOUT authentication on a public address (PRESSROOM_ALLOW_OPEN=true)")
	default:
		return false, fmt.Errorf("no API keys exist and %s is not a loopback address: create a key with `pressroom keys create --name NAME --scopes ingest,read`, or set PRESSROOM_ALLOW_OPEN=true", cfg.HTTPAddr)
	}
	return loopback || cfg.AllowOpen, nil
}

// newHTTPServer sets every timeout: a slow or stuck client must not hold a
// connection or a goroutine forever.
func newHTTPServer(h http.Handler, errLog *log.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ErrorLog:          errLog,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       60 * time.Second, // a 10 MiB dump from a slow scraper
		WriteTimeout:      60 * time.Second,
		// An idle keep-alive connection holds a descriptor and memory;
		// scrapers reuse theirs at once or not at all.
		IdleTimeout:    5 * time.Second,
		MaxHeaderBytes: 64 << 10,
	}
}

// buildInfo is pressroom_build_info{version,revision,goversion} = 1.
func buildInfo() prometheus.Collector {
	rev := revision
	if rev == "" {
		if bi, ok := debug.ReadBuildInfo(); ok {
			for _, s := range bi.Settings {
				if s.Key == "vcs.revision" {
					rev = s.Value
				}
			}
		}
	}
	g := prometheus.NewGauge(prometheus.GaugeOpts{
		Name:        "pressroom_build_info",
		Help:        "Build of the running server; always 1.",
		ConstLabels: prometheus.Labels{"version": version, "revision": rev, "goversion": runtime.Version()},
	})
	g.Set(1)
	return g
}

// runMigrate applies pending migrations and exits.
func runMigrate(ctx context.Context, getenv func(string) string, stderr io.Writer) error {
	return withDatabase(ctx, getenv, stderr, func(cfg config, st *store.Store, logger *slog.Logger) error {
		cfg.RunMigrations = true
		return prepareSchema(ctx, cfg, st, logger)
	})
}

// runHealthcheck asks a server's /healthz (or another URL) and fails unless
// it answers 200: for orchestrators that need a command, since the
// distroless image has no shell or curl.
func runHealthcheck(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	target := "http://" + defaultString(getenv("PRESSROOM_METRICS_ADDR"), "127.0.0.1:9090") + "/healthz"
	if len(args) == 2 && args[0] == "--url" {
		target = args[1]
	} else if len(args) != 0 {
		return errors.New("usage: pressroom healthcheck [--url URL]")
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck: %s answered %s", target, resp.Status)
	}
	fmt.Fprintln(stderr, "ok")
	return nil
}

func defaultString(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
