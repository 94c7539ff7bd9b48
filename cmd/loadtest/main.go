// Command loadtest measures Pressroom against the plain way of storing the
// same articles, in one run, on one private PostgreSQL, over loopback only.
//
// It starts a durable PostgreSQL cluster (stock settings, unix socket only),
// measures the baselines with pgx directly (single-row INSERT per
// transaction, primary-key SELECT of the full row), then starts the built
// Pressroom binary on the same cluster, first as a user runs it by default,
// indexing search inside each ingest so that search stays current
// (PRESSROOM_SEARCH_INLINE=true), for POST /v1/articles with distinct
// generated dumps and POST /v1/articles/batch; then with search deferred,
// for POST /v1/articles, the same at half that rate open-loop,
// GET /v1/articles/{id} and POST /v1/articles/batch again. The read phases
// (baseline SELECT, GET) and the open-loop phase start on a settled
// database: VACUUM (ANALYZE) and CHECKPOINT first, so that no autovacuum
// or checkpoint left by the phases before them runs during them (see
// settle); the open-loop phase's dumps are generated before it starts.
// Each phase is warmed up, then measured: rate,
// latency percentiles, CPU seconds per 1,000 requests of the server, of
// PostgreSQL and of this client, and the server's peak RSS (rss_mib: the
// higher of the two servers'). The last line printed is the summary:
//
//	ingest_vs_insert=<x.xx> get_vs_select=<x.xx> batch_rows_per_s=<n> p99_ms_half_load=<x.x> rss_mib=<n> ingest_search_vs_insert=<x.xx> cpu_ms_per_article=<x.xx> batch_search_rows_per_s=<n>
//
// batch_rows_per_s is measured with search deferred, as ingest_vs_insert is
// (and as every run before search current was the default);
// batch_search_rows_per_s is the same phase with search kept current.
//
// Usage: loadtest [-quick] [-duration 20s] [-concurrency 16] [-pool 8] [-server bin/pressroom]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pressroom/pressroom/internal/pglocal"
)

// options are the command-line settings.
type options struct {
	server      string
	duration    time.Duration
	warmup      time.Duration
	concurrency int
	pool        int
	batch       int
	seed        uint64
	quick       bool
	perfDir     string
	pprofDir    string
	settle      bool
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	if ctx.Err() != nil { // a signal came; stop() below cancels ctx too
		err = errors.New("interrupted; server and database stopped and removed")
	}
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.server, "server", "bin/pressroom", "the Pressroom binary to start")
	fs.DurationVar(&o.duration, "duration", 20*time.Second, "measured time of each phase")
	fs.DurationVar(&o.warmup, "warmup", 0, "unmeasured time before each phase (default: a fifth of -duration, at least 1s)")
	fs.IntVar(&o.concurrency, "concurrency", 16, "concurrent clients, for the baselines and for Pressroom")
	fs.IntVar(&o.pool, "pool", 8, "database connections, for the baselines and for Pressroom (pool_max_conns)")
	fs.IntVar(&o.batch, "batch", 100, "lines per batch request")
	fs.Uint64Var(&o.seed, "seed", 0, "dump generator seed (default: from the clock)")
	fs.BoolVar(&o.quick, "quick", false, "short phases (4s, warm-up 1s) unless -duration/-warmup are given")
	fs.StringVar(&o.perfDir, "perf", "", "record a system-wide `perf record -g` profile of each measured phase into this directory")
	fs.StringVar(&o.pprofDir, "pprof", "", "save the server's Go CPU profile (from PRESSROOM_DEBUG_ADDR) of each measured Pressroom phase, and its heap profile at the phase's end, into this directory")
	fs.BoolVar(&o.settle, "settle", true, "VACUUM (ANALYZE) and CHECKPOINT before the baseline SELECT, the open-loop and the GET phases; -settle=false measures them as earlier runs did, for comparison")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if o.quick && !set["duration"] {
		o.duration = 4 * time.Second
	}
	if o.warmup == 0 && !set["warmup"] {
		o.warmup = max(time.Second, o.duration/5)
		if o.quick {
			o.warmup = time.Second
		}
	}
	if o.seed == 0 {
		o.seed = uint64(time.Now().UnixNano())
	}
	switch {
	case o.duration <= 0:
		return o, errors.New("-duration must be positive")
	case o.concurrency < 1 || o.pool < 1 || o.batch < 1:
		return o, errors.New("-concurrency, -pool and -batch must be at least 1")
	}
	return o, nil
}

// bench is the state shared by the phases of one run.
type bench struct {
	opts     options
	gen      generator
	next     atomic.Uint64 // index of the last dump handed out: every request gets a new one
	client   *http.Client
	articles idSet
	out      io.Writer
	log      *log.Logger

	postmaster int
	dbURL      string  // Pressroom's database, for settling it (see settle)
	srv        *server // nil outside the Pressroom phases
	phases     []*phase
	catchUp    *catchUp // nil when the server indexes search inside the ingest
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	o, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	bin, err := filepath.Abs(o.server)
	if err != nil {
		return err
	}
	if _, err := os.Stat(bin); err != nil {
		return fmt.Errorf("server binary: %w (build it with `make build`)", err)
	}
	// The client shares the machine with what it measures; it keeps a few
	// hundred MB of samples and dumps at most, so it trades memory for less
	// collector CPU, the same for the baselines and for Pressroom.
	debug.SetGCPercent(400)
	b := &bench{opts: o, gen: generator{seed: o.seed}, client: newClient(), out: stdout,
		log: log.New(stderr, "loadtest: ", log.Ltime)}
	started := time.Now()
	b.describe()

	// Everything is torn down on the way out, Ctrl-C included: the server
	// first (it holds connections), then the cluster and its directory.
	tmp, err := os.MkdirTemp("", "loadtest-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	b.log.Printf("starting a durable PostgreSQL (stock settings, unix socket only)")
	cluster, err := pglocal.Start(ctx, pglocal.Options{Durable: true})
	if err != nil {
		return err
	}
	defer func() {
		if rerr := cluster.Remove(); rerr != nil {
			err = errors.Join(err, rerr)
		}
	}()
	if b.postmaster, err = postmasterPID(cluster.DataDir()); err != nil {
		return err
	}
	b.log.Printf("postgres pid %d, data %s", b.postmaster, cluster.DataDir())
	if err := createDatabase(ctx, cluster.URL("postgres"), "baseline"); err != nil {
		return err
	}

	if err := b.baselines(ctx, cluster.URL("baseline")); err != nil {
		return err
	}

	b.dbURL = cluster.URL(pglocal.DefaultDatabase)
	dbURL, err := withParam(b.dbURL, "pool_max_conns", strconv.Itoa(o.pool))
	if err != nil {
		return err
	}
	// Search kept current first: that server leaves nothing pending, so
	// the next one starts with an empty search backlog, as it would have
	// on a fresh database.
	if err := b.searchCurrent(ctx, bin, dbURL, filepath.Join(tmp, "server-inline.log")); err != nil {
		return err
	}
	// The other phases measure ingest with search deferred (the issue's
	// ingest_vs_insert), whatever the server's default.
	srv, err := startServer(ctx, bin, dbURL, filepath.Join(tmp, "server.log"), b.serverSettings("PRESSROOM_SEARCH_INLINE=false")...)
	if err != nil {
		return err
	}
	b.srv = srv
	b.log.Printf("pressroom pid %d serving on %s (metrics %s)", srv.pid(), srv.httpAddr, srv.metricsAddr)
	defer func() {
		if serr := srv.stop(); serr != nil {
			err = errors.Join(err, serr)
		}
	}()
	if err := b.pressroom(ctx, "http://"+srv.httpAddr); err != nil {
		return err
	}

	rss, err := peakRSSMiB(srv.pid())
	if err != nil {
		return fmt.Errorf("server peak RSS: %w", err)
	}
	b.report(rss, time.Since(started))
	return nil
}

// describe prints the machine, for reading the figures later.
func (b *bench) describe() {
	model := "unknown CPU"
	if c, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.Lines(string(c)) {
			if v, ok := strings.CutPrefix(line, "model name"); ok {
				model = strings.TrimSpace(strings.TrimLeft(v, " \t:"))
				break
			}
		}
	}
	load := ""
	if l, err := os.ReadFile("/proc/loadavg"); err == nil {
		load = strings.Join(strings.Fields(string(l))[:3], " ")
	}
	fmt.Fprintf(b.out, "machine: %d CPUs (%s), load average %s, %s\n", runtime.NumCPU(), model, load, runtime.Version())
	fmt.Fprintf(b.out, "settings: duration %v, warm-up %v, concurrency %d, pool %d, batch %d lines, seed %d\n",
		b.opts.duration, b.opts.warmup, b.opts.concurrency, b.opts.pool, b.opts.batch, b.opts.seed)
}

// createDatabase makes an empty database on the cluster.
func createDatabase(ctx context.Context, adminURL, name string) error {
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return fmt.Errorf("create database %s: %w", name, err)
	}
	return nil
}

// withParam adds a query parameter to a postgres:// URL.
func withParam(raw, key, value string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("database URL: %w", err)
	}
	q := u.Query()
	q.Set(key, value)
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// snapshot reads the CPU time used so far by each side.
func (b *bench) snapshot() (cpu, error) {
	var c cpu
	var err error
	if c.machine, err = machineBusy(); err != nil {
		return c, err
	}
	if c.postgres, err = clusterCPU(b.postmaster); err != nil {
		return c, fmt.Errorf("postgres cpu: %w", err)
	}
	if c.client, err = processCPU(os.Getpid()); err != nil {
		return c, err
	}
	if b.srv != nil {
		if c.server, err = processCPU(b.srv.pid()); err != nil {
			return c, err
		}
	}
	return c, nil
}

// loop runs a load loop for a given time; phases choose closed or open.
type loop func(ctx context.Context, d time.Duration) (*sample, time.Duration)

// measure warms up, then runs the measured phase between two CPU snapshots.
func (b *bench) measure(ctx context.Context, name, unit string, l loop) (*phase, error) {
	b.log.Printf("%s: warm-up %v", name, b.opts.warmup)
	if warm, _ := l(ctx, b.opts.warmup); ctx.Err() != nil {
		return nil, ctx.Err()
	} else if len(warm.lat) == 0 {
		return nil, fmt.Errorf("%s: no request succeeded during warm-up: %s", name, warm.first)
	}
	rec, err := startPerf(b.opts.perfDir, name)
	if err != nil {
		return nil, err
	}
	var searchBefore searchCounts
	if b.srv != nil {
		if searchBefore, err = b.searchCounts(ctx); err != nil {
			rec.stop()
			return nil, err
		}
	}
	before, err := b.snapshot()
	if err != nil {
		rec.stop()
		return nil, err
	}
	b.log.Printf("%s: measuring %v", name, b.opts.duration)
	prof := b.startCPUProfile(ctx, name)
	s, elapsed := l(ctx, b.opts.duration)
	after, err := b.snapshot()
	if path, perr := prof.wait(); perr != nil {
		b.log.Printf("%s: %v", name, perr)
	} else if path != "" {
		b.log.Printf("%s: server CPU profile in %s (go tool pprof -top %s)", name, path, path)
	}
	if path, herr := b.saveHeapProfile(ctx, name); herr != nil {
		b.log.Printf("%s: %v", name, herr)
	} else if path != "" {
		b.log.Printf("%s: server heap profile in %s (go tool pprof -sample_index=inuse_space -top %s)", name, path, path)
	}
	if perr := rec.stop(); perr != nil {
		b.log.Printf("%s: %v", name, perr)
	} else if rec != nil {
		b.log.Printf("%s: profile in %s (perf report -i %s --comm pressroom --no-children --sort sym; --comm postgres)", name, rec.path, rec.path)
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		return nil, err
	}
	p := summarise(name, unit, s, elapsed, cpu{
		server:   after.server - before.server,
		postgres: after.postgres - before.postgres,
		client:   after.client - before.client,
		machine:  after.machine - before.machine,
	})
	if b.srv != nil {
		p.hasSrv = true
		if p.rssMiB, err = peakRSSMiB(b.srv.pid()); err != nil {
			return nil, err
		}
		searchAfter, err := b.searchCounts(ctx)
		if err != nil {
			return nil, err
		}
		if searchBefore.ok && searchAfter.ok {
			p.searchIndexed = searchAfter.indexed - searchBefore.indexed
			p.searchNote = fmt.Sprintf("search indexer: %.0f rows indexed during the phase, %.0f pending at its end",
				searchAfter.indexed-searchBefore.indexed, searchAfter.pending)
		}
	}
	b.log.Printf("%s: %d ok, %d failed, %.0f/s, p99 %s ms", name, p.items, p.failed, p.itemRate(), ms(p.p99))
	b.phases = append(b.phases, p)
	return p, nil
}

func (b *bench) closed(do op) loop {
	return func(ctx context.Context, d time.Duration) (*sample, time.Duration) {
		return closedLoop(ctx, b.opts.concurrency, d, do)
	}
}

// baselines measures plain pgx: INSERT, then SELECT of the rows it stored.
func (b *bench) baselines(ctx context.Context, databaseURL string) error {
	pool, err := openBaseline(ctx, databaseURL, b.opts.pool)
	if err != nil {
		return err
	}
	defer pool.Close() // its backends must not idle on during the HTTP phases
	var ids plainIDs
	if _, err := b.measure(ctx, "baseline INSERT", "row", b.closed(b.insertPlainOp(pool, &ids))); err != nil {
		return err
	}
	if _, err := b.measureSettled(ctx, databaseURL, "baseline SELECT", "row", b.closed(selectPlainOp(pool, &ids))); err != nil {
		return err
	}
	return nil
}

// pressroom drives the server with search deferred: POST at full speed,
// POST open-loop at half that rate, GET, then batches.
func (b *bench) pressroom(ctx context.Context, base string) error {
	post, err := b.measure(ctx, "POST /v1/articles", "req", b.closed(b.postArticle(base)))
	if err != nil {
		return err
	}
	half := post.rate() / 2
	if half <= 0 {
		return errors.New("POST /v1/articles: no request succeeded, so there is no rate to halve")
	}

	// The search backlog the saturating phase left is worked off first, and
	// measured: the open-loop phase then shows the latency of a server
	// running steadily at half its peak, indexing what arrives, rather than
	// one still paying for the phase before it.
	if b.catchUp, err = b.measureCatchUp(ctx); err != nil {
		return err
	}
	// Its dumps, warm-up's and measurement's, are made before it starts
	// (see postPrepared), and before the database is settled.
	prepared := b.postPrepared(base, b.generate(int(half*(b.opts.warmup+b.opts.duration).Seconds())+1))
	open, err := b.measureSettled(ctx, b.dbURL, "POST open-loop ½ peak", "req", func(ctx context.Context, d time.Duration) (*sample, time.Duration) {
		return openLoop(ctx, half, d, prepared)
	})
	if err != nil {
		return err
	}
	open.target = half
	open.note = fmt.Sprintf("scheduled %.0f req/s (half of %.0f), latency counted from each request's scheduled send time; dumps generated before the phase", half, post.rate())

	// What the open-loop phase left unindexed is worked off before the
	// reads, which then run on a quiet database, as the baseline SELECT
	// does.
	if _, err = b.measureCatchUp(ctx); err != nil {
		return err
	}

	if _, err := b.measureSettled(ctx, b.dbURL, "GET /v1/articles/{id}", "req", b.closed(b.getArticle(base))); err != nil {
		return err
	}

	return b.batchPhase(ctx, base, batchPhaseName, "search deferred (PRESSROOM_SEARCH_INLINE=false)")
}

// batchPhase drives POST /v1/articles/batch on the server at base as the
// phase called name; mode says how that server indexes search. It runs on
// both servers: with search current (the default) a batch's rows pay for
// their search vectors as a user's would; with search deferred it is the
// figure every earlier run measured.
func (b *bench) batchPhase(ctx context.Context, base, name, mode string) error {
	// One single-line batch tells whether the endpoint exists yet.
	if _, err := b.postBatch(base, 1)(ctx); errors.Is(err, errNoBatch) {
		b.log.Printf("batch: %v", err)
		b.phases = append(b.phases, &phase{name: name, unit: "row", skipped: true, note: errNoBatch.Error() + ": batch_rows_per_s=0"})
		return nil
	}
	workers := max(1, min(b.opts.concurrency, b.opts.pool))
	batch, err := b.measure(ctx, name, "row", func(ctx context.Context, d time.Duration) (*sample, time.Duration) {
		return closedLoop(ctx, workers, d, b.postBatch(base, b.opts.batch))
	})
	if err != nil {
		return err
	}
	batch.note = fmt.Sprintf("%d lines per request, %d concurrent requests, %s; latency is per request", b.opts.batch, workers, mode)
	return nil
}

// batchPhaseName and batchSearchPhase are the batch phases' names in the
// report: search deferred, and search current.
const (
	batchPhaseName   = "POST /v1/articles/batch"
	batchSearchPhase = "POST batch, search current"
)

// searchPhase is the phase that ingests with search kept current.
const searchPhase = "POST, search current"

// searchCurrent measures what a user who needs search sustains: POST at
// full speed on a server that indexes each article in its ingest
// transaction (PRESSROOM_SEARCH_INLINE), so that nothing is deferred and
// a text search finds every article once its POST is answered. The
// backlog at the end of the phase shows whether search stayed current.
// The batch phase follows on the same server.
func (b *bench) searchCurrent(ctx context.Context, bin, dbURL, logPath string) error {
	srv, err := startServer(ctx, bin, dbURL, logPath, b.serverSettings("PRESSROOM_SEARCH_INLINE=true")...)
	if err != nil {
		return err
	}
	b.srv = srv
	defer func() { b.srv = nil }()
	b.log.Printf("pressroom pid %d, search indexed inline, serving on %s", srv.pid(), srv.httpAddr)
	base := "http://" + srv.httpAddr
	p, err := b.measure(ctx, searchPhase, "req", b.closed(b.postArticle(base)))
	if err == nil {
		var c searchCounts
		if c, err = b.searchCounts(ctx); err == nil {
			p.searchPending = c.pending
			p.note = fmt.Sprintf("PRESSROOM_SEARCH_INLINE=true: %.0f articles pending search at the end (current: under %d)", c.pending, maxSearchCurrentBacklog)
		}
	}
	if err == nil {
		err = b.batchPhase(ctx, base, batchSearchPhase, "search current (PRESSROOM_SEARCH_INLINE=true)")
	}
	return errors.Join(err, srv.stop())
}

// maxSearchCurrentBacklog is the backlog under which search counts as
// current at the end of the search phase.
const maxSearchCurrentBacklog = 1000

func (b *bench) find(name string) *phase {
	for _, p := range b.phases {
		if p.name == name {
			return p
		}
	}
	return nil
}

// report prints the table, the ratios and, last, the summary line.
func (b *bench) report(rss float64, total time.Duration) {
	insert, sel := b.find("baseline INSERT"), b.find("baseline SELECT")
	baseFor := func(p *phase) *phase {
		if strings.HasPrefix(p.name, "GET") || strings.HasSuffix(p.name, "SELECT") {
			return sel
		}
		return insert
	}
	fmt.Fprintln(b.out)
	writeTable(b.out, b.phases, baseFor, runtime.NumCPU())
	fmt.Fprintln(b.out, "  per s and cpu s/1k count rows stored or articles read (a batch request stores many); vs baseline: INSERT for writes, SELECT for reads")
	fmt.Fprintln(b.out, "  other load: CPU capacity used by processes outside the benchmark during the phase (a shared machine makes figures noisy)")
	post, open, get, batch := b.find("POST /v1/articles"), b.find("POST open-loop ½ peak"), b.find("GET /v1/articles/{id}"), b.find(batchPhaseName)
	search, batchSearch := b.find(searchPhase), b.find(batchSearchPhase)
	s := score{
		ingestVsInsert: ratio(post.rate(), insert.itemRate()),
		// A phase that left search behind sustained no current search.
		ingestSearchVsInsert: ratio(search.rate(), insert.itemRate()) * boolFloat(search.searchPending < maxSearchCurrentBacklog),
		cpuMsPerArticle:      search.per1k(search.cpu.server + search.cpu.postgres),
		getVsSelect:          ratio(get.rate(), sel.itemRate()),
		batchRowsPerS:        batch.itemRate(),
		batchSearchRowsPerS:  batchSearch.itemRate(),
		p99HalfLoad:          open.p99,
		// The peak of either server: search current is the default.
		rssMiB: max(rss, search.peakRSS(), batchSearch.peakRSS()),
	}
	fmt.Fprintln(b.out)
	fmt.Fprintf(b.out, "CPU per 1,000 rows, server+postgres: POST %.3f s vs INSERT %.3f s (postgres alone %.3f s vs %.3f s)\n",
		post.per1k(post.cpu.server+post.cpu.postgres), insert.per1k(insert.cpu.postgres),
		post.per1k(post.cpu.postgres), insert.per1k(insert.cpu.postgres))
	// When every phase is CPU-bound (two cores), rates are inversely
	// proportional to CPU per row, whoever else shares the machine: this
	// cross-check stays steady when other load skews one phase's rate.
	allCPU := func(p *phase) float64 { return p.per1k(p.cpu.server + p.cpu.postgres + p.cpu.client) }
	fmt.Fprintf(b.out, "CPU-bound estimate (ratio of all CPU per row, this client included; insensitive to other load): ingest_vs_insert≈%.2f get_vs_select≈%.2f ingest_search_vs_insert≈%.2f\n",
		ratio(allCPU(insert), allCPU(post)), ratio(allCPU(sel), allCPU(get)), ratio(allCPU(insert), allCPU(search)))
	if c := b.catchUp; c != nil {
		state := "caught up"
		if !c.done {
			state = fmt.Sprintf("NOT caught up after %v", maxCatchUp)
		}
		fmt.Fprintf(b.out, "search indexing after the POST phase at full speed, no other load: %.0f pending (gauge capped at 10,000), %s: %.0f rows in %.1f s = %.0f rows/s; CPU per 1,000 rows indexed: postgres %.3f s, server %.3f s\n",
			c.backlog, state, c.indexed, c.elapsed.Seconds(), c.rate(), c.per1k(c.cpu.postgres), c.per1k(c.cpu.server))
	}
	if c := b.catchUp; c != nil && post.items > 0 && c.indexed > 0 {
		// The same total for the default server: the POST phase's CPU per
		// article plus the catch-up's per article indexed.
		fmt.Fprintf(b.out, "CPU per article with search, server+postgres: inline %.3f ms (%s) vs background %.3f ms (POST phase + catch-up)\n",
			s.cpuMsPerArticle, searchPhase, post.per1k(post.cpu.server+post.cpu.postgres)+c.per1k(c.cpu.server+c.cpu.postgres))
		// Indexing's own share: what PostgreSQL spent per article beyond
		// the same POST with search deferred, less what the background
		// indexer spent during that phase (its rows at the catch-up's cost).
		postPG := post.cpu.postgres.Seconds() - post.searchIndexed*c.per1k(c.cpu.postgres)/1000
		fmt.Fprintf(b.out, "PostgreSQL CPU per article indexed: inline %.3f ms (%s minus POST /v1/articles less its %.0f rows indexed in the background) vs background %.3f ms (catch-up)\n",
			search.per1k(search.cpu.postgres)-postPG/float64(max(post.items, 1))*1000, searchPhase, post.searchIndexed, c.per1k(c.cpu.postgres))
	}
	fmt.Fprintf(b.out, "server peak RSS %.1f MiB (search current, batches included) and %.1f MiB (search deferred); %d distinct dumps generated; total run %v\n",
		max(search.peakRSS(), batchSearch.peakRSS()), rss, b.next.Load(), total.Round(time.Second))
	fmt.Fprintln(b.out, s.lastLine())
}
