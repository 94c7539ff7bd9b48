package store_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
	"github.com/pressroom/pressroom/migrations"
)

// searchState says where an article stands with the search index:
// "pending" (NULL: not indexed yet), "current" (the vector of its stored
// language, title and body), "marker" (the vector a test planted), or
// "stale" (anything else).
func searchState(t *testing.T, pool *pgxpool.Pool, id article.ID) string {
	t.Helper()
	var state string
	err := pool.QueryRow(context.Background(), `SELECT CASE
			WHEN search IS NULL THEN 'pending'
			WHEN search = pressroom_search_vector(language, title, body) THEN 'current'
			WHEN search = 'plantedmarker'::tsvector THEN 'marker'
			ELSE 'stale' END
		FROM articles WHERE id = $1`, pgtype.UUID{Bytes: id, Valid: true}).Scan(&state)
	if err != nil {
		t.Fatalf("search state of %s: %v", id, err)
	}
	return state
}

func mustPending(t *testing.T, s *store.Store, want int) {
	t.Helper()
	n, err := s.SearchPending(context.Background(), 1000)
	if err != nil {
		t.Fatal(err)
	}
	if n != want {
		t.Errorf("SearchPending = %d, want %d", n, want)
	}
}

func mustIndex(t *testing.T, s *store.Store, limit, want int) {
	t.Helper()
	n, err := s.IndexSearch(context.Background(), limit)
	if err != nil {
		t.Fatalf("IndexSearch(%d): %v", limit, err)
	}
	if n != want {
		t.Errorf("IndexSearch(%d) = %d, want %d", limit, n, want)
	}
}

func TestStore_IndexSearch(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.New(pool)
	ctx := context.Background()
	var ids []article.ID
	for i, title := range []string{"Volcano erupts", "Volcano calms down", "Harvest begins"} {
		a := mustIngest(t, s, fixture{title: title, lang: "en", source: "s", published: t0.Add(time.Duration(i) * time.Hour),
			body: []string{"Ash fell on the village."}})
		ids = append(ids, a.ID)
	}
	// A failed extraction stores no article, so nothing to index.
	x := extraction()
	x.Err = fmt.Errorf("%w: nothing", article.ErrUnextractable)
	mustSaveIngest(t, s, dump("s", "failed"), x)

	if p := mustPage(t, s, article.Filter{Query: "volcano"}); len(p.Articles) != 0 {
		t.Errorf("found before indexing: %v", titles(p))
	}
	if p := mustPage(t, s, article.Filter{}); len(p.Articles) != 3 {
		t.Errorf("listing before indexing: %v, want all 3", titles(p))
	}
	mustPending(t, s, 3)
	if n, err := s.SearchPending(ctx, 2); err != nil || n != 2 {
		t.Errorf("SearchPending(2) = %d, %v; want the cap, 2", n, err)
	}

	// Oldest first: a batch of two leaves the newest article.
	mustIndex(t, s, 2, 2)
	for i, want := range []string{"current", "current", "pending"} {
		if got := searchState(t, pool, ids[i]); got != want {
			t.Errorf("article %d after one batch of 2: %s, want %s", i, got, want)
		}
	}
	mustPending(t, s, 1)
	mustIndex(t, s, 2, 1)
	mustIndex(t, s, 2, 0)
	mustPending(t, s, 0)

	if got := titles(mustPage(t, s, article.Filter{Query: "volcano"})); !slices.Equal(got, []string{"Volcano calms down", "Volcano erupts"}) &&
		!slices.Equal(got, []string{"Volcano erupts", "Volcano calms down"}) {
		t.Errorf("search after indexing: %v, want both volcano articles", got)
	}

	for _, limit := range []int{0, -1} {
		if _, err := s.IndexSearch(ctx, limit); !isKind(err, article.ErrInvalid) {
			t.Errorf("IndexSearch(%d): %v, want ErrInvalid", limit, err)
		}
	}
}

// seedUnindexed stores n dumps and articles in SQL, not indexed for search.
func seedUnindexed(t *testing.T, pool *pgxpool.Pool, prefix string, n int) {
	t.Helper()
	_, err := pool.Exec(context.Background(), `WITH d AS (
			INSERT INTO dumps (id, received_at, source, body, sha256, size, status, extractor_version)
			SELECT gen_random_uuid(), $1::timestamptz + i * interval '1 second', $2,
				convert_to($2 || i, 'UTF8'), sha256(convert_to($2 || i, 'UTF8')), length($2 || i), 'extracted', 1
			FROM generate_series(1, $3) AS i
			RETURNING id, received_at
		)
		INSERT INTO articles (id, dump_id, source, title, language, body, body_sha256, extractor_version, received_at)
		SELECT gen_random_uuid(), d.id, $2, 'Seeded ' || d.id, 'en', 'Seeded articles about rivers. ' || d.id,
			sha256(convert_to(d.id::text, 'UTF8')), 1, d.received_at
		FROM d`, t0, prefix, n)
	if err != nil {
		t.Fatal(err)
	}
}

// TestStore_IndexSearch_Concurrent runs several indexers at once, as
// several replicas do, while articles keep arriving: every article is
// indexed exactly once (the counts add up to the number of articles), and
// nobody fails or waits forever.
func TestStore_IndexSearch_Concurrent(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.New(pool)
	ctx := context.Background()
	const seeded, writers, perWriter = 1200, 2, 60
	seedUnindexed(t, pool, "seed", seeded)

	var indexed atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	writing := make(chan struct{})
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perWriter {
				d := article.NewDump("w", "", "text/plain", fmt.Appendf(nil, "writer %d article %d", w, i), t0)
				x := extraction()
				x.Metadata.Title = fmt.Sprintf("Writer %d article %d", w, i)
				if _, err := s.SaveIngest(ctx, d, x); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(writing) }()
	var iwg sync.WaitGroup
	for range 4 {
		iwg.Add(1)
		go func() {
			defer iwg.Done()
			for {
				n, err := s.IndexSearch(ctx, 50)
				if err != nil {
					errs <- err
					return
				}
				indexed.Add(int64(n))
				if n == 0 {
					select {
					case <-writing:
						return
					default:
					}
				}
			}
		}()
	}
	iwg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	// Rows skipped while another indexer held them were indexed by it;
	// whatever a writer committed after the last pass is left.
	n, err := s.IndexSearch(ctx, 10_000)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := indexed.Load()+int64(n), int64(seeded+writers*perWriter); got != want {
		t.Errorf("indexed %d articles in all, want each of the %d once", got, want)
	}
	var stale int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM articles WHERE search IS DISTINCT FROM pressroom_search_vector(language, title, body)`).Scan(&stale); err != nil {
		t.Fatal(err)
	}
	if stale != 0 {
		t.Errorf("%d articles without their current vector", stale)
	}
}

// TestStore_IndexSearch_WithReextractionAndTakedown indexes while the same
// articles are re-extracted and taken down: row locks in three orders of
// arrival, which must end without an error, a deadlock, or a stale vector.
func TestStore_IndexSearch_WithReextractionAndTakedown(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.New(pool)
	ctx := context.Background()
	seedUnindexed(t, pool, "mixed", 600)
	rows, err := pool.Query(ctx, `SELECT d.id, a.id FROM dumps d JOIN articles a ON a.dump_id = d.id ORDER BY d.id`)
	if err != nil {
		t.Fatal(err)
	}
	var dumps, arts []article.ID
	for rows.Next() {
		var d, a pgtype.UUID
		if err := rows.Scan(&d, &a); err != nil {
			t.Fatal(err)
		}
		dumps, arts = append(dumps, d.Bytes), append(arts, a.Bytes)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}

	errs := make(chan error, 64)
	var wg sync.WaitGroup
	run := func(f func() error) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := f(); err != nil {
				errs <- err
			}
		}()
	}
	for range 3 {
		run(func() error {
			for {
				n, err := s.IndexSearch(ctx, 40)
				if err != nil || n == 0 {
					return err
				}
			}
		})
	}
	run(func() error { // re-extract every third article, newest first
		for i := len(dumps) - 1; i >= 0; i -= 3 {
			x := reextraction()
			x.Metadata.Title = fmt.Sprint("Re-extracted ", i)
			// A takedown may have come first.
			if _, err := s.SaveReextraction(ctx, &article.Dump{ID: dumps[i]}, x); err != nil && !errors.Is(err, article.ErrNotFound) {
				return err
			}
		}
		return nil
	})
	run(func() error { // take down every fifth article
		for i := 1; i < len(arts); i += 5 {
			if err := s.DeleteArticle(ctx, arts[i]); err != nil {
				return err
			}
		}
		return nil
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	dbtest.IndexAll(t, s)
	var total, stale int
	err = pool.QueryRow(ctx, `SELECT count(*), count(*) FILTER (WHERE search IS DISTINCT FROM pressroom_search_vector(language, title, body))
		FROM articles`).Scan(&total, &stale)
	if err != nil {
		t.Fatal(err)
	}
	if want := len(arts) - (len(arts)+3)/5; total != want || stale != 0 {
		t.Errorf("%d articles, %d with a stale vector; want %d, 0", total, stale, want)
	}
}

// TestStore_IndexSearch_RefusedVector stores an article whose title makes
// a vector larger than PostgreSQL's 1 MB limit: it must not stall the
// indexer, and its neighbours in the batch are indexed as usual.
func TestStore_IndexSearch_RefusedVector(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.New(pool)
	var b strings.Builder
	for i := range 40_000 { // 40,000 distinct 32-letter words: ~1.4 MB of lexemes
		sum := sha256.Sum256(fmt.Append(nil, i))
		b.WriteString(hex.EncodeToString(sum[:16]))
		b.WriteByte(' ')
	}
	before := mustIngest(t, s, fixture{title: "Bridge before", lang: "en", published: t0})
	huge := mustIngest(t, s, fixture{title: b.String(), lang: "en", published: t0.Add(time.Hour)})
	after := mustIngest(t, s, fixture{title: "Bridge after", lang: "en", published: t0.Add(2 * time.Hour)})

	mustIndex(t, s, 10, 3)
	mustPending(t, s, 0)
	for _, a := range []*article.Article{before, after} {
		if got := searchState(t, pool, a.ID); got != "current" {
			t.Errorf("%q: %s, want current", a.Metadata.Title, got)
		}
	}
	var empty bool
	if err := pool.QueryRow(context.Background(), `SELECT search = ''::tsvector FROM articles WHERE id = $1`,
		pgtype.UUID{Bytes: huge.ID, Valid: true}).Scan(&empty); err != nil || !empty {
		t.Errorf("refused article's vector empty: %v, %v; want true", empty, err)
	}
	if got := titles(mustPage(t, s, article.Filter{Query: "bridge"})); len(got) != 2 {
		t.Errorf("search: %v, want the two bridge articles", got)
	}
	if got := mustPage(t, s, article.Filter{}); len(got.Articles) != 3 {
		t.Errorf("listing: %d articles, want all 3", len(got.Articles))
	}
	// The next batch takes the fast path again.
	mustIngest(t, s, fixture{title: "Bridge later", lang: "en", published: t0})
	mustIndex(t, s, 10, 1)
}

// TestStore_SaveReextraction_Search checks what re-extraction does to an
// article's search vector: recomputed at once when the indexed text
// changed, kept (or left to the indexer) when it did not.
func TestStore_SaveReextraction_Search(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.New(pool)
	ctx := context.Background()
	same := func(x *article.Extraction) { // other fields change, the text does not
		x.Version, x.Metadata.Authors = 9, []string{"Someone Else"}
	}
	tests := []struct {
		name    string
		indexed bool // indexed (with a planted vector) before re-extraction
		change  func(x *article.Extraction)
		want    string
	}{
		{"indexed, text unchanged: vector kept", true, same, "marker"},
		{"indexed, title changed: recomputed", true, func(x *article.Extraction) { same(x); x.Metadata.Title = "Tunnel" }, "current"},
		{"indexed, body changed: recomputed", true, func(x *article.Extraction) { same(x); x.Paragraphs = []string{"Tunnels."} }, "current"},
		{"indexed, language changed: recomputed", true, func(x *article.Extraction) { same(x); x.Metadata.Language = "de" }, "current"},
		{"pending, text unchanged: still pending", false, same, "pending"},
		{"pending, text changed: indexed at once", false, func(x *article.Extraction) { same(x); x.Metadata.Title = "Tunnel" }, "current"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ing := mustSaveIngest(t, s, dump("rx", fmt.Sprint("case ", i)), extraction())
			if tt.indexed {
				_, err := pool.Exec(ctx, `UPDATE articles SET search = 'plantedmarker'::tsvector WHERE id = $1`,
					pgtype.UUID{Bytes: ing.Article.ID, Valid: true})
				if err != nil {
					t.Fatal(err)
				}
			}
			x := extraction()
			tt.change(x)
			builtBefore, _ := store.SearchGoCounts(s)
			if _, err := s.SaveReextraction(ctx, ing.Dump, x); err != nil {
				t.Fatal(err)
			}
			if got := searchState(t, pool, ing.Article.ID); got != tt.want {
				t.Errorf("search vector %s, want %s", got, tt.want)
			}
			// Built in Go before it is known whether the text changed.
			if built, _ := store.SearchGoCounts(s); built != builtBefore+1 {
				t.Errorf("vectors built in Go: %d, want 1", built-builtBefore)
			}
		})
	}

	t.Run("lookups fail: recomputed by PostgreSQL", func(t *testing.T) {
		failing := store.New(pool)
		store.FailSearchLexize(failing, errors.New("lookup refused"))
		ing := mustSaveIngest(t, failing, dump("rx", "lookups fail"), extraction())
		x := extraction()
		x.Version, x.Metadata.Title = 9, "Tunnel"
		if _, err := failing.SaveReextraction(ctx, ing.Dump, x); err != nil {
			t.Fatal(err)
		}
		if got := searchState(t, pool, ing.Article.ID); got != "current" {
			t.Errorf("search vector %s, want current", got)
		}
		if built, left := store.SearchGoCounts(failing); built != 0 || left != 1 {
			t.Errorf("vectors built in Go, left to SQL: %d, %d; want 0, 1", built, left)
		}
	})

	t.Run("created article waits for the indexer", func(t *testing.T) {
		dbtest.IndexAll(t, s)
		x := extraction()
		x.Err = fmt.Errorf("%w: nothing", article.ErrUnextractable)
		old := mustSaveIngest(t, s, dump("rx", "was failed"), x)
		ing, err := s.SaveReextraction(ctx, old.Dump, reextraction())
		if err != nil || !ing.Created {
			t.Fatalf("re-extraction: created %v, %v", ing != nil && ing.Created, err)
		}
		if got := searchState(t, pool, ing.Article.ID); got != "pending" {
			t.Errorf("new article: %s, want pending", got)
		}
		mustIndex(t, s, 10, 1)
		if got := searchState(t, pool, ing.Article.ID); got != "current" {
			t.Errorf("new article after IndexSearch: %s, want current", got)
		}
	})
}

// TestStore_IndexSearch_QueryPlans checks that the indexer's statements
// read the partial index of pending articles, not the table, with the
// plans for the actual limit and with generic plans.
func TestStore_IndexSearch_QueryPlans(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	seedSynthetic(t, pool, 5000)
	seedUnindexed(t, pool, "late", 300)
	ctx := context.Background()
	if _, err := pool.Exec(ctx, "ANALYZE"); err != nil {
		t.Fatal(err)
	}
	conn, err := pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	for i, st := range []struct {
		name, sql string
		limit     int
	}{
		{"IndexSearch", store.IndexSearchSQL, 200},
		{"IndexSearch in Go", store.PendingSearchSQL, 200},
		{"SearchPending", store.SearchPendingSQL, 10_000},
	} {
		for _, generic := range []bool{false, true} {
			// EXPLAIN without ANALYZE: the UPDATE is planned, not run.
			var plan []byte
			if generic {
				name := fmt.Sprint("idx_", i)
				if _, err := conn.Exec(ctx, "PREPARE "+name+" AS "+st.sql); err != nil {
					t.Fatal(err)
				}
				if _, err := conn.Exec(ctx, "SET plan_cache_mode = force_generic_plan"); err != nil {
					t.Fatal(err)
				}
				err = conn.QueryRow(ctx, fmt.Sprintf("EXPLAIN (FORMAT JSON) EXECUTE %s(%d)", name, st.limit)).Scan(&plan)
				if _, rerr := conn.Exec(ctx, "RESET plan_cache_mode"); rerr != nil {
					t.Fatal(rerr)
				}
			} else {
				err = conn.QueryRow(ctx, "EXPLAIN (FORMAT JSON) "+st.sql, st.limit).Scan(&plan)
			}
			if err != nil {
				t.Fatalf("%s: explain: %v", st.name, err)
			}
			indexes, err := articleIndexes(plan)
			if err != nil {
				t.Fatal(err)
			}
			if len(indexes) == 0 || slices.Contains(indexes, "") || !slices.Contains(indexes, "articles_search_pending_idx") {
				t.Errorf("%s (generic plan %v): articles read through %q, want the pending index and no table scan", st.name, generic, indexes)
			}
		}
	}
}

// articleIndexes lists, for each node reading the articles table in an
// EXPLAIN (FORMAT JSON) plan, the index it reads ("" for none); a bitmap
// heap scan reads the indexes of the bitmap index scans under it.
func articleIndexes(plan []byte) ([]string, error) {
	var top []struct{ Plan planNode }
	if err := json.Unmarshal(plan, &top); err != nil {
		return nil, fmt.Errorf("decode plan: %w", err)
	}
	var bitmapIndexes func(n planNode) []string
	bitmapIndexes = func(n planNode) []string {
		var out []string
		for _, c := range n.Plans {
			if c.NodeType == "Bitmap Index Scan" {
				out = append(out, c.Index)
			}
			out = append(out, bitmapIndexes(c)...)
		}
		return out
	}
	var out []string
	var walk func(n planNode)
	walk = func(n planNode) {
		switch {
		case n.Relation != "articles" || n.NodeType == "ModifyTable":
		case n.NodeType == "Bitmap Heap Scan":
			out = append(out, bitmapIndexes(n)...)
		default:
			out = append(out, n.Index)
		}
		for _, c := range n.Plans {
			walk(c)
		}
	}
	for _, p := range top {
		walk(p.Plan)
	}
	return out, nil
}

// TestMigration0004_KeepsVectors stores articles under schema 0003, whose
// search column was generated, then applies 0004: every vector stays as
// it was, equals what pressroom_search_vector computes, and is found; the
// column is plain, keeps lz4, and no article is queued for indexing.
func TestMigration0004_KeepsVectors(t *testing.T) {
	t.Parallel()
	pool := dbtest.NewEmpty(t)
	ctx := context.Background()
	if err := store.MigrateFS(ctx, pool, migrationsUpTo(t, 3)); err != nil {
		t.Fatal(err)
	}
	for i, a := range []struct{ title, lang string }{{"Bridges reopen", "en"}, {"Neue Brücken", "de"}, {"Plain bridges", ""}} {
		_, err := pool.Exec(ctx, `WITH d AS (
				INSERT INTO dumps (id, received_at, source, body, sha256, size, status, extractor_version)
				VALUES (gen_random_uuid(), $1, 'old', convert_to($2, 'UTF8'), sha256(convert_to($2, 'UTF8')), length($2), 'extracted', 1)
				RETURNING id
			)
			INSERT INTO articles (id, dump_id, source, title, language, body, body_sha256, extractor_version, received_at)
			SELECT gen_random_uuid(), d.id, 'old', $3, $4, 'The councils were voting on crossings.', sha256(convert_to($2, 'UTF8')), 1, $1
			FROM d`, t0, fmt.Sprint("dump ", i), a.title, a.lang)
		if err != nil {
			t.Fatal(err)
		}
	}
	readVectors := func() map[string]string {
		rows, err := pool.Query(ctx, `SELECT title, search::text FROM articles`)
		if err != nil {
			t.Fatal(err)
		}
		m, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) ([2]string, error) {
			var kv [2]string
			err := r.Scan(&kv[0], &kv[1])
			return kv, err
		})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, kv := range m {
			out[kv[0]] = kv[1]
		}
		return out
	}
	before := readVectors()

	if err := store.MigrateFS(ctx, pool, migrations.FS); err != nil {
		t.Fatal(err)
	}
	after := readVectors()
	if len(before) != 3 || !maps.Equal(before, after) {
		t.Errorf("vectors before 0004 %v, after %v", before, after)
	}
	s := store.New(pool)
	mustPending(t, s, 0)
	var stale int
	var generated, compression string
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM articles WHERE search IS DISTINCT FROM pressroom_search_vector(language, title, body)`).Scan(&stale); err != nil {
		t.Fatal(err)
	}
	if err := pool.QueryRow(ctx, `SELECT attgenerated::text, attcompression::text FROM pg_attribute
		WHERE attrelid = 'articles'::regclass AND attname = 'search'`).Scan(&generated, &compression); err != nil {
		t.Fatal(err)
	}
	if stale != 0 || generated != "" || compression != "l" {
		t.Errorf("after 0004: %d vectors differ from pressroom_search_vector, attgenerated %q, compression %q; want 0, \"\", \"l\"",
			stale, generated, compression)
	}
	if got := titles(mustPage(t, s, article.Filter{Query: "bridge"})); len(got) != 1 || got[0] != "Bridges reopen" {
		t.Errorf("search for bridge: %v, want the English article", got)
	}
	if got := titles(mustPage(t, s, article.Filter{Query: "brücke", Language: "de"})); len(got) != 1 {
		t.Errorf("search for brücke: %v, want the German article", got)
	}
}

// TestStore_SearchInline ingests with Options.SearchInline, one call at a
// time, in group commit and in a batch: a text search finds each article
// as soon as its ingest returned, in the article's language, by a word of
// the end of its body; nothing is left to the indexer but an article whose
// title is too long to index inline, which the indexer then handles as
// before.
func TestStore_SearchInline(t *testing.T) {
	t.Parallel()
	longBody := make([]string, 60)
	for i := range longBody {
		longBody[i] = fmt.Sprintf("Paragraph %d says little of note.", i)
	}
	longBody[len(longBody)-1] = "The ferry finally docked."
	tests := []struct {
		name    string
		opts    store.Options
		batch   bool
		f       fixture
		query   string // finds the article at once
		pending int    // left to the indexer
		// failLexize makes the Go side's dictionary lookup fail
		failLexize bool
	}{
		{name: "english, last paragraph", opts: store.Options{SearchInline: true},
			f: fixture{title: "Harbour news", lang: "en", body: longBody}, query: "ferries docking"},
		{name: "german stemming", opts: store.Options{SearchInline: true, DisableGroupCommit: true},
			f: fixture{title: "Nachrichten", lang: "de", body: []string{"Die Brücken der Stadt wurden gesperrt."}}, query: "Brücke"},
		{name: "undetected language", opts: store.Options{SearchInline: true}, batch: true,
			f: fixture{title: "Zxq report", body: []string{"Zxqwords everywhere."}}, query: "zxqwords"},
		{name: "Go lookup fails, SQL computes it", opts: store.Options{SearchInline: true}, failLexize: true,
			f: fixture{title: "Harbour news", lang: "en", body: longBody}, query: "ferries docking"},
		{name: "inline in SQL", opts: store.Options{SearchInline: true, SearchInSQL: true},
			f: fixture{title: "Harbour news", lang: "en", body: longBody}, query: "ferries docking"},
		{name: "hyphens, numbers and a URL", opts: store.Options{SearchInline: true}, batch: true,
			f:     fixture{title: "State-of-the-art ferries", lang: "en-GB", body: []string{"Version 2.1.3 of https://example.org/timetable lists 3.5 km routes."}},
			query: "state-of-the-art route"},
		{name: "title too long to index inline", opts: store.Options{SearchInline: true},
			f: fixture{title: strings.Repeat("Longtitle ", 200), lang: "en", body: []string{"Quiet river."}}, pending: 1},
		{name: "background, as before", f: fixture{title: "Harbour", lang: "en", body: []string{"Ferry docked."}}, pending: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			pool := dbtest.New(t)
			s := store.NewWithOptions(pool, tt.opts)
			t.Cleanup(s.Close)
			if tt.failLexize {
				store.FailSearchLexize(s, errors.New("lookup refused"))
			}
			var a *article.Article
			if tt.batch {
				x := extraction()
				x.Metadata = article.Metadata{Title: tt.f.title, Language: tt.f.lang}
				x.Paragraphs = tt.f.body
				res := s.SaveIngestBatch(context.Background(), []store.IngestItem{{Dump: dump("s", tt.name), Extraction: x}})
				if res[0].Err != nil {
					t.Fatal(res[0].Err)
				}
				a = res[0].Ingest.Article
			} else {
				a = mustIngest(t, s, tt.f)
			}
			mustPending(t, s, tt.pending)
			if tt.pending > 0 {
				if got := searchState(t, pool, a.ID); got != "pending" {
					t.Errorf("search state %s, want pending", got)
				}
				mustIndex(t, s, 10, tt.pending)
				return
			}
			if got := searchState(t, pool, a.ID); got != "current" {
				t.Errorf("search state %s, want current", got)
			}
			// The vector stored inline, built in Go or not, is the SQL one.
			var same bool
			err := pool.QueryRow(context.Background(), `SELECT search = pressroom_search_vector(language, title, body)
				FROM articles WHERE id = $1`, a.ID.String()).Scan(&same)
			if err != nil || !same {
				t.Errorf("stored vector equals pressroom_search_vector's: %v, %v", same, err)
			}
			if tt.opts.SearchInline && !tt.opts.SearchInSQL {
				built, left := store.SearchInlineCounts(s)
				if want := map[bool][2]uint64{false: {1, 0}, true: {0, 1}}[tt.failLexize]; [2]uint64{built, left} != want {
					t.Errorf("vectors built in Go, left to SQL: %d, %d; want %v", built, left, want)
				}
			}
			if got := titles(mustPage(t, s, article.Filter{Query: tt.query})); !slices.Equal(got, []string{tt.f.title}) {
				t.Errorf("search %q: %v, want [%q]", tt.query, got, tt.f.title)
			}
			mustIndex(t, s, 10, 0)
		})
	}
}

// TestStore_SearchInline_ConfigurationGoCannotServe: a configuration that
// indexes what the Go parser may cut differently from PostgreSQL (here
// blanks) is left to pressroom_search_vector, whose vector is stored.
func TestStore_SearchInline_ConfigurationGoCannotServe(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	ctx := context.Background()
	if _, err := pool.Exec(ctx, `ALTER TEXT SEARCH CONFIGURATION pg_catalog.english ADD MAPPING FOR blank WITH simple`); err != nil {
		t.Fatal(err)
	}
	s := store.NewWithOptions(pool, store.Options{SearchInline: true})
	t.Cleanup(s.Close)
	a := mustIngest(t, s, fixture{title: "Harbour news", lang: "en", body: []string{"The ferry docked - at last."}})
	if built, left := store.SearchInlineCounts(s); built != 0 || left != 1 {
		t.Errorf("vectors built in Go, left to SQL: %d, %d; want 0, 1", built, left)
	}
	var same bool
	if err := pool.QueryRow(ctx, `SELECT search = pressroom_search_vector(language, title, body) FROM articles WHERE id = $1`,
		a.ID.String()).Scan(&same); err != nil || !same {
		t.Errorf("stored vector equals pressroom_search_vector's: %v, %v", same, err)
	}
}

// TestStore_IndexSearch_GoVectors stores the same articles with search
// inline and deferred, then runs the background indexer on the deferred
// ones: each vector it writes equals the inline one and
// pressroom_search_vector's, whether the indexer built it in Go, left it
// to SQL in the same statement (what the Go side cannot serve), or fell
// back to SQL for the whole batch (a failed lookup, Options.SearchInSQL).
func TestStore_IndexSearch_GoVectors(t *testing.T) {
	t.Parallel()
	// searchFixtures, and a body past the 262,144 characters indexed, in
	// two-byte letters so that the cap in bytes would differ.
	docs := append(searchFixtures(), searchDoc{"body past the cap", "de", "Lange Seite", strings.Repeat("Größe ", 50_000)})
	// In Go the fixtures' long title, word of 2,047 bytes and <script> are
	// left to SQL (TestSearchVectorsAgreeWithPostgres).
	const leftToSQL = 3
	tests := []struct {
		name       string
		opts       store.Options
		failLexize bool
		built      int // vectors the indexer built in Go; the rest are left to SQL
		left       int
	}{
		{name: "built in Go", built: len(docs) - leftToSQL, left: leftToSQL},
		{name: "lookups fail: the batch in SQL", failLexize: true, built: 0, left: len(docs)},
		{name: "in SQL (Options.SearchInSQL)", opts: store.Options{SearchInSQL: true}},
	}
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			inlinePool, deferredPool := dbtest.New(t), dbtest.New(t)
			inline := store.NewWithOptions(inlinePool, store.Options{SearchInline: true})
			t.Cleanup(inline.Close)
			deferred := store.NewWithOptions(deferredPool, tt.opts)
			t.Cleanup(deferred.Close)
			if tt.failLexize {
				store.FailSearchLexize(deferred, errors.New("lookup refused"))
			}
			inlineIDs, deferredIDs := make([]article.ID, len(docs)), make([]article.ID, len(docs))
			for i, d := range docs {
				f := fixture{title: d.title, lang: d.lang}
				if d.body != "" {
					f.body = []string{d.body}
				}
				inlineIDs[i], deferredIDs[i] = mustIngest(t, inline, f).ID, mustIngest(t, deferred, f).ID
			}
			mustPending(t, deferred, len(docs))
			indexed := 0
			for {
				n, err := deferred.IndexSearch(ctx, 10)
				if err != nil {
					t.Fatal(err)
				}
				if indexed += n; n < 10 {
					break
				}
			}
			if indexed != len(docs) {
				t.Errorf("indexed %d articles, want %d", indexed, len(docs))
			}
			mustPending(t, deferred, 0)
			if built, left := store.SearchGoCounts(deferred); built != uint64(tt.built) || left != uint64(tt.left) {
				t.Errorf("vectors built in Go, left to SQL: %d, %d; want %d, %d", built, left, tt.built, tt.left)
			}
			vector := func(pool *pgxpool.Pool, id article.ID) (vec *string, same bool) {
				t.Helper()
				err := pool.QueryRow(ctx, `SELECT search::text, search IS NOT DISTINCT FROM pressroom_search_vector(language, title, body)
					FROM articles WHERE id = $1`, pgtype.UUID{Bytes: id, Valid: true}).Scan(&vec, &same)
				if err != nil {
					t.Fatal(err)
				}
				return vec, same
			}
			for i, d := range docs {
				got, same := vector(deferredPool, deferredIDs[i])
				if !same {
					t.Errorf("%s: the indexer's vector differs from pressroom_search_vector's", d.name)
				}
				// Inline leaves a title over 1 KiB to the indexer.
				if want, _ := vector(inlinePool, inlineIDs[i]); want != nil && (got == nil || *got != *want) {
					t.Errorf("%s: the indexer's vector differs from the inline one", d.name)
				}
			}
		})
	}
}

// TestStore_IndexSearch_OtherLocale indexes in a database whose LC_CTYPE
// is not C, where PostgreSQL's parser classifies non-ASCII letters with
// the C library and Go does not build vectors: every vector is
// pressroom_search_vector's, and none was built in Go.
func TestStore_IndexSearch_OtherLocale(t *testing.T) {
	t.Parallel()
	admin := dbtest.NewEmpty(t)
	ctx := context.Background()
	name := fmt.Sprintf("locale_%d", time.Now().UnixNano())
	if _, err := admin.Exec(ctx, `CREATE DATABASE `+name+` TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.utf8' LC_CTYPE 'C.utf8'`); err != nil {
		t.Skipf("no database with LC_CTYPE C.utf8 here: %v", err)
	}
	cfg := admin.Config().Copy()
	cfg.ConnConfig.Database = name
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		pool.Close()
		if _, err := admin.Exec(context.Background(), `DROP DATABASE `+name); err != nil {
			t.Error(err)
		}
	})
	if err := store.MigrateFS(ctx, pool, migrations.FS); err != nil {
		t.Fatal(err)
	}
	s := store.New(pool)
	docs := searchFixtures()
	for _, d := range docs {
		f := fixture{title: d.title, lang: d.lang}
		if d.body != "" {
			f.body = []string{d.body}
		}
		mustIngest(t, s, f)
	}
	// The first batch learns the locale; the next ones do not ask Go.
	mustIndex(t, s, 5, 5)
	dbtest.IndexAll(t, s)
	mustPending(t, s, 0)
	var stale int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM articles WHERE search IS DISTINCT FROM pressroom_search_vector(language, title, body)`).Scan(&stale); err != nil {
		t.Fatal(err)
	}
	if stale != 0 {
		t.Errorf("%d of %d vectors differ from pressroom_search_vector's", stale, len(docs))
	}
	if built, left := store.SearchGoCounts(s); built != 0 || left != 5 {
		t.Errorf("vectors built in Go, left to SQL: %d, %d; want 0, 5 (the first batch)", built, left)
	}
}
