package store_test

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/pglocal"
	"github.com/pressroom/pressroom/internal/store"
)

// The ingest benchmarks compare write paths in one run, on a durable
// PostgreSQL of their own (fsync and synchronous_commit on, as in
// production: dbtest's server turns them off, which would hide what group
// commit saves). Every variant writes distinct ~6 KB dumps into a fresh
// database. Run them with a fixed row count so every variant does the same
// work, e.g.
//
//	go test ./internal/store -run '^$' -bench 'IngestWrite$' -benchtime 3000x
//
// Besides ns/op (per row) they report rows/s, and the CPU that PostgreSQL
// (pg-µs/row) and this process (go-µs/row) spent per row.

// callers is the concurrency of the parallel variants: the load generator's
// client count.
const callers = 64

func BenchmarkIngestWrite(b *testing.B) {
	srv := startBenchServer(b)
	type mode struct {
		name    string
		workers int
		chunk   int // items per call
		opts    store.Options
		save    func(ctx context.Context, s *store.Store, items []store.IngestItem) error
	}
	modes := []mode{
		{"Serial", 1, 1, store.Options{DisableGroupCommit: true}, saveOnePerTx},
		{"Parallel", callers, 1, store.Options{DisableGroupCommit: true}, saveOnePerTx},
		{"ParallelOneRoundTrip", callers, 1, store.Options{DisableGroupCommit: true}, saveOne},
		{"GroupCommit", callers, 1, store.Options{}, saveOne},
		{"Batch", 2, store.DefaultMaxBatch, store.Options{}, saveBatch},
	}
	for _, schema := range []string{"pglz", "lz4"} {
		for _, m := range modes {
			b.Run(m.name+"/"+schema, func(b *testing.B) {
				pool := srv.newDB(b, 0, schemas[schema])
				s := store.NewWithOptions(pool, m.opts)
				defer s.Close()
				drive(b, srv, pool, m.workers, m.chunk, func(ctx context.Context, items []store.IngestItem) error {
					return m.save(ctx, s, items)
				})
			})
		}
	}
}

// BenchmarkIngestTuning varies the pool size, the writers and the batch
// size of group commit, the chunk size of SaveIngestBatch, and the
// storage of the large columns.
func BenchmarkIngestTuning(b *testing.B) {
	srv := startBenchServer(b)
	run := func(name string, conns, workers, chunk int, opts store.Options, schema string, save func(context.Context, *store.Store, []store.IngestItem) error) {
		b.Run(name, func(b *testing.B) {
			pool := srv.newDB(b, conns, schemas[schema])
			s := store.NewWithOptions(pool, opts)
			defer s.Close()
			drive(b, srv, pool, workers, chunk, func(ctx context.Context, items []store.IngestItem) error { return save(ctx, s, items) })
		})
	}
	for _, conns := range []int{2, 4, 8, 16} {
		run(fmt.Sprintf("ParallelOneRoundTrip/conns=%d", conns), conns, callers, 1, store.Options{DisableGroupCommit: true}, "lz4", saveOne)
	}
	run("SerialOneRoundTrip", 0, 1, 1, store.Options{DisableGroupCommit: true}, "lz4", saveOne)
	run("SerialGroupCommit", 0, 1, 1, store.Options{}, "lz4", saveOne)
	for _, writers := range []int{1, 2, 4} {
		for _, maxBatch := range []int{16, 64} {
			run(fmt.Sprintf("GroupCommit/writers=%d/batch=%d", writers, maxBatch), 0, callers, 1,
				store.Options{Writers: writers, MaxBatch: maxBatch}, "lz4", saveOne)
		}
	}
	for _, chunk := range []int{16, 64, 256} {
		run(fmt.Sprintf("Batch/rows=%d", chunk), 0, 2, chunk, store.Options{MaxBatch: chunk}, "lz4", saveBatch)
	}
	for _, schema := range []string{"pglz", "lz4", "lz4-pglz-search", "lz4-target4096", "lz4-target8160"} {
		run("GroupCommit/"+schema, 0, callers, 1, store.Options{}, schema, saveOne)
	}
}

// schemas are storage variants applied to a fresh, migrated database.
var schemas = map[string]string{
	"pglz": `ALTER TABLE dumps ALTER COLUMN body SET COMPRESSION pglz;
		ALTER TABLE articles ALTER COLUMN body SET COMPRESSION pglz, ALTER COLUMN search SET COMPRESSION pglz,
			ALTER COLUMN diagnostics SET COMPRESSION pglz`,
	"lz4":             ``,
	"lz4-pglz-search": `ALTER TABLE articles ALTER COLUMN search SET COMPRESSION pglz`,
	"lz4-target4096":  `ALTER TABLE dumps SET (toast_tuple_target = 4096); ALTER TABLE articles SET (toast_tuple_target = 4096)`,
	"lz4-target8160":  `ALTER TABLE dumps SET (toast_tuple_target = 8160); ALTER TABLE articles SET (toast_tuple_target = 8160)`,
}

func saveOne(ctx context.Context, s *store.Store, items []store.IngestItem) error {
	_, err := s.SaveIngest(ctx, items[0].Dump, items[0].Extraction)
	return err
}

func saveOnePerTx(ctx context.Context, s *store.Store, items []store.IngestItem) error {
	_, err := store.SaveIngestPerTx(s, ctx, items[0].Dump, items[0].Extraction)
	return err
}

func saveBatch(ctx context.Context, s *store.Store, items []store.IngestItem) error {
	for _, r := range s.SaveIngestBatch(ctx, items) {
		if r.Err != nil {
			return r.Err
		}
	}
	return nil
}

// drive writes b.N distinct items from workers goroutines, chunk items per
// call, and reports per-row figures.
func drive(b *testing.B, srv *benchServer, pool *pgxpool.Pool, workers, chunk int, save func(context.Context, []store.IngestItem) error) {
	b.Helper()
	items := make([]store.IngestItem, b.N)
	seed := rand.Uint64()
	for i := range items {
		items[i] = benchItem(seed, uint64(i))
	}
	ctx := context.Background()
	var next atomic.Int64
	var wg sync.WaitGroup
	pg0, go0 := srv.pgCPU(b), processCPU()
	b.ResetTimer()
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(int64(chunk))) - chunk
				if i >= len(items) {
					return
				}
				if err := save(ctx, items[i:min(i+chunk, len(items))]); err != nil {
					b.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	b.StopTimer()
	pg, goCPU := srv.pgCPU(b)-pg0, processCPU()-go0
	var size int64
	if err := pool.QueryRow(ctx, "SELECT pg_total_relation_size('dumps') + pg_total_relation_size('articles')").Scan(&size); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(pg.Microseconds())/float64(b.N), "pg-µs/row")
	b.ReportMetric(float64(goCPU.Microseconds())/float64(b.N), "go-µs/row")
	b.ReportMetric(float64(size)/float64(b.N), "disk-B/row")
}

// benchServer is a durable PostgreSQL with a migrated template database.
type benchServer struct {
	c     *pglocal.Cluster
	admin *pgxpool.Pool
	n     atomic.Int64
}

const benchTemplate = "bench_template"

func startBenchServer(b *testing.B) *benchServer {
	b.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c, err := pglocal.Start(ctx, pglocal.Options{Durable: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { c.Remove() })
	admin, err := pgxpool.New(ctx, c.URL("postgres"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(admin.Close)
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+benchTemplate); err != nil {
		b.Fatal(err)
	}
	pool, err := store.Open(ctx, c.URL(benchTemplate))
	if err != nil {
		b.Fatal(err)
	}
	err = store.Migrate(ctx, pool)
	pool.Close()
	if err != nil {
		b.Fatal(err)
	}
	return &benchServer{c: c, admin: admin}
}

// newDB returns a pool of conns connections (0: store.Open's default) on
// a fresh database changed by schemaSQL.
func (s *benchServer) newDB(b *testing.B, conns int, schemaSQL string) *pgxpool.Pool {
	b.Helper()
	ctx := context.Background()
	name := fmt.Sprintf("bench_%d", s.n.Add(1))
	if _, err := s.admin.Exec(ctx, "CREATE DATABASE "+name+" TEMPLATE "+benchTemplate); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.admin.Exec(context.Background(), "DROP DATABASE "+name+" WITH (FORCE)") })
	u := s.c.URL(name)
	if conns > 0 {
		u += fmt.Sprintf("&pool_max_conns=%d", conns)
	}
	pool, err := store.Open(ctx, u)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(pool.Close)
	if schemaSQL != "" {
		if _, err := pool.Exec(ctx, schemaSQL); err != nil {
			b.Fatal(err)
		}
	}
	return pool
}

// pgCPU is the CPU time used so far by the server's processes: the
// postmaster, its live children, and the children it reaped.
func (s *benchServer) pgCPU(b *testing.B) time.Duration {
	b.Helper()
	pidFile, err := os.ReadFile(filepath.Join(s.c.DataDir(), "postmaster.pid"))
	if err != nil {
		b.Fatal(err)
	}
	postmaster, _, _ := strings.Cut(string(pidFile), "\n")
	procs, _ := filepath.Glob("/proc/[0-9]*/stat")
	var ticks int64
	for _, p := range procs {
		f, err := os.Open(p)
		if err != nil {
			continue // exited
		}
		line, _ := bufio.NewReader(f).ReadString('\n')
		f.Close()
		// Fields after the parenthesised command: state ppid … utime(14) stime(15) cutime(16) cstime(17).
		end := strings.LastIndexByte(line, ')')
		if end < 0 {
			continue
		}
		pid := strings.TrimSpace(line[:strings.IndexByte(line, '(')])
		fields := strings.Fields(line[end+1:])
		if len(fields) < 15 || (pid != postmaster && fields[1] != postmaster) {
			continue
		}
		last := 13 // utime, stime
		if pid == postmaster {
			last = 15 // and the reaped children's
		}
		for _, f := range fields[11 : last+1] {
			n, _ := strconv.ParseInt(f, 10, 64)
			ticks += n
		}
	}
	return time.Duration(ticks) * time.Second / 100 // USER_HZ
}

func processCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchWords is the vocabulary of generated prose: English-like text
// compresses about as well as real articles do.
var benchWords = strings.Fields(`the of and to in a is that for on was with he it as at by
	from his an were are which this be has or had not but been its they who their one new
	after also more two first last year years said people would will about city council
	government minister police court report state public plan officials company market
	percent million week month day time local national school health water bridge river
	road project budget vote election party leader members spokesman statement according
	during before since while under between against several including however because
	where when what other some many most such only over into through than then there these
	those could should must might early late morning evening community residents families
	children workers business industry prices costs energy power climate weather storm
	rain flood fire emergency services hospital doctors patients study research university
	students teachers building construction housing rent homes street district region
	county province capital border trade deal agreement talks meeting summit president
	mayor governor judge lawyer case trial investigation evidence witness officers arrest
	charges security safety transport train bus airport flight travel tourism festival
	music film book author history museum team season match game player coach win lost
	score league final record fans stadium club sport championship victory defeat`)

// benchItem generates distinct realistic item i: a text dump of ~6 KB with
// masthead, headline, byline, date, 8-12 paragraphs and a paywall tail, and
// its extraction (~5 KB of body, metadata, diagnostics).
func benchItem(seed, i uint64) store.IngestItem {
	rng := rand.New(rand.NewPCG(seed, i))
	sentence := func(minWords, maxWords int) string {
		n := minWords + rng.IntN(maxWords-minWords+1)
		var sb strings.Builder
		for j := range n {
			w := benchWords[rng.IntN(len(benchWords))]
			if j == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			} else {
				sb.WriteByte(' ')
			}
			sb.WriteString(w)
			if j > 2 && j < n-2 && rng.IntN(12) == 0 {
				sb.WriteByte(',')
			}
		}
		sb.WriteByte('.')
		return sb.String()
	}
	title := strings.TrimSuffix(sentence(6, 11), ".")
	author := fmt.Sprintf("%s %s", strings.ToUpper(benchWords[rng.IntN(len(benchWords))][:1])+"ane", strings.ToUpper(benchWords[rng.IntN(len(benchWords))][:1])+"oe")
	published := time.Date(2025, time.Month(1+rng.IntN(12)), 1+rng.IntN(28), rng.IntN(24), rng.IntN(60), 0, 0, time.UTC)
	paras := make([]string, 10+rng.IntN(5))
	words := 0
	for p := range paras {
		ss := make([]string, 4+rng.IntN(3))
		for k := range ss {
			ss[k] = sentence(10, 20)
			words += strings.Count(ss[k], " ") + 1
		}
		paras[p] = strings.Join(ss, " ")
	}
	var raw strings.Builder
	fmt.Fprintf(&raw, "The Daily %d\nHome | News | Sport | Business | Opinion\n\n%s\n\nBy %s\n%s\n\n",
		i%97, title, author, published.Format("Jan 2, 2006 3:04 pm"))
	raw.WriteString(strings.Join(paras, "\n\n"))
	fmt.Fprintf(&raw, "\n\nSubscribe to read more. Already a subscriber? Sign in.\nStory %d-%d\n", seed, i)

	d := article.NewDump(fmt.Sprintf("bench-%d", i%7), fmt.Sprintf("https://example.com/news/%d/%d", seed, i),
		"text/plain; charset=utf-8", []byte(raw.String()), time.Now())
	x := &article.Extraction{
		Input: article.InputText,
		Metadata: article.Metadata{
			Title: title, Authors: []string{author},
			Published: &article.Date{Time: published, Precision: article.PrecisionMinute},
			SiteName:  fmt.Sprintf("The Daily %d", i%97), Language: "en", URL: d.URL,
		},
		Paragraphs: paras,
		WordCount:  words,
		Version:    1,
		Diagnostics: article.Diagnostics{
			Input: article.InputText,
			Fields: []article.FieldSource{
				{Field: "title", Value: title, Line: 4, Rule: "headline-before-body", Confidence: 0.9},
				{Field: "authors", Value: author, Line: 6, Rule: "byline", Confidence: 0.8},
				{Field: "published", Value: published.Format(time.RFC3339), Line: 7, Rule: "date-line", Confidence: 0.85},
				{Field: "site_name", Value: fmt.Sprintf("The Daily %d", i%97), Line: 1, Rule: "masthead", Confidence: 0.6},
			},
			Dropped: []article.DroppedBlock{
				{Line: 2, Label: "navigation", Text: "Home | News | Sport | Business | Opinion"},
				{Line: 9 + len(paras)*2, Label: "paywall", Text: "Subscribe to read more. Already a subscriber? Sign in."},
			},
		},
	}
	return store.IngestItem{Dump: d, Extraction: x}
}
