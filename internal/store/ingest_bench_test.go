package store_test

import (
	"bufio"
	"cmp"
	"context"
	"fmt"
	"github.com/pressroom/pressroom/internal/proctime"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
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

// roundRows is how many rows each variant writes per round of
// BenchmarkIngestWrite.
const roundRows = 500

// BenchmarkIngestWrite compares the write paths. The baseline is the
// plain per-call transaction at the same concurrency on the default schema
// (Parallel/pglz).
func BenchmarkIngestWrite(b *testing.B) {
	compare(b, "Parallel/pglz", []*variant{
		{name: "Serial/pglz", workers: 1, opts: store.Options{DisableGroupCommit: true}, schema: "pglz", save: saveOnePerTx},
		{name: "Parallel/pglz", opts: store.Options{DisableGroupCommit: true}, schema: "pglz", save: saveOnePerTx},
		{name: "Parallel/lz4", opts: store.Options{DisableGroupCommit: true}, save: saveOnePerTx},
		{name: "ParallelOneRoundTrip/lz4", opts: store.Options{DisableGroupCommit: true}},
		{name: "GroupCommit/pglz", schema: "pglz"},
		{name: "GroupCommit/lz4"},
		{name: "Batch/pglz", workers: 2, chunk: store.DefaultMaxBatch, schema: "pglz", save: saveBatch},
		{name: "Batch/lz4", workers: 2, chunk: store.DefaultMaxBatch, save: saveBatch},
	})
}

// BenchmarkIngestTuning compares, one group at a time, the pool size, the
// writers and batch size of group commit, the rows per SaveIngestBatch
// transaction, the storage of the large columns, and pgx's statement
// handling (cache_describe and exec work behind PgBouncer without its
// prepared-statement support).
func BenchmarkIngestTuning(b *testing.B) {
	noGC := store.Options{DisableGroupCommit: true}
	inline := store.Options{SearchInline: true}
	groups := map[string][]*variant{
		"Pool": {
			{name: "conns=8", params: "pool_max_conns=8", opts: noGC},
			{name: "conns=2", params: "pool_max_conns=2", opts: noGC},
			{name: "conns=4", params: "pool_max_conns=4", opts: noGC},
			{name: "conns=16", params: "pool_max_conns=16", opts: noGC},
		},
		"Lone": {
			{name: "OneRoundTrip", workers: 1, opts: noGC},
			{name: "GroupCommit", workers: 1},
		},
		"GroupCommit": {
			{name: "writers=2/batch=32"}, // the defaults
			{name: "writers=2/batch=16", opts: store.Options{MaxBatch: 16}},
			{name: "writers=2/batch=64", opts: store.Options{MaxBatch: 64}},
			{name: "writers=1/batch=32", opts: store.Options{Writers: 1}},
			{name: "writers=4/batch=16", opts: store.Options{Writers: 4, MaxBatch: 16}},
			{name: "writers=4/batch=32", opts: store.Options{Writers: 4}},
			{name: "ParallelOneRoundTrip", opts: noGC},
		},
		"Batch": {
			{name: "rows=32", workers: 2, chunk: 32, save: saveBatch},
			{name: "rows=16", workers: 2, chunk: 16, opts: store.Options{BatchRows: 16}, save: saveBatch},
			{name: "rows=64", workers: 2, chunk: 64, opts: store.Options{BatchRows: 64}, save: saveBatch},
			{name: "rows=256", workers: 2, chunk: 256, opts: store.Options{BatchRows: 256}, save: saveBatch},
		},
		"Storage": {
			{name: "lz4"},
			{name: "pglz", schema: "pglz"},
			{name: "lz4-pglz-search", schema: "lz4-pglz-search"},
			{name: "lz4-target4096", schema: "lz4-target4096"},
			{name: "lz4-target8160", schema: "lz4-target8160"},
		},
		// What migration 0007's two indexes cost a write (both are used by
		// the list filters, docs/query-plans.md).
		"Indexes": {
			{name: "GroupCommit/all"},
			{name: "GroupCommit/no-0007-indexes", schema: "no-0007-indexes"},
			{name: "Batch/all", workers: 2, chunk: 32, save: saveBatch},
			{name: "Batch/no-0007-indexes", workers: 2, chunk: 32, schema: "no-0007-indexes", save: saveBatch},
		},
		// SaveIngestBatch's COPY against the one unnest statement
		// (store.copyMinRows).
		"Copy": {
			{name: "copy", workers: 2, chunk: 32, save: saveBatch},
			{name: "statement", workers: 2, chunk: 32, save: saveBatch, setup: noCopy},
			{name: "copy/rows=64", workers: 2, chunk: 64, opts: store.Options{BatchRows: 64}, save: saveBatch},
			{name: "copy/rows=64/workers=4", workers: 4, chunk: 64, opts: store.Options{BatchRows: 64}, save: saveBatch},
		},
		// A batch transaction's rows (store.DefaultBatchRows), and TOAST:
		// the large columns kept inline, uncompressed.
		"CopyRows": {
			{name: "copy/rows=32", workers: 2, chunk: 32, opts: store.Options{BatchRows: 32}, save: saveBatch},
			{name: "copy/rows=128", workers: 2, chunk: 128, save: saveBatch},
			{name: "copy/rows=128/target8160", workers: 2, chunk: 128, schema: "lz4-target8160", save: saveBatch},
		},
		// Where PostgreSQL's CPU per article goes (docs/performance.md,
		// "PostgreSQL's share of an article"): group commit with search
		// current, as the server runs by default, on the schema of 0008
		// and of 0009, and without one part each (measurements only).
		"Share": {
			{name: "0009", opts: inline},
			{name: "0008", schema: "0008", opts: inline},
			{name: "0008-fold-sql", schema: "0008-fold-sql", opts: inline},
			{name: "no-fk", schema: "no-fk", opts: inline},
			{name: "no-fold-indexes", schema: "no-fold-indexes", opts: inline},
			{name: "bodies-main", schema: "bodies-main", opts: inline},
		},
		// The default write path alone, to profile PostgreSQL with perf.
		"Profile": {{name: "default", opts: inline}},
		"Statements": {
			{name: "cache_statement"},
			{name: "cache_describe", params: "default_query_exec_mode=cache_describe"},
			{name: "exec", params: "default_query_exec_mode=exec"},
		},
	}
	for _, g := range []string{"Pool", "Lone", "GroupCommit", "Batch", "Storage", "Indexes", "Copy", "CopyRows", "Share", "Profile", "Statements"} {
		b.Run(g, func(b *testing.B) { compare(b, groups[g][0].name, groups[g]) })
	}
}

// BenchmarkIngestReads reads stored articles by id from callers
// goroutines, varying the pool size and pgx's statement handling.
func BenchmarkIngestReads(b *testing.B) {
	srv := startBenchServer(b)
	params := []string{"pool_max_conns=2", "pool_max_conns=4", "pool_max_conns=8", "pool_max_conns=16",
		"default_query_exec_mode=cache_describe", "default_query_exec_mode=exec"}
	for _, p := range params {
		b.Run(strings.ReplaceAll(p, "default_query_exec_mode", "mode"), func(b *testing.B) {
			pool := srv.newDB(b, p, "")
			s := store.New(pool)
			defer s.Close()
			items := make([]store.IngestItem, 500)
			seed := rand.Uint64()
			for i := range items {
				items[i] = benchItem(seed, uint64(i))
			}
			var ids []article.ID
			for _, r := range s.SaveIngestBatch(context.Background(), items) {
				if r.Err != nil {
					b.Fatal(r.Err)
				}
				ids = append(ids, r.Ingest.Article.ID)
			}
			b.SetParallelism(max(1, callers/runtime.GOMAXPROCS(0)))
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if _, err := s.FindArticleByID(context.Background(), ids[rand.IntN(len(ids))], store.ArticleParts{}); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reads/s")
		})
	}
}

// variant is one way of writing rows. Zero fields mean: callers workers,
// one item per call, default Options and schema, SaveIngest.
type variant struct {
	name    string
	params  string // added to the database URL
	schema  string // a key of schemas
	opts    store.Options
	workers int
	chunk   int // items per call
	save    func(ctx context.Context, s *store.Store, items []store.IngestItem) error
	setup   func(s *store.Store) // called once the store is made

	s      *store.Store
	pool   *pgxpool.Pool
	rows   int
	totals cost
	txs    atomic.Int64 // group-commit transactions
	txRows atomic.Int64 // and their calls
}

// compare runs every variant on its own database of one durable server,
// in rounds: each round runs every variant, in a new random order, for
// roundRows rows, so that load from elsewhere on the machine falls on all
// of them alike. b.N is the rows per variant. It reports each variant's
// rows/s and ratio to the baseline, and logs the whole table.
func compare(b *testing.B, baseline string, vs []*variant) {
	srv := startBenchServer(b)
	for _, v := range vs {
		v.workers = cmp.Or(v.workers, callers)
		v.chunk = cmp.Or(v.chunk, 1)
		if v.save == nil {
			v.save = saveOne
		}
		v.pool = srv.newDB(b, v.params, schemas[v.schema])
		v.s = store.NewWithOptions(v.pool, v.opts)
		defer v.s.Close()
		if v.setup != nil {
			v.setup(v.s)
		}
		if !v.opts.DisableGroupCommit {
			store.SetFlushHook(v.s, func(n int) { v.txs.Add(1); v.txRows.Add(int64(n)) })
		}
	}
	inRounds(b, vs, func(v *variant, items []store.IngestItem) {
		v.totals.add(writeAll(b, srv, items, v.workers, v.chunk, func(ctx context.Context, items []store.IngestItem) error {
			return v.save(ctx, v.s, items)
		}))
		v.rows += len(items)
	})
	var base float64
	for _, v := range vs {
		if v.name == baseline {
			base = v.totals.rate(v.rows)
		}
	}
	if b.N < roundRows {
		return // the framework's trial run
	}
	b.Logf("%-30s %8s %6s %9s %9s %10s %8s %7s %7s", "variant", "rows/s", "ratio", "pg-µs/row", "go-µs/row", "disk-B/row", "rows/tx", "p50-ms", "p99-ms")
	for _, v := range vs {
		rate := v.totals.rate(v.rows)
		perTx := "-"
		if n := v.txs.Load(); n > 0 {
			perTx = fmt.Sprintf("%.1f", float64(v.txRows.Load())/float64(n))
		}
		b.Logf("%-30s %8.0f %6.2f %9.0f %9.0f %10.0f %8s %7.1f %7.1f", v.name, rate, rate/base,
			v.totals.pgPerRow(v.rows), v.totals.goPerRow(v.rows), float64(tableBytes(b, v.pool))/float64(v.rows), perTx,
			v.totals.percentile(50), v.totals.percentile(99))
		b.ReportMetric(rate/base, v.name+"-ratio")
	}
}

// inRounds gives every variant b.N distinct items, in rounds of
// roundRows: each round runs every variant, in a new random order, so that
// load from elsewhere on the machine falls on all of them alike.
func inRounds[V any](b *testing.B, vs []V, run func(v V, items []store.IngestItem)) {
	order := slices.Clone(vs)
	seed := rand.Uint64()
	b.ResetTimer()
	for done := 0; done < b.N; done += roundRows {
		n := min(roundRows, b.N-done)
		rand.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, v := range order {
			items := make([]store.IngestItem, n)
			for i := range items {
				items[i] = benchItem(seed, uint64(done+i))
			}
			run(v, items)
		}
	}
	b.StopTimer()
}

// cost is what writing some rows took, and the latency of each call.
type cost struct {
	wall, pg, goCPU time.Duration
	latency         []time.Duration
}

func (c *cost) add(d cost) {
	c.wall += d.wall
	c.pg += d.pg
	c.goCPU += d.goCPU
	c.latency = append(c.latency, d.latency...)
}

// percentile returns the p-th percentile call latency in milliseconds.
func (c *cost) percentile(p float64) float64 {
	if len(c.latency) == 0 {
		return 0
	}
	l := slices.Clone(c.latency)
	slices.Sort(l)
	return float64(l[min(len(l)-1, int(p/100*float64(len(l))))].Microseconds()) / 1000
}

func (c *cost) rate(rows int) float64 { return float64(rows) / c.wall.Seconds() }

func (c *cost) pgPerRow(rows int) float64 { return float64(c.pg.Microseconds()) / float64(rows) }

func (c *cost) goPerRow(rows int) float64 { return float64(c.goCPU.Microseconds()) / float64(rows) }

// writeAll writes items from workers goroutines, chunk items per call.
func writeAll(b *testing.B, srv *benchServer, items []store.IngestItem, workers, chunk int, save func(context.Context, []store.IngestItem) error) cost {
	b.Helper()
	ctx := context.Background()
	var (
		next    atomic.Int64
		wg      sync.WaitGroup
		mu      sync.Mutex
		latency []time.Duration
	)
	pg0, go0, t0 := srv.pgCPU(b), proctime.CPU(), time.Now()
	for range workers {
		wg.Go(func() {
			var mine []time.Duration
			defer func() {
				mu.Lock()
				latency = append(latency, mine...)
				mu.Unlock()
			}()
			for {
				i := int(next.Add(int64(chunk))) - chunk
				if i >= len(items) {
					return
				}
				start := time.Now()
				if err := save(ctx, items[i:min(i+chunk, len(items))]); err != nil {
					b.Error(err)
					return
				}
				mine = append(mine, time.Since(start))
			}
		})
	}
	wg.Wait()
	return cost{wall: time.Since(t0), pg: srv.pgCPU(b) - pg0, goCPU: proctime.CPU() - go0, latency: latency}
}

// tableBytes is the size of dumps and articles with their TOAST tables and
// indexes.
func tableBytes(b *testing.B, pool *pgxpool.Pool) int64 {
	b.Helper()
	var size int64
	if err := pool.QueryRow(context.Background(), "SELECT pg_total_relation_size('dumps') + pg_total_relation_size('articles')").Scan(&size); err != nil {
		b.Fatal(err)
	}
	return size
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

// noCopy makes s write every transaction with the unnest statement.
func noCopy(s *store.Store) { store.SetCopyMinRows(s, 1<<30) }

// schemas are storage variants applied to a fresh, migrated database.
var schemas = map[string]string{
	"pglz": `ALTER TABLE dumps ALTER COLUMN body SET COMPRESSION pglz;
		ALTER TABLE articles ALTER COLUMN body SET COMPRESSION pglz, ALTER COLUMN search SET COMPRESSION pglz,
			ALTER COLUMN diagnostics SET COMPRESSION pglz`,
	"lz4":             ``,
	"lz4-pglz-search": `ALTER TABLE articles ALTER COLUMN search SET COMPRESSION pglz`,
	"lz4-target4096":  `ALTER TABLE dumps SET (toast_tuple_target = 4096); ALTER TABLE articles SET (toast_tuple_target = 4096)`,
	"lz4-target8160":  `ALTER TABLE dumps SET (toast_tuple_target = 8160); ALTER TABLE articles SET (toast_tuple_target = 8160)`,
	"no-0007-indexes": `DROP INDEX articles_section_recent_idx; DROP INDEX articles_tags_folded_idx`,
	"no-fk":           `ALTER TABLE articles DROP CONSTRAINT articles_dump_id_fkey`,
	"no-fold-indexes": `DROP INDEX articles_authors_folded_idx; DROP INDEX articles_tags_folded_idx`,
	"bodies-main": `ALTER TABLE dumps ALTER COLUMN body SET STORAGE MAIN;
		ALTER TABLE articles ALTER COLUMN body SET STORAGE MAIN, ALTER COLUMN body_markdown SET STORAGE MAIN`,
	// Migration 0009 undone: the SQL fold, and lz4 tried on search vectors.
	"0008-fold-sql": foldSQL,
	"0008":          foldSQL + `; ALTER TABLE articles ALTER COLUMN search SET STORAGE EXTENDED`,
}

const foldSQL = `CREATE OR REPLACE FUNCTION pressroom_fold(l text[]) RETURNS text[]
	LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
	RETURN ARRAY(SELECT pressroom_fold(x) FROM unnest(l) AS x)`

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
	pool, err := store.OpenPool(ctx, c.URL(benchTemplate))
	if err != nil {
		b.Fatal(err)
	}
	err = store.New(pool).Migrate(ctx)
	pool.Close()
	if err != nil {
		b.Fatal(err)
	}
	return &benchServer{c: c, admin: admin}
}

// newDB returns a pool on a fresh database changed by schemaSQL; params
// are added to the URL (e.g. pool_max_conns=4).
func (s *benchServer) newDB(b *testing.B, params, schemaSQL string) *pgxpool.Pool {
	b.Helper()
	ctx := context.Background()
	name := fmt.Sprintf("bench_%d", s.n.Add(1))
	if _, err := s.admin.Exec(ctx, "CREATE DATABASE "+name+" TEMPLATE "+benchTemplate); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.admin.Exec(context.Background(), "DROP DATABASE "+name+" WITH (FORCE)") })
	u := s.c.URL(name)
	if params != "" {
		u += "&" + params
	}
	pool, err := store.OpenPool(ctx, u)
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
