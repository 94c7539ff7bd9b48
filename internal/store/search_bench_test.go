package store_test

import (
	"cmp"
	"context"
	"github.com/pressroom/pressroom/internal/proctime"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/store"
)

// BenchmarkSearchIndexing compares ways of making articles searchable, by
// the PostgreSQL CPU that storing and indexing an article cost in all, on
// the durable server of the ingest benchmarks:
//
//	go test ./internal/store -run '^$' -bench SearchIndexing -benchtime 2000x -v
//
// (PRESSROOM_BENCH_GIN_SETTINGS=1 adds the GIN settings measured before.)
// Each variant ingests b.N distinct articles with group commit from
// callers goroutines, in rounds of roundRows, every variant per round in a
// new random order; a background variant then indexes what it stored with
// IndexSearch, as the server's indexer does, before the next round
// (background/sql: in SQL, as it did before it built the vectors in Go).
func BenchmarkSearchIndexing(b *testing.B) {
	type searchVariant struct {
		name          string
		schema        string
		opts          store.Options
		s             *store.Store
		rows          int
		ingest, index cost
		indexBatch    int // IndexSearch's limit; 0: the indexer's, 25
	}
	vs := []*searchVariant{
		{name: "background"}, // the vectors built in Go
		{name: "background/sql", opts: store.Options{SearchInSQL: true}},
		{name: "background/batch-100", indexBatch: 100},
		{name: "inline/sql", opts: store.Options{SearchInline: true, SearchInSQL: true}},
		// The vector built in Go (the default inline path), with the
		// dictionary cache warm (the generated prose has a small
		// vocabulary) and with a cache too small to hold anything, so that
		// every word of a batch is looked up with ts_lexize: the two ends
		// of real text's hit rate.
		{name: "inline/go", opts: store.Options{SearchInline: true}},
		{name: "inline/go/text", opts: store.Options{SearchInline: true}}, // the vectors sent in text format
		{name: "inline/go/no-cache", opts: store.Options{SearchInline: true}},
		{name: "inline/go/no-gin", opts: store.Options{SearchInline: true}, schema: `DROP INDEX articles_search_idx`},
		{name: "none"}, // ingest alone, never indexed: the floor
	}
	if os.Getenv("PRESSROOM_BENCH_GIN_SETTINGS") != "" {
		// The GIN settings measured and dropped (docs/performance.md).
		inSQL := store.Options{SearchInline: true, SearchInSQL: true}
		vs = append(vs,
			&searchVariant{name: "inline/sql/fastupdate=off", opts: inSQL, schema: `ALTER INDEX articles_search_idx SET (fastupdate = off)`},
			&searchVariant{name: "inline/sql/pending=16MB", opts: inSQL, schema: `ALTER INDEX articles_search_idx SET (gin_pending_list_limit = 16384)`},
			&searchVariant{name: "inline/sql/pending=64MB", opts: inSQL, schema: `ALTER INDEX articles_search_idx SET (gin_pending_list_limit = 65536)`},
			&searchVariant{name: "inline/sql/no-gin", opts: inSQL, schema: `DROP INDEX articles_search_idx`},
			&searchVariant{name: "background/pending=64MB", schema: `ALTER INDEX articles_search_idx SET (gin_pending_list_limit = 65536)`})
	}
	srv := startBenchServer(b)
	for _, v := range vs {
		v.s = store.NewWithOptions(srv.newDB(b, "", v.schema), v.opts)
		if strings.HasSuffix(v.name, "/no-cache") {
			store.SetSearchCache(v.s, 2, 1)
		}
		if strings.HasSuffix(v.name, "/text") {
			store.SetSearchText(v.s)
		}
		defer v.s.Close()
	}
	ctx := context.Background()
	inRounds(b, vs, func(v *searchVariant, items []store.IngestItem) {
		v.ingest.add(writeAll(b, srv, items, callers, 1, func(ctx context.Context, items []store.IngestItem) error {
			return saveOne(ctx, v.s, items)
		}))
		v.rows += len(items)
		if !strings.HasPrefix(v.name, "background") {
			return
		}
		batch := cmp.Or(v.indexBatch, 25)
		pg0, go0, t0 := srv.pgCPU(b), proctime.CPU(), time.Now()
		for {
			k, err := v.s.IndexSearch(ctx, batch)
			if err != nil {
				b.Fatal(err)
			}
			if k < batch {
				break
			}
		}
		v.index.add(cost{wall: time.Since(t0), pg: srv.pgCPU(b) - pg0, goCPU: proctime.CPU() - go0})
	})
	if b.N < roundRows {
		return // the framework's trial run
	}
	b.Logf("%-24s %14s %14s %14s %12s %12s", "variant", "ingest rows/s", "pg-µs/ingest", "pg-µs/index", "pg-µs/total", "go-µs/row")
	for _, v := range vs {
		total := v.ingest.pgPerRow(v.rows) + v.index.pgPerRow(v.rows)
		b.Logf("%-24s %14.0f %14.0f %14.0f %12.0f %12.0f", v.name, v.ingest.rate(v.rows),
			v.ingest.pgPerRow(v.rows), v.index.pgPerRow(v.rows), total, v.ingest.goPerRow(v.rows)+v.index.goPerRow(v.rows))
		b.ReportMetric(total, v.name+"-pg-µs/row")
	}
}
