package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

// oddItems are ingest items whose columns take the values an encoder gets
// wrong: NULLs beside values in one array, empty arrays and lists, array
// literal metacharacters, non-ASCII text, times before 1970 and 2000, a
// title whose vector is left to the indexer (a NULL tsvector), and large
// bodies.
func oddItems(source string) []store.IngestItem {
	var items []store.IngestItem
	add := func(body string, change func(x *article.Extraction)) {
		it := item(source, body)
		if change != nil {
			change(it.Extraction)
		}
		items = append(items, it)
	}
	add("plain", nil)
	add("no dates, no lists", func(x *article.Extraction) {
		x.Metadata.Published, x.Metadata.Modified = nil, nil
		x.Metadata.Authors, x.Metadata.Agencies, x.Metadata.Sponsors = nil, nil, nil
		x.Metadata.Tags, x.Metadata.Sections, x.Metadata.Section = nil, nil, ""
		x.Metadata.Language = ""
	})
	add("array literal metacharacters", func(x *article.Extraction) {
		x.Metadata.Authors = []string{`"quoted"`, `back\slash`, "{braces,comma}", "NULL", "", " spaced "}
		x.Metadata.Tags = []string{`\`, `"`, "a,b"}
	})
	add("non-ASCII", func(x *article.Extraction) {
		x.Metadata.Title = "Zürich – 東京 😀: Ärger über Brücken"
		x.Metadata.Authors = []string{"Jürgen Groß", "Søren"}
		x.Metadata.Language = "de"
		x.Paragraphs = []string{"Die Brücke über die Limmat wird gebaut.", "Straße, Fähre — 東京タワー."}
		x.BodyMarkdown = "# Zürich\n\nDie *Brücke*."
	})
	add("old times", func(x *article.Extraction) {
		x.Metadata.Published = &article.Date{Time: time.Date(1965, 3, 1, 12, 0, 0, 250000, time.FixedZone("", 5*3600+30*60)), Precision: article.PrecisionSecond, HasZone: true}
		x.Metadata.Modified = &article.Date{Time: time.Date(1999, 12, 31, 23, 59, 59, 999999000, time.UTC), Precision: article.PrecisionSecond, HasZone: true}
	})
	add("title left to the indexer", func(x *article.Extraction) {
		x.Metadata.Title = strings.Repeat("Long title ", 200) // over 1 KiB
	})
	words := strings.Fields("council bridge river ferry tuesday spring vote budget harbour mayor")
	var body strings.Builder
	for i := 0; body.Len() < 600<<10; i++ {
		fmt.Fprintf(&body, "%s %d ", words[i%len(words)], i%997)
	}
	add(strings.Repeat("<p>a large raw page</p>", 100_000), func(x *article.Extraction) {
		x.Paragraphs = []string{body.String()}
		x.WordCount = 2 * strings.Count(body.String(), " ")
	})
	items = append(items, unextractable(source, "unextractable"))
	it := item(source, "no fetch time")
	it.Dump.FetchedAt = time.Time{}
	return append(items, it)
}

// storedRows are every stored column of a source's dumps and articles but
// the ids and the database's own times, as text, in checksum order.
func storedRows(t *testing.T, pool *pgxpool.Pool, source string) []string {
	t.Helper()
	rows, err := pool.Query(context.Background(), `
		SELECT ROW(d.sha256, d.received_at, d.fetched_at, d.url, d.content_type, d.body, d.size, d.status,
			d.extract_error, d.extractor_version, a.title, a.authors, a.agencies, a.published_at,
			a.published_precision, a.published_has_zone, a.published_offset_minutes, a.source_name, a.location,
			a.sponsors, a.paywalled, a.original_publisher, a.language, a.url, a.body, a.word_count, a.body_sha256,
			a.extractor_version, a.received_at, a.body_markdown, a.description, a.image, a.canonical_url,
			a.section, a.tags, a.modified_at, a.sections, a.modified_precision, a.search)::text
		FROM dumps d LEFT JOIN articles a ON a.dump_id = d.id
		WHERE d.source = $1 ORDER BY d.sha256`, source)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for rows.Next() {
		var r string
		if err := rows.Scan(&r); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestStore_EncodedParams: the group commit's INSERT with parameters the
// store encodes stores exactly what it stores with pgx's encoding, column
// for column and vector for vector, written in one statement of many rows,
// row by row through group commit, and in a statement without any article
// (empty article arrays); what it returns is what a read returns.
func TestStore_EncodedParams(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		opts store.Options
	}{
		{"search deferred", store.Options{}},
		{"search current", store.Options{SearchInline: true}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			pool := dbtest.New(t)
			ctx := context.Background()
			stored := map[bool][]string{}
			for _, encode := range []bool{false, true} {
				s := store.NewWithOptions(pool, tt.opts)
				store.SetEncodeParams(s, encode)
				store.SetCopyMinRows(s, 1<<30) // the statement, never COPY
				for _, mode := range []string{"batch", "single", "no articles"} {
					source := fmt.Sprintf("%s/%v", mode, encode)
					var items []store.IngestItem
					switch mode {
					case "no articles":
						items = []store.IngestItem{unextractable(source, "one"), unextractable(source, "two")}
					default:
						items = oddItems(source)
					}
					var results []store.IngestResult
					if mode == "single" {
						for _, it := range items {
							ing, err := s.SaveIngest(ctx, it.Dump, it.Extraction)
							results = append(results, store.IngestResult{Ingest: ing, Err: err})
						}
					} else {
						results = s.SaveIngestBatch(ctx, items)
					}
					for i, res := range results {
						checkStored(t, s, items[i], res)
						if !res.Ingest.Created {
							t.Errorf("%s: item %d not created", source, i)
						}
					}
					stored[encode] = append(stored[encode], storedRows(t, pool, source)...)
				}
				s.Close()
			}
			pgx, own := stored[false], stored[true]
			if len(own) != len(pgx) || len(own) != 2*len(oddItems(""))+2 {
				t.Fatalf("%d rows stored with the store's encoding, %d with pgx's, want %d", len(own), len(pgx), 2*len(oddItems(""))+2)
			}
			for i := range own {
				if own[i] != pgx[i] {
					t.Errorf("row %d differs:\n own %.300s\n pgx %.300s", i, own[i], pgx[i])
				}
			}
			if tt.opts.SearchInline && !strings.Contains(strings.Join(own, "\n"), "'bridg':") {
				t.Error("no search vector stored")
			}
		})
	}
}

// TestEncodesParams: the store encodes the INSERT's parameters only in
// pgx's default mode, which keeps prepared statements on the connection;
// the modes for a PgBouncer without them keep pgx's own path.
func TestEncodesParams(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		params string
		want   bool
	}{
		{"", true},
		{"default_query_exec_mode=cache_statement", true},
		{"default_query_exec_mode=cache_describe", false},
		{"default_query_exec_mode=describe_exec", false},
		{"default_query_exec_mode=exec", false},
		{"default_query_exec_mode=simple_protocol", false},
	} {
		cfg, err := pgx.ParseConfig("postgres://u@localhost/db?" + tt.params)
		if err != nil {
			t.Fatal(err)
		}
		if got := store.EncodesParams(cfg); got != tt.want {
			t.Errorf("%q: encodes %v, want %v", tt.params, got, tt.want)
		}
	}
}
