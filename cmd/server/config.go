package main

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/pressroom/pressroom/internal/api"
)

// config is everything the server reads from its environment. loadConfig is
// the only reader of environment variables in the program.
type config struct {
	DatabaseURL        string
	RequireDatabaseURL bool
	DataDir            string
	HTTPAddr           string
	MetricsAddr        string
	DebugAddr          string // "": no profiling listener
	MaxDumpBytes       int64
	LogLevel           slog.Level
	ShutdownTimeout    time.Duration
	DBTimeout          time.Duration
	DrainDelay         time.Duration
	RunMigrations      bool
	AllowOpen          bool
	RateLimit          float64
	RateBurst          int
	BatchMaxItems      int
	BatchMaxBytes      int64
	IdempotencyTTL     time.Duration
	SearchInline       bool
	Reextract          bool
	MaxConns           int   // 0: from the open-file limit (apiConnLimit)
	BodyBudgetBytes    int64 // request-body bytes all requests may hold at once
	ExpensiveReads     int
	TrustedProxies     []netip.Prefix
	// GCPercent is the garbage collector's target that serve sets: the
	// default when GOGC is unset, 0 when GOGC is set (the Go runtime
	// applied it itself).
	GCPercent int
	// MemoryLimit is the soft memory limit serve sets: the default when
	// GOMEMLIMIT is unset, 0 when it is set (the runtime applied it).
	MemoryLimit int64
}

// defaultMemoryLimit is GOMEMLIMIT when unset. With GOGC at 200 the heap
// could grow to three times what is live before a collection; under issue
// 15's hostile mix that alone took the peak RSS from ~250 MiB live to over
// 500 MiB. The soft limit makes the collector run earlier as the heap
// nears it, and costs nothing while the server uses less.
const defaultMemoryLimit = 256 << 20

// defaultGCPercent is GOGC when unset: less GC work than Go's 100 for a
// larger heap. It was 200 until a POST allocated half as much; then 150 took
// the benchmark's peak RSS from 107–113 MiB to 91 at no measurable CPU cost
// (docs/performance.md#gogc).
const defaultGCPercent = 150

// envVar documents one setting; the README's configuration table follows
// this list.
type envVar struct {
	name, def, help string
}

var envVars = []envVar{
	{"DATABASE_URL", "", "PostgreSQL URL. Unset: start a private PostgreSQL from the machine's binaries (development)."},
	{"PRESSROOM_REQUIRE_DATABASE_URL", "false", "Refuse to start without DATABASE_URL (set in containers)."},
	{"PRESSROOM_DATA_DIR", ".pgdata", "Data folder of the private PostgreSQL (when DATABASE_URL is unset)."},
	{"PRESSROOM_HTTP_ADDR", "127.0.0.1:8080", "Address of the public API."},
	{"PRESSROOM_METRICS_ADDR", "127.0.0.1:9090", "Address of /metrics, /healthz and /readyz."},
	{"PRESSROOM_DEBUG_ADDR", "", "Address of a listener serving Go's profiler (net/http/pprof, /debug/pprof/), apart from the API and /metrics; unset: none. Keep it on loopback (127.0.0.1:6060): profiles expose the program's internals and cost CPU."},
	{"PRESSROOM_MAX_DUMP_BYTES", strconv.Itoa(api.DefaultMaxDumpBytes), "Largest dump accepted, in bytes."},
	{"PRESSROOM_LOG_LEVEL", "info", "debug, info, warn or error."},
	{"PRESSROOM_DB_TIMEOUT", "10s", "How long one request may wait on the database before it fails with 503 (a partitioned or frozen database must not hold requests)."},
	{"PRESSROOM_SHUTDOWN_TIMEOUT", "20s", "How long in-flight requests may take to finish on SIGTERM."},
	{"PRESSROOM_DRAIN_DELAY", "0s", "How long /readyz reports 503 before the listeners close (load balancers need a few seconds)."},
	{"PRESSROOM_RUN_MIGRATIONS", "true", "Apply pending migrations at start; when false, refuse to start on an outdated schema."},
	{"PRESSROOM_ALLOW_OPEN", "false", "Serve without API keys on a non-loopback address while no key exists (otherwise refused)."},
	{"PRESSROOM_RATE_LIMIT", "200", "Requests per second per API key (per client address when open); 0 disables."},
	{"PRESSROOM_RATE_BURST", "400", "Requests a key may send at once before the rate applies."},
	{"PRESSROOM_BATCH_MAX_ITEMS", strconv.Itoa(api.DefaultBatchMaxItems), "Most lines in one batch."},
	{"PRESSROOM_BATCH_MAX_BYTES", strconv.Itoa(api.DefaultBatchMaxBytes), "Largest batch body, in bytes (after gzip inflation)."},
	{"PRESSROOM_IDEMPOTENCY_TTL", "24h", "How long an Idempotency-Key and its response are remembered."},
	{"PRESSROOM_SEARCH_INLINE", "true", "Index each article for text search in its ingest statement, with a vector built in Go (search current at commit; ~0.3 ms of PostgreSQL CPU per article); false defers indexing to the background indexer after the commit (faster POSTs, ~1.6 ms of PostgreSQL CPU per article later)."},
	{"PRESSROOM_REEXTRACT", "false", "Re-extract, in the background while serving, the stored dumps an older extractor version made (the reextract command's work, one dump at a time); turn it on for one replica."},
	{"PRESSROOM_MAX_CONNS", "0", "Most connections the API listener holds at once; when full, the longest-idle one is closed for a new one. 0: 512, or fewer when the open-file limit is lower (256 descriptors and the metrics listener's 64 connections are kept free)."},
	{"PRESSROOM_BODY_BUDGET_BYTES", strconv.Itoa(api.DefaultBodyBudgetBytes), "Request-body bytes all requests together may hold in memory (gzip bodies count as sent and as inflated); over it a request waits up to 2 s, then gets 503 with Retry-After. Raised to 1.5 times the largest request a route accepts."},
	{"PRESSROOM_EXPENSIVE_READS", strconv.Itoa(api.DefaultExpensiveReads), "Article reads with include=diagnostics or markdown that may run at once; others wait up to 2 s, then get 503 with Retry-After."},
	{"PRESSROOM_TRUSTED_PROXIES", "", "Comma-separated addresses or CIDR prefixes of reverse proxies whose X-Forwarded-For is believed (for the open-mode rate limit, the failed-authentication limit and the access log). Empty: the peer address is the client."},
	{"GOMEMLIMIT", "256MiB", "Go's soft memory limit, read by the Go runtime; unset, the server uses 256 MiB, so that the garbage collector runs before a burst of large requests takes the heap far past what is live. Set it from the container's memory limit (the k8s manifests do)."},
	{"GOGC", "150", "Go's garbage-collector target, read by the Go runtime; unset, the server uses 150 (less GC work for a larger heap). Cap memory with GOMEMLIMIT."},
}

// loadConfig reads every setting, then checks the rules that span
// settings; it reports all mistakes at once, so one failed start shows
// them all.
func loadConfig(getenv func(string) string) (config, error) {
	r := &envReader{getenv: getenv}
	c := config{
		DatabaseURL:        r.get("DATABASE_URL"),
		RequireDatabaseURL: r.bool("PRESSROOM_REQUIRE_DATABASE_URL"),
		DataDir:            r.get("PRESSROOM_DATA_DIR"),
		HTTPAddr:           r.addr("PRESSROOM_HTTP_ADDR"),
		MetricsAddr:        r.addr("PRESSROOM_METRICS_ADDR"),
		DebugAddr:          r.optionalAddr("PRESSROOM_DEBUG_ADDR"),
		MaxDumpBytes:       r.dumpBytes("PRESSROOM_MAX_DUMP_BYTES"),
		LogLevel:           r.logLevel("PRESSROOM_LOG_LEVEL"),
		ShutdownTimeout:    r.duration("PRESSROOM_SHUTDOWN_TIMEOUT"),
		DBTimeout:          r.duration("PRESSROOM_DB_TIMEOUT"),
		DrainDelay:         r.duration("PRESSROOM_DRAIN_DELAY"),
		RunMigrations:      r.bool("PRESSROOM_RUN_MIGRATIONS"),
		AllowOpen:          r.bool("PRESSROOM_ALLOW_OPEN"),
		RateLimit:          r.rate("PRESSROOM_RATE_LIMIT"),
		RateBurst:          r.int("PRESSROOM_RATE_BURST", 1, 1<<20),
		BatchMaxItems:      r.int("PRESSROOM_BATCH_MAX_ITEMS", 1, 1<<20),
		BatchMaxBytes:      int64(r.int("PRESSROOM_BATCH_MAX_BYTES", 1, 1<<30)),
		IdempotencyTTL:     r.duration("PRESSROOM_IDEMPOTENCY_TTL"),
		SearchInline:       r.bool("PRESSROOM_SEARCH_INLINE"),
		Reextract:          r.bool("PRESSROOM_REEXTRACT"),
		MaxConns:           r.int("PRESSROOM_MAX_CONNS", 0, 1<<20),
		BodyBudgetBytes:    int64(r.int("PRESSROOM_BODY_BUDGET_BYTES", 1<<20, 1<<34)),
		ExpensiveReads:     r.int("PRESSROOM_EXPENSIVE_READS", 1, 1024),
		GCPercent:          gcPercent(getenv),
	}
	c.TrustedProxies = r.trustedProxies("PRESSROOM_TRUSTED_PROXIES")
	if strings.TrimSpace(getenv("GOMEMLIMIT")) == "" {
		c.MemoryLimit = defaultMemoryLimit
	}
	r.check(c)
	if err := errors.Join(r.errs...); err != nil {
		return config{}, fmt.Errorf("config: %w", err)
	}
	return c, nil
}

// check keeps an error for each rule that a single setting's syntax does
// not cover.
func (r *envReader) check(c config) {
	if c.IdempotencyTTL < time.Minute {
		r.fail("PRESSROOM_IDEMPOTENCY_TTL: want at least 1m, got %q", r.get("PRESSROOM_IDEMPOTENCY_TTL"))
	}
	if c.DBTimeout == 0 {
		r.fail("PRESSROOM_DB_TIMEOUT: must be more than 0")
	}
	if c.RequireDatabaseURL && c.DatabaseURL == "" {
		r.fail("DATABASE_URL is required (PRESSROOM_REQUIRE_DATABASE_URL=true)")
	}
	if c.DatabaseURL != "" {
		if _, err := url.Parse(c.DatabaseURL); err != nil && !strings.Contains(c.DatabaseURL, "=") {
			r.fail("DATABASE_URL: not a URL or a key=value connection string")
		}
	}
}

// gcPercent is the GC target serve sets. GOGC is the Go runtime's own
// variable, which it has applied already when set; only its default is
// Pressroom's.
func gcPercent(getenv func(string) string) int {
	if strings.TrimSpace(getenv("GOGC")) == "" {
		return defaultGCPercent
	}
	return 0
}

// envReader reads settings, falling back to envVars' defaults, and keeps
// an error for each malformed one.
type envReader struct {
	getenv func(string) string
	errs   []error
}

func (r *envReader) get(name string) string {
	if v := strings.TrimSpace(r.getenv(name)); v != "" {
		return v
	}
	for _, e := range envVars {
		if e.name == name {
			return e.def
		}
	}
	return ""
}

func (r *envReader) fail(format string, args ...any) {
	r.errs = append(r.errs, fmt.Errorf(format, args...))
}

func (r *envReader) bool(name string) bool {
	b, err := strconv.ParseBool(r.get(name))
	if err != nil {
		r.fail("%s: want true or false, got %q", name, r.get(name))
	}
	return b
}

func (r *envReader) duration(name string) time.Duration {
	d, err := time.ParseDuration(r.get(name))
	if err != nil || d < 0 {
		r.fail("%s: want a duration such as 20s, got %q", name, r.get(name))
	}
	return d
}

func (r *envReader) int(name string, lo, hi int) int {
	n, err := strconv.Atoi(r.get(name))
	if err != nil || n < lo || n > hi {
		r.fail("%s: want an integer from %d to %d, got %q", name, lo, hi, r.get(name))
	}
	return n
}

func (r *envReader) trustedProxies(name string) []netip.Prefix {
	p, err := api.ParseTrustedProxies(r.get(name))
	if err != nil {
		r.fail("%s: %v", name, err)
	}
	return p
}

func (r *envReader) addr(name string) string {
	a := r.get(name)
	if _, _, err := net.SplitHostPort(a); err != nil {
		r.fail("%s: want host:port, got %q", name, a)
	}
	return a
}

// optionalAddr is addr for a listener that is off when its setting is
// unset ("").
func (r *envReader) optionalAddr(name string) string {
	if r.get(name) == "" {
		return ""
	}
	return r.addr(name)
}

func (r *envReader) rate(name string) float64 {
	f, err := strconv.ParseFloat(r.get(name), 64)
	if err != nil || f < 0 {
		r.fail("%s: want requests per second (0 disables), got %q", name, r.get(name))
	}
	return f
}

func (r *envReader) dumpBytes(name string) int64 {
	n, err := strconv.ParseInt(r.get(name), 10, 64)
	if err != nil || n < 1 || n > 1<<30 {
		r.fail("%s: want a byte count between 1 and 1 GiB, got %q", name, r.get(name))
	}
	return n
}

func (r *envReader) logLevel(name string) slog.Level {
	var l slog.Level
	if err := l.UnmarshalText([]byte(r.get(name))); err != nil {
		r.fail("%s: want debug, info, warn or error, got %q", name, r.get(name))
	}
	return l
}

// LogValue logs the configuration with the database password redacted.
// Durations are written as Go writes them ("10s"): slog's JSON handler
// would give nanoseconds, which nobody reads at a glance.
func (c config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("database_url", redactURL(c.DatabaseURL)),
		slog.String("data_dir", c.DataDir),
		slog.String("http_addr", c.HTTPAddr),
		slog.String("metrics_addr", c.MetricsAddr),
		slog.String("debug_addr", c.DebugAddr),
		slog.Int64("max_dump_bytes", c.MaxDumpBytes),
		slog.String("log_level", c.LogLevel.String()),
		slog.String("db_timeout", c.DBTimeout.String()),
		slog.String("shutdown_timeout", c.ShutdownTimeout.String()),
		slog.String("drain_delay", c.DrainDelay.String()),
		slog.Bool("run_migrations", c.RunMigrations),
		slog.Bool("allow_open", c.AllowOpen),
		slog.Float64("rate_limit", c.RateLimit),
		slog.Int("rate_burst", c.RateBurst),
		slog.Int("batch_max_items", c.BatchMaxItems),
		slog.Int64("batch_max_bytes", c.BatchMaxBytes),
		slog.String("idempotency_ttl", c.IdempotencyTTL.String()),
		slog.Bool("search_inline", c.SearchInline),
		slog.Bool("reextract", c.Reextract),
		slog.Int("max_conns", c.MaxConns),
		slog.Int64("body_budget_bytes", c.BodyBudgetBytes),
		slog.Int("expensive_reads", c.ExpensiveReads),
		slog.Any("trusted_proxies", c.TrustedProxies),
		slog.Int("gc_percent", c.GCPercent),
		slog.Int64("memory_limit", c.MemoryLimit),
	)
}

// redactURL hides the password of a database URL or connection string.
func redactURL(s string) string {
	if s == "" {
		return ""
	}
	if u, err := url.Parse(s); err == nil && u.Scheme != "" {
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
		}
		q := u.Query()
		if q.Has("password") {
			q.Set("password", "xxxxx")
			u.RawQuery = q.Encode()
		}
		return u.String()
	}
	fields := strings.Fields(s)
	for i, f := range fields {
		if strings.HasPrefix(f, "password=") {
			fields[i] = "password=xxxxx"
		}
	}
	return strings.Join(fields, " ")
}

// isLoopback reports whether addr (host:port) only accepts connections from
// this machine. An empty host listens everywhere.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil || host == "" {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
