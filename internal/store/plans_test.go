package store_test

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

var writePlans = flag.Bool("write-plans", false, "write the query plans of FindArticles to docs/query-plans.md")

// seedSynthetic inserts n dumps and articles straight in SQL (SaveIngest
// would take far longer) with a spread like real traffic's: 20 sources,
// hundreds of authors, a few languages, a third without a publication date,
// and a vocabulary of 400 topic words, each in about 2% of the articles.
func seedSynthetic(t testing.TB, pool *pgxpool.Pool, n int) {
	t.Helper()
	ctx := context.Background()
	_, err := pool.Exec(ctx, `INSERT INTO dumps (id, received_at, source, body, sha256, size, status, extractor_version)
		SELECT gen_random_uuid(), $1::timestamptz - i * interval '7 minutes', 'source-' || (i % 20),
			convert_to('dump ' || i, 'UTF8'), sha256(convert_to('dump ' || i, 'UTF8')), length('dump ' || i), 'extracted', 1
		FROM generate_series(1, $2) AS i`, t0, n)
	if err != nil {
		t.Fatal(err)
	}
	// Indexed for search as the indexer would, in the same statement.
	_, err = pool.Exec(ctx, `INSERT INTO articles (id, dump_id, source, title, authors, published_at, published_precision,
			language, body, word_count, body_sha256, extractor_version, received_at, section, tags, search)
		SELECT *, pressroom_search_vector(language, title, body) FROM (SELECT gen_random_uuid(), d.id, d.source,
			'Report on topic' || (n % 400) || ' number ' || n,
			ARRAY['Author ' || (n % 300), 'Writer ' || (n % 77)],
			CASE WHEN n % 3 = 0 THEN NULL ELSE d.received_at - interval '1 hour' END,
			CASE WHEN n % 3 = 0 THEN NULL ELSE 'minute' END,
			(ARRAY['en', 'en', 'en', 'en', 'de', 'fr', 'es', '', 'en', 'de'])[1 + n % 10],
			repeat('Words about topic' || ((n * 7) % 400) || ' and topic' || ((n * 13) % 400) || ' in more text. ', (5 + n % 20)::int),
			100, sha256(convert_to('body ' || n, 'UTF8')), 1, d.received_at,
			(ARRAY['Politics', 'Sport', 'Culture', '', 'Business', 'Science', 'World', ''])[1 + n % 8],
			ARRAY['Tag ' || (n % 200), 'Label ' || (n % 31)]
		FROM (SELECT row_number() OVER (ORDER BY received_at) AS n, * FROM dumps) AS d) AS a (id, dump_id, source, title,
			authors, published_at, published_precision, language, body, word_count, body_sha256, extractor_version, received_at,
			section, tags)`)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pool.Exec(ctx, `ANALYZE`); err != nil {
		t.Fatal(err)
	}
}

// TestStore_FindArticles_QueryPlans checks that every filter shape is
// answered from an index, never by reading the whole articles table, with
// the plans PostgreSQL makes for the actual values and with the generic
// plans it switches to after a statement has run a few times.
func TestStore_FindArticles_QueryPlans(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.New(pool)
	seedSynthetic(t, pool, 5000)
	ctx := context.Background()

	next := func(f article.Filter) string {
		f.Limit = 10
		return mustPage(t, s, f).Next
	}
	since, until := t0.Add(-10*24*time.Hour), t0.Add(-9*24*time.Hour)
	shapes := []struct {
		name   string
		filter article.Filter
	}{
		{"newest first", article.Filter{}},
		{"newest first, next page", article.Filter{Cursor: next(article.Filter{})}},
		{"source", article.Filter{Source: "source-3"}},
		{"source, next page", article.Filter{Source: "source-3", Cursor: next(article.Filter{Source: "source-3"})}},
		{"author", article.Filter{Author: "author 7"}},
		{"author, next page", article.Filter{Author: "author 7", Cursor: next(article.Filter{Author: "author 7"})}},
		{"language", article.Filter{Language: "de"}},
		{"language, next page", article.Filter{Language: "de", Cursor: next(article.Filter{Language: "de"})}},
		{"since", article.Filter{Since: since}},
		{"since and until", article.Filter{Since: since, Until: until}},
		{"source, since and until", article.Filter{Source: "source-3", Since: since, Until: until}},
		{"language and author", article.Filter{Language: "en", Author: "Writer 5"}},
		{"section", article.Filter{Section: "sport"}},
		{"section, next page", article.Filter{Section: "sport", Cursor: next(article.Filter{Section: "sport"})}},
		{"tag", article.Filter{Tag: "tag 17"}},
		{"tag, next page", article.Filter{Tag: "tag 17", Cursor: next(article.Filter{Tag: "tag 17"})}},
		{"section and tag", article.Filter{Section: "Politics", Tag: "label 3"}},
		{"search", article.Filter{Query: "topic17"}},
		{"search, next page", article.Filter{Query: "topic17", Cursor: next(article.Filter{Query: "topic17"})}},
		{"search in a language", article.Filter{Query: "topic17", Language: "en"}},
		{"search with a source", article.Filter{Query: "topic17 or topic18", Source: "source-3"}},
		{"search with author and dates", article.Filter{Query: "topic17", Author: "Author 17", Since: since}},
	}

	var doc strings.Builder
	conn, err := pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	for i, sh := range shapes {
		sql, args, err := store.FindArticlesSQL(sh.filter)
		if err != nil {
			t.Fatalf("%s: %v", sh.name, err)
		}
		for _, generic := range []bool{false, true} {
			var plan []byte
			if generic {
				// The statement as pgx would cache it; EXECUTE with the
				// same arguments, planned without looking at them.
				name := fmt.Sprint("find_", i)
				if _, err := conn.Exec(ctx, "PREPARE "+name+" AS "+sql); err != nil {
					t.Fatalf("%s: prepare: %v", sh.name, err)
				}
				if _, err := conn.Exec(ctx, "SET plan_cache_mode = force_generic_plan"); err != nil {
					t.Fatal(err)
				}
				// EXECUTE takes no bind parameters: the values go in as
				// literals.
				params := make([]string, len(args))
				for j, a := range args {
					params[j] = literal(t, a)
				}
				err = conn.QueryRow(ctx, "EXPLAIN (FORMAT JSON) EXECUTE "+name+"("+strings.Join(params, ", ")+")").Scan(&plan)
				if _, rerr := conn.Exec(ctx, "RESET plan_cache_mode"); rerr != nil {
					t.Fatal(rerr)
				}
			} else {
				err = conn.QueryRow(ctx, "EXPLAIN (FORMAT JSON) "+sql, args...).Scan(&plan)
			}
			if err != nil {
				t.Fatalf("%s (generic %v): explain: %v", sh.name, generic, err)
			}
			scans, err := articleScans(plan)
			if err != nil {
				t.Fatal(err)
			}
			if len(scans) == 0 || slices.Contains(scans, "Seq Scan") {
				t.Errorf("%s (generic plan %v): scans of articles %v, want index scans only", sh.name, generic, scans)
			}
		}
		if *writePlans {
			var lines []string
			rows, err := conn.Query(ctx, "EXPLAIN (COSTS OFF) "+sql, args...)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var l string
				if err := rows.Scan(&l); err != nil {
					t.Fatal(err)
				}
				lines = append(lines, regconfigCase.ReplaceAllString(l, "pressroom_regconfig($1)"))
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&doc, "### %s\n\n`%s`\n\n```\n%s\n```\n\n", sh.name, describe(sh.filter), strings.Join(lines, "\n"))
		}
	}
	// EXPLAIN does not show the plan of the recursive step of the loose
	// index scan (a subquery in the target list of the WorkTable Scan), so
	// it is checked on its own.
	var plan []byte
	if err := conn.QueryRow(ctx, `EXPLAIN (FORMAT JSON) SELECT min(language) FROM articles WHERE language > 'de'`).Scan(&plan); err != nil {
		t.Fatal(err)
	}
	if scans, err := articleScans(plan); err != nil || len(scans) == 0 || slices.Contains(scans, "Seq Scan") {
		t.Errorf("next distinct language: scans of articles %v (%v), want index scans only", scans, err)
	}

	if *writePlans {
		var version string
		if err := pool.QueryRow(ctx, "SHOW server_version").Scan(&version); err != nil {
			t.Fatal(err)
		}
		out := fmt.Sprintf(plansHeader, version) + doc.String()
		if err := os.WriteFile(filepath.Join("..", "..", "docs", "query-plans.md"), []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// literal spells v, an argument of a FindArticles statement, in SQL.
func literal(t *testing.T, v any) string {
	t.Helper()
	switch v := v.(type) {
	case int, bool:
		return fmt.Sprint(v)
	case float32:
		return strconv.FormatFloat(float64(v), 'g', -1, 32)
	case string:
		return "'" + strings.ReplaceAll(v, "'", "''") + "'"
	case time.Time:
		return "'" + v.Format(time.RFC3339Nano) + "'"
	case pgtype.UUID:
		return "'" + article.ID(v.Bytes).String() + "'"
	}
	t.Fatalf("no literal for %T", v)
	return ""
}

// regconfigCase is pressroom_regconfig as the planner inlines it: thirty
// lines of CASE that say nothing in the note.
var regconfigCase = regexp.MustCompile(`CASE split_part\(replace\(lower\(COALESCE\(([\w.]+), ''::text\)\).*?ELSE 'simple'::regconfig END`)

func describe(f article.Filter) string {
	var parts []string
	for _, p := range []struct{ k, v string }{{"Source", f.Source}, {"Author", f.Author}, {"Language", f.Language}, {"Section", f.Section}, {"Tag", f.Tag}, {"Query", f.Query}} {
		if p.v != "" {
			parts = append(parts, fmt.Sprintf("%s: %q", p.k, p.v))
		}
	}
	if !f.Since.IsZero() {
		parts = append(parts, "Since: "+f.Since.Format(time.DateOnly))
	}
	if !f.Until.IsZero() {
		parts = append(parts, "Until: "+f.Until.Format(time.DateOnly))
	}
	if f.Cursor != "" {
		parts = append(parts, "Cursor: …")
	}
	return "article.Filter{" + strings.Join(parts, ", ") + "}"
}

const plansHeader = `# Query plans of the article list

Written by ` + "`go test ./internal/store -run TestStore_FindArticles_QueryPlans -write-plans`" + `
(PostgreSQL %s, 5,000 synthetic articles, ANALYZEd; ` + "`EXPLAIN (COSTS OFF)`" + ` for
the actual parameter values; ` + "`pressroom_regconfig(language)`" + ` stands for the CASE the
planner inlines). The test itself asserts, for these shapes and for their generic
plans, that no plan reads the articles table sequentially.

How each shape is served:

- Time order (no query): the btree indexes on
  ` + "`(coalesce(published_at, received_at) DESC, id DESC)`" + ` — alone, or after ` + "`source`" + ` or
  ` + "`language`" + ` — are read in order and stop after limit + 1 rows; the cursor is a row
  comparison in the index condition, so the next page starts with a descent of the tree,
  not a skip. Date bounds are index conditions on the same column.
- Author: the GIN index on ` + "`pressroom_fold(authors)`" + ` finds the rows (bitmap scan), then
  they are sorted; an author has few enough articles for that.
- Search: the GIN index on ` + "`search`" + ` is probed with the query ORed over the text-search
  configurations in use (an InitPlan, after a loose index scan for the distinct
  languages); the rows found are checked against the query parsed in their own
  language's configuration (looked up by ` + "`array_position`" + ` in the per-configuration
  parses of the CTE ` + "`parsed`" + `, so the query is parsed once per configuration, not
  per row), ranked, and sorted. Ranking needs every match, as in any ` + "`ts_rank`" + `
  search: a narrow query is cheap, a query matching much of the table is not
  (` + "`BenchmarkFindArticles`" + `: a page of 50 in 2-5 ms for a 2%% term, ~40 ms when all
  5,000 articles match, on a loaded 2-core machine).

`

// articleScans lists the node types that read the articles table in an
// EXPLAIN (FORMAT JSON) plan.
func articleScans(plan []byte) ([]string, error) {
	var top []struct{ Plan planNode }
	if err := json.Unmarshal(plan, &top); err != nil {
		return nil, fmt.Errorf("decode plan: %w", err)
	}
	var scans []string
	var walk func(n planNode)
	walk = func(n planNode) {
		if n.Relation == "articles" {
			scans = append(scans, n.NodeType)
		}
		for _, c := range n.Plans {
			walk(c)
		}
	}
	for _, p := range top {
		walk(p.Plan)
	}
	return scans, nil
}

type planNode struct {
	NodeType string     `json:"Node Type"`
	Relation string     `json:"Relation Name"`
	Index    string     `json:"Index Name"`
	Plans    []planNode `json:"Plans"`
}
