package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

// TestStore_SaveIngestBatch_CopyOrStatement: a chunk written with COPY
// stores exactly what the unnest statement stores, column for column, and
// a chunk holding a dump stored earlier falls back to the statement, which
// creates the new ones and answers the stored one with its ids.
func TestStore_SaveIngestBatch_CopyOrStatement(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name        string
		copyMinRows int
	}{
		{name: "copy", copyMinRows: 0},
		{name: "statement", copyMinRows: 1 << 30},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			pool := dbtest.New(t)
			s := store.New(pool)
			defer s.Close()
			store.SetCopyMinRows(s, tt.copyMinRows)
			ctx := context.Background()
			earlier := mustSaveIngest(t, s, dump("src", "stored earlier"), extraction())

			items := func(prefix string) []store.IngestItem {
				var items []store.IngestItem
				for i := range 10 {
					it := item("src", fmt.Sprint(prefix, i))
					x := it.Extraction
					switch i % 3 {
					case 0: // no dates, no lists: NULLs and empty arrays
						x.Metadata.Published, x.Metadata.Modified = nil, nil
						x.Metadata.Authors, x.Metadata.Agencies, x.Metadata.Sponsors, x.Metadata.Tags = nil, nil, nil, nil
						x.Metadata.Section, x.Metadata.Sections = "", nil
					case 1:
						x.BodyMarkdown = "# Heading\n\nThe council voted on *Tuesday*."
						x.Metadata.Authors = []string{`"quoted"`, `back\slash`, "Ünïcödé", ""}
					}
					items = append(items, it)
				}
				return append(items, unextractable("src", prefix+"unextractable"))
			}
			first := items("new ")
			for i, res := range s.SaveIngestBatch(ctx, first) {
				checkStored(t, s, first[i], res)
				if !res.Ingest.Created {
					t.Errorf("item %d: Created false, want true", i)
				}
			}
			a, err := s.FindArticleByID(ctx, s.SaveIngestBatch(ctx, first[1:2])[0].Ingest.Article.ID, store.ArticleParts{Markdown: true})
			if err != nil {
				t.Fatal(err)
			}
			if a.BodyMarkdown != first[1].Extraction.BodyMarkdown {
				t.Errorf("markdown %q, want %q", a.BodyMarkdown, first[1].Extraction.BodyMarkdown)
			}

			second := append(items("more "), store.IngestItem{Dump: dump("src", "stored earlier"), Extraction: extraction()})
			results := s.SaveIngestBatch(ctx, second)
			for i, res := range results {
				checkStored(t, s, second[i], res)
				if want := i < len(second)-1; res.Ingest.Created != want {
					t.Errorf("item %d: Created %v, want %v", i, res.Ingest.Created, want)
				}
			}
			if got := results[len(results)-1].Ingest; got.Dump.ID != earlier.Dump.ID || got.Article.ID != earlier.Article.ID {
				t.Errorf("the stored dump got new ids")
			}
			if dumps, articles := countRows(t, pool); dumps != 23 || articles != 21 {
				t.Errorf("%d dumps and %d articles, want 23 and 21", dumps, articles)
			}
		})
	}
}

// TestStore_SaveIngestBatch_CopySearchVectors: with inline search (the
// default), a chunk written with COPY carries the vectors built in Go, so
// its articles are searchable at once, each with the vector
// pressroom_search_vector computes; an article Go leaves to PostgreSQL is
// left to the background indexer.
func TestStore_SaveIngestBatch_CopySearchVectors(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name        string
		failLexize  bool
		wantPending int
	}{
		{name: "built in Go"},
		{name: "Go lookup fails: the indexer", failLexize: true, wantPending: 10},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			pool := dbtest.New(t)
			s := store.NewWithOptions(pool, store.Options{SearchInline: true})
			defer s.Close()
			store.SetCopyMinRows(s, 0)
			if tt.failLexize {
				store.FailSearchLexize(s, errors.New("lookup refused"))
			}
			ctx := context.Background()
			var items []store.IngestItem
			for i := range 10 {
				it := item("src", fmt.Sprint("copied ", i))
				it.Extraction.Metadata.Title = fmt.Sprintf("Ferries docking at pier %d", i)
				it.Extraction.Metadata.Language = []string{"en", "de", ""}[i%3]
				items = append(items, it)
			}
			for i, res := range s.SaveIngestBatch(ctx, items) {
				if res.Err != nil || !res.Ingest.Created {
					t.Fatalf("item %d: %+v", i, res)
				}
			}
			var differ, pending int
			err := pool.QueryRow(ctx, `SELECT count(*) FILTER (WHERE search IS DISTINCT FROM pressroom_search_vector(language, title, body) AND search IS NOT NULL),
				count(*) FILTER (WHERE search IS NULL) FROM articles`).Scan(&differ, &pending)
			if err != nil {
				t.Fatal(err)
			}
			if differ != 0 || pending != tt.wantPending {
				t.Errorf("vectors differing from pressroom_search_vector: %d, pending: %d; want 0, %d", differ, pending, tt.wantPending)
			}
			if built, _ := store.SearchInlineCounts(s); tt.failLexize == (built > 0) {
				t.Errorf("vectors built in Go: %d (lookup fails: %v)", built, tt.failLexize)
			}
		})
	}
}

// TestStore_SaveIngestBatch_CopyVectorsOnAFullPool: building a chunk's
// vectors may ask the pool for a connection (ts_lexize), so it must not
// wait for one while its own COPY holds the last: with as many concurrent
// chunks as connections, every chunk waited for the others' until the
// deadline, and the batches failed as unavailable.
func TestStore_SaveIngestBatch_CopyVectorsOnAFullPool(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	s, err := store.Open(ctx, withPoolMax(dbtest.NewURL(t), 1), store.Options{SearchInline: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	store.SetCopyMinRows(s, 0)
	var items []store.IngestItem
	for i := range 10 {
		it := item("src", fmt.Sprint("full pool ", i))
		it.Extraction.Metadata.Title = fmt.Sprintf("Ferries docking at pier %d", i)
		items = append(items, it)
	}
	for i, res := range s.SaveIngestBatch(ctx, items) {
		if res.Err != nil || !res.Ingest.Created {
			t.Fatalf("item %d: %+v", i, res)
		}
	}
	if built, left := store.SearchInlineCounts(s); built != uint64(len(items)) || left != 0 {
		t.Errorf("vectors built in Go %d, left to PostgreSQL %d; want %d, 0", built, left, len(items))
	}
}

// withPoolMax adds pool_max_conns to a connection string, URL or key=value.
func withPoolMax(u string, n int) string {
	switch {
	case !strings.Contains(u, "://"):
		return fmt.Sprintf("%s pool_max_conns=%d", u, n)
	case strings.Contains(u, "?"):
		return fmt.Sprintf("%s&pool_max_conns=%d", u, n)
	default:
		return fmt.Sprintf("%s?pool_max_conns=%d", u, n)
	}
}
