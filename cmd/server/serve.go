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

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/pressroom/pressroom/internal/api"
	"github.com/pressroom/pressroom/internal/pglocal"
	"github.com/pressroom/pressroom/internal/store"
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

// database is an open pool and, in development, the private PostgreSQL
// behind it.
type database struct {
	pool    *pgxpool.Pool
	cluster *pglocal.Cluster
}

func (db *database) close(logger *slog.Logger) {
	if db.pool != nil {
		db.pool.Close()
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
	pool, err := store.Open(ctx, url)
	if err != nil {
		db.close(logger)
		return nil, err
	}
	db.pool = pool
	return db, nil
}

// prepareSchema migrates, or checks that no migration is pending.
func prepareSchema(ctx context.Context, cfg config, pool *pgxpool.Pool, logger *slog.Logger) error {
	if cfg.RunMigrations {
		if err := store.Migrate(ctx, pool); err != nil {
			return err
		}
	} else if err := store.CheckSchema(ctx, pool); err != nil {
		return fmt.Errorf("%w (run `pressroom migrate`, or set PRESSROOM_RUN_MIGRATIONS=true)", err)
	}
	v, err := store.SchemaVersion(ctx, pool)
	if err != nil {
		return err
	}
	logger.Info("schema ready", "version", v)
	return nil
}

// runServe runs the server until ctx is cancelled (SIGINT or SIGTERM), then
// drains: /readyz turns 503, the search indexer stops, in-flight requests
// finish within the shutdown timeout, the pool closes and the private
// PostgreSQL stops.
func runServe(ctx context.Context, getenv func(string) string, stderr io.Writer) error {
	cfg, err := loadConfig(getenv)
	if err != nil {
		return err
	}
	logger := newLogger(stderr, cfg.LogLevel)
	logger.Info("starting pressroom", "version", version, "config", cfg)
	if cfg.GCPercent > 0 {
		debug.SetGCPercent(cfg.GCPercent)
	}
	if cfg.MemoryLimit > 0 {
		debug.SetMemoryLimit(cfg.MemoryLimit)
	}

	db, err := openDatabase(ctx, cfg, logger)
	if err != nil {
		return err
	}
	defer db.close(logger)
	if err := prepareSchema(ctx, cfg, db.pool, logger); err != nil {
		return err
	}

	reg := prometheus.NewRegistry()
	st := store.New(db.pool)
	indexer := newSearchIndexer(st, logger)
	reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		buildInfo(),
		st.Collector(),
		schemaVersionGauge(db.pool),
	)
	reg.MustRegister(indexer.collectors(st)...)
	allowOpen, err := checkOpenMode(ctx, cfg, st, logger)
	if err != nil {
		return err
	}
	a := api.New(api.Config{
		Store:          st,
		Logger:         logger,
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
	maintCtx, stopMaint := context.WithCancel(context.Background())
	defer stopMaint()
	go purgeIdempotencyKeys(maintCtx, st, logger)
	// Deferred too for the early returns below; the pool closes after.
	stopIndexer := indexer.start(ctx)
	defer stopIndexer()

	// Listen before serving so that a taken port fails the start at once.
	apiLn, err := net.Listen("tcp", cfg.HTTPAddr)
	if err != nil {
		return fmt.Errorf("listen on PRESSROOM_HTTP_ADDR: %w", err)
	}
	opsLn, err := net.Listen("tcp", cfg.MetricsAddr)
	if err != nil {
		apiLn.Close()
		return fmt.Errorf("listen on PRESSROOM_METRICS_ADDR: %w", err)
	}
	errLog := slog.NewLogLogger(logger.Handler(), slog.LevelWarn)
	apiSrv, apiLim := limitServer(newHTTPServer(a, errLog), apiLn, apiConnLimit(cfg.MaxConns, openFileLimit()))
	opsSrv, opsLim := limitServer(newHTTPServer(a.OpsHandler(), errLog), opsLn, opsMaxConns)
	logger.Info("connection limits", "api", cap(apiLim.slots), "metrics", cap(opsLim.slots), "open_file_limit", openFileLimit())

	serveErr := make(chan error, 2)
	go func() { serveErr <- apiSrv.Serve(apiLim) }()
	go func() { serveErr <- opsSrv.Serve(opsLim) }()
	logger.Info("serving", "http_addr", apiLn.Addr().String(), "metrics_addr", opsLn.Addr().String())

	var runErr error
	select {
	case <-ctx.Done():
		logger.Info("shutting down: draining in-flight requests", "timeout", cfg.ShutdownTimeout)
	case runErr = <-serveErr:
		logger.Error("listener failed", "error", runErr)
	}
	a.SetDraining()
	// What the indexer has not done stays queued in the database for the
	// next process; stopping it now leaves the CPU to the draining requests.
	stopIndexer()
	if cfg.DrainDelay > 0 && runErr == nil {
		time.Sleep(cfg.DrainDelay)
	}
	a.CutUploadsAt(time.Now().Add(uploadGrace(cfg.ShutdownTimeout)))
	shutCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if err := apiSrv.Shutdown(shutCtx); err != nil {
		logger.Error("API listener did not drain in time", "error", err)
		runErr = errors.Join(runErr, fmt.Errorf("shutdown: %w", err))
	}
	if err := opsSrv.Shutdown(shutCtx); err != nil {
		runErr = errors.Join(runErr, fmt.Errorf("shutdown metrics listener: %w", err))
	}
	// Group commit answers the writes still queued; the pool closes after.
	st.Close()
	logger.Info("stopped")
	return runErr
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

// purgeIdempotencyKeys deletes expired idempotency keys every few minutes.
func purgeIdempotencyKeys(ctx context.Context, st *store.Store, logger *slog.Logger) {
	t := time.NewTicker(5 * time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			if n, err := st.PurgeIdempotencyKeys(ctx, now); err != nil {
				logger.Warn("purging expired idempotency keys", "error", err)
			} else if n > 0 {
				logger.Info("purged expired idempotency keys", "count", n)
			}
		}
	}
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

// schemaVersionGauge reports the applied schema version at scrape time.
func schemaVersionGauge(pool *pgxpool.Pool) prometheus.Collector {
	return prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "pressroom_schema_version",
		Help: "Highest applied migration.",
	}, func() float64 {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		v, err := store.SchemaVersion(ctx, pool)
		if err != nil {
			return -1
		}
		return float64(v)
	})
}

// runMigrate applies pending migrations and exits.
func runMigrate(ctx context.Context, getenv func(string) string, stderr io.Writer) error {
	return withDatabase(ctx, getenv, stderr, func(cfg config, pool *pgxpool.Pool, logger *slog.Logger) error {
		cfg.RunMigrations = true
		return prepareSchema(ctx, cfg, pool, logger)
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
