package store_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

// item is an IngestItem with the default extraction.
func item(source, body string) store.IngestItem {
	return store.IngestItem{Dump: dump(source, body), Extraction: extraction()}
}

// badItem is an item the database refuses: its date precision violates a
// CHECK constraint that nothing before the INSERT validates.
func badItem(source, body string) store.IngestItem {
	it := item(source, body)
	it.Extraction.Metadata.Published.Precision = "fortnight"
	return it
}

func unextractable(source, body string) store.IngestItem {
	return store.IngestItem{Dump: dump(source, body), Extraction: &article.Extraction{Version: 2, Err: fmt.Errorf("extract: %w: nothing", article.ErrUnextractable)}}
}

// checkStored fails unless res is what the database now holds for it: the
// dump (and article) read back by id equal the result.
func checkStored(t *testing.T, s *store.Store, it store.IngestItem, res store.IngestResult) {
	t.Helper()
	if res.Err != nil {
		t.Fatalf("unexpected error: %v", res.Err)
	}
	ing := res.Ingest
	if ing.Dump.SHA256 != it.Dump.SHA256 || ing.Dump.Source != it.Dump.Source {
		t.Fatalf("result is another item's: source %q, want %q", ing.Dump.Source, it.Dump.Source)
	}
	ctx := context.Background()
	d, err := s.FindDumpByID(ctx, ing.Dump.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(d, ing.Dump, sameTime); diff != "" {
		t.Errorf("stored dump differs from the result (-stored +result):\n%s", diff)
	}
	if ing.Article == nil {
		if !d.ArticleID.IsZero() {
			t.Errorf("result has no article, the dump has %s", d.ArticleID)
		}
		return
	}
	a, err := s.FindArticleByID(ctx, ing.Article.ID, store.ArticleParts{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a, ing.Article, sameTime); diff != "" {
		t.Errorf("stored article differs from the result (-stored +result):\n%s", diff)
	}
}

func countRows(t *testing.T, pool *pgxpool.Pool) (dumps, articles int) {
	t.Helper()
	err := pool.QueryRow(context.Background(), "SELECT (SELECT count(*) FROM dumps), (SELECT count(*) FROM articles)").Scan(&dumps, &articles)
	if err != nil {
		t.Fatal(err)
	}
	return dumps, articles
}

func TestStore_SaveIngestBatch_Order(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	// BatchRows 3 makes the 9 items span several transactions.
	s := store.NewWithOptions(pool, store.Options{BatchRows: 3})
	defer s.Close()
	ctx := context.Background()
	mismatch := item("a", "checksum mismatch")
	mismatch.Dump.SHA256[0] ^= 1
	earlier := mustSaveIngest(t, s, dump("b", "stored earlier"), extraction())

	items := []store.IngestItem{
		item("a", "one"),
		unextractable("a", "two"),
		{Dump: nil, Extraction: extraction()},
		item("b", "stored earlier"),
		item("b", "one"), // same bytes as the first, other source
		mismatch,
		item("a", "three"),
		{Dump: dump("a", "no extraction"), Extraction: nil},
		item("c", "four"),
	}
	results := s.SaveIngestBatch(ctx, items)
	if len(results) != len(items) {
		t.Fatalf("%d results for %d items", len(results), len(items))
	}
	for i, res := range results {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			switch i {
			case 2, 5, 7:
				if !isKind(res.Err, article.ErrInvalid) || res.Ingest != nil {
					t.Fatalf("got %v, %v; want ErrInvalid", res.Ingest, res.Err)
				}
				return
			}
			checkStored(t, s, items[i], res)
			wantCreated := i != 3
			if res.Ingest.Created != wantCreated {
				t.Errorf("Created = %v, want %v", res.Ingest.Created, wantCreated)
			}
			if wantArticle := i != 1; (res.Ingest.Article != nil) != wantArticle {
				t.Errorf("article %v, want one: %v", res.Ingest.Article, wantArticle)
			}
		})
	}
	if results[3].Ingest.Dump.ID != earlier.Dump.ID || results[3].Ingest.Article.ID != earlier.Article.ID {
		t.Errorf("repeat of a stored dump got new ids")
	}
	if dumps, articles := countRows(t, pool); dumps != 6 || articles != 5 {
		t.Errorf("%d dumps and %d articles, want 6 and 5", dumps, articles)
	}
}

func TestStore_SaveIngestBatch_DuplicatesInBatch(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.New(pool)
	later := item("a", "same")
	later.Extraction.Metadata.Title = "A later extraction loses"
	items := []store.IngestItem{item("a", "same"), item("a", "other"), later, item("a", "same")}
	results := s.SaveIngestBatch(context.Background(), items)
	for i, res := range results {
		checkStored(t, s, items[i], res)
	}
	first := results[0].Ingest
	if !first.Created || !results[1].Ingest.Created {
		t.Errorf("first copies not created: %v %v", first.Created, results[1].Ingest.Created)
	}
	for _, i := range []int{2, 3} {
		got := results[i].Ingest
		if got.Created {
			t.Errorf("repeat %d: Created = true", i)
		}
		if diff := cmp.Diff(first.Dump, got.Dump, sameTime); diff != "" {
			t.Errorf("repeat %d dump (-first +repeat):\n%s", i, diff)
		}
		if diff := cmp.Diff(first.Article, got.Article, sameTime); diff != "" {
			t.Errorf("repeat %d article (-first +repeat):\n%s", i, diff)
		}
		if got.Dump == first.Dump || got.Article == first.Article {
			t.Errorf("repeat %d shares its result with the first copy", i)
		}
	}
	if dumps, articles := countRows(t, pool); dumps != 2 || articles != 2 {
		t.Errorf("%d dumps and %d articles, want 2 and 2", dumps, articles)
	}
}

// TestStore_SaveIngestBatch_BadItem: the database refuses one item; the
// others are stored as if written one by one, including a repeat of the
// bad item's bytes that comes after it with a good extraction.
func TestStore_SaveIngestBatch_BadItem(t *testing.T) {
	t.Parallel()
	for _, bad := range []int{0, 3, 7} {
		t.Run(fmt.Sprintf("at %d", bad), func(t *testing.T) {
			t.Parallel()
			pool := dbtest.New(t)
			s := store.New(pool)
			items := make([]store.IngestItem, 8)
			for i := range items {
				items[i] = item("s", fmt.Sprint("body ", i))
			}
			items[bad] = badItem("s", "bad")
			retry := item("s", "bad") // same bytes, good extraction
			items = append(items, retry)

			results := s.SaveIngestBatch(context.Background(), items)
			for i, res := range results {
				if i == bad {
					if !isKind(res.Err, article.ErrInvalid) {
						t.Errorf("bad item: %v, want ErrInvalid", res.Err)
					}
					continue
				}
				checkStored(t, s, items[i], res)
				if !res.Ingest.Created {
					t.Errorf("item %d not created", i)
				}
			}
			if dumps, articles := countRows(t, pool); dumps != 8 || articles != 8 {
				t.Errorf("%d dumps and %d articles, want 8 and 8", dumps, articles)
			}
		})
	}
}

// TestStore_SaveIngestBatch_ConcurrentOverlap: batches sharing items in
// different orders create each dump and article exactly once, without
// deadlocks, and agree on the ids.
func TestStore_SaveIngestBatch_ConcurrentOverlap(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.New(pool)
	const (
		goroutines = 8
		shared     = 20
		own        = 5
	)
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		ids     = map[string][2]article.ID{} // body → dump, article
		created = map[string]int{}
	)
	for g := range goroutines {
		wg.Go(func() {
			var items []store.IngestItem
			for i := range shared {
				items = append(items, item("shared", fmt.Sprint("shared ", i)))
			}
			for i := range own {
				items = append(items, item("own", fmt.Sprint("own ", g, " ", i)))
			}
			rand.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
			for i, res := range s.SaveIngestBatch(context.Background(), items) {
				if res.Err != nil {
					t.Errorf("goroutine %d item %d: %v", g, i, res.Err)
					continue
				}
				body := string(items[i].Dump.Body)
				got := [2]article.ID{res.Ingest.Dump.ID, res.Ingest.Article.ID}
				mu.Lock()
				if prev, ok := ids[body]; ok && prev != got {
					t.Errorf("%q: ids %v and %v", body, prev, got)
				}
				ids[body] = got
				if res.Ingest.Created {
					created[body]++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	for body := range ids {
		if created[body] != 1 {
			t.Errorf("%q created %d times, want once", body, created[body])
		}
	}
	want := shared + goroutines*own
	if dumps, articles := countRows(t, pool); dumps != want || articles != want {
		t.Errorf("%d dumps and %d articles, want %d of each", dumps, articles, want)
	}
}

// TestStore_SaveIngestBatch_TextArrays: list fields travel as array
// literals; every character that means something in one must survive.
func TestStore_SaveIngestBatch_TextArrays(t *testing.T) {
	t.Parallel()
	s := store.New(dbtest.New(t))
	lists := [][]string{
		{`"quoted"`, `back\slash`, `trailing\`, `a,b`, `{braces}`, `NULL`, ` spaced `, ``},
		{"Ünïcödé", "\u00a0", "tab\there", "new\nline", "\xff"},
		{},
	}
	var items []store.IngestItem
	for i, l := range lists {
		it := item("arrays", fmt.Sprint(i))
		it.Extraction.Metadata.Authors, it.Extraction.Metadata.Agencies, it.Extraction.Metadata.Sponsors = l, l[:len(l)/2], l
		items = append(items, it)
	}
	for i, res := range s.SaveIngestBatch(context.Background(), items) {
		checkStored(t, s, items[i], res)
		want := lists[i]
		if i == 1 {
			want = []string{"Ünïcödé", "\u00a0", "tab\there", "new\nline", "\uFFFD"}
		}
		m := res.Ingest.Article.Metadata
		if len(want) == 0 {
			want = nil
		}
		if diff := cmp.Diff(want, m.Authors); diff != "" {
			t.Errorf("authors %d (-want +got):\n%s", i, diff)
		}
		if diff := cmp.Diff(want, m.Sponsors); diff != "" {
			t.Errorf("sponsors %d (-want +got):\n%s", i, diff)
		}
		if len(m.Agencies) != len(want)/2 {
			t.Errorf("agencies %d: %q", i, m.Agencies)
		}
	}
}

func TestStore_SaveIngestBatch_Canceled(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.New(pool)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for i, res := range s.SaveIngestBatch(ctx, []store.IngestItem{item("x", "1"), item("x", "2")}) {
		if !errors.Is(res.Err, context.Canceled) || res.Ingest != nil {
			t.Errorf("item %d: %v, %v; want context.Canceled", i, res.Ingest, res.Err)
		}
	}
	if dumps, _ := countRows(t, pool); dumps != 0 {
		t.Errorf("%d dumps stored by a cancelled batch", dumps)
	}
}

func TestStore_SaveIngestBatch_ClosedPool(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.New(pool)
	pool.Close()
	for i, res := range s.SaveIngestBatch(context.Background(), []store.IngestItem{item("x", "1"), badItem("x", "2")}) {
		if !isKind(res.Err, article.ErrUnavailable) {
			t.Errorf("item %d: %v, want ErrUnavailable", i, res.Err)
		}
	}
}

// A batch is written Options.BatchRows rows to a transaction: the rows'
// xmin, the id of the transaction that wrote them, tells how many there
// were, whether the rows went through COPY (copyMinRows or more) or the
// statement.
func TestStore_SaveIngestBatch_RowsPerTransaction(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		batchRows int // 0: the default
		items     int
		wantTxs   int
	}{
		{"DefaultOneTransaction", 0, 100, 1},
		{"DefaultSplitsPastIt", 0, store.DefaultBatchRows + 1, 2},
		{"SmallStatements", 3, 7, 3},
		{"CopyChunks", 10, 25, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			pool := dbtest.New(t)
			s := store.NewWithOptions(pool, store.Options{BatchRows: tt.batchRows})
			defer s.Close()
			items := make([]store.IngestItem, tt.items)
			for i := range items {
				items[i] = item("rows", fmt.Sprintf("article %d of the batch", i))
			}
			for i, r := range s.SaveIngestBatch(context.Background(), items) {
				if r.Err != nil {
					t.Fatalf("item %d: %v", i, r.Err)
				}
			}
			var dumpTxs, articleTxs int
			err := pool.QueryRow(context.Background(), `SELECT
				(SELECT count(DISTINCT xmin::text) FROM dumps), (SELECT count(DISTINCT xmin::text) FROM articles)`).Scan(&dumpTxs, &articleTxs)
			if err != nil {
				t.Fatal(err)
			}
			if dumpTxs != tt.wantTxs || articleTxs != tt.wantTxs {
				t.Errorf("dumps written in %d transactions and articles in %d, want %d", dumpTxs, articleTxs, tt.wantTxs)
			}
		})
	}
}
