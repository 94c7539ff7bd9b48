package store_test

import (
	"bytes"
	"context"
	"fmt"
	"sync"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

func TestStore_SaveIngest_RoundTrip(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := context.Background()

	tests := []struct {
		name string
		edit func(x *article.Extraction)
		want func(m *article.Metadata, paras *[]string) // expected changes from the input
	}{
		{name: "every field"},
		{
			name: "no date, nil lists",
			edit: func(x *article.Extraction) {
				x.Metadata.Published, x.Metadata.Authors, x.Metadata.Agencies, x.Metadata.Sponsors = nil, nil, nil, nil
				x.Metadata.Modified, x.Metadata.Tags, x.Metadata.Sections = nil, nil, nil
			},
			// An article with a section lists it (an extraction that
			// named one section, an article stored before 0008).
			want: func(m *article.Metadata, _ *[]string) { m.Sections = []string{"Local"} },
		},
		{
			name: "no section, no sections",
			edit: func(x *article.Extraction) { x.Metadata.Section, x.Metadata.Sections = "", nil },
		},
		{
			name: "empty lists come back nil",
			edit: func(x *article.Extraction) {
				x.Metadata.Authors, x.Metadata.Agencies, x.Metadata.Sponsors, x.Paragraphs = []string{}, []string{}, []string{}, []string{}
				x.Metadata.Tags, x.Metadata.Section, x.Metadata.Sections = []string{}, "", []string{}
			},
			want: func(m *article.Metadata, paras *[]string) {
				m.Authors, m.Agencies, m.Sponsors, *paras = nil, nil, nil, nil
				m.Tags, m.Sections = nil, nil
			},
		},
		{
			name: "day precision without zone",
			edit: func(x *article.Extraction) {
				x.Metadata.Published = &article.Date{Time: time.Date(2019, 11, 19, 0, 0, 0, 0, time.UTC), Precision: article.PrecisionDay}
			},
		},
		{
			name: "half-hour zone, second precision, microseconds kept",
			edit: func(x *article.Extraction) {
				x.Metadata.Published = &article.Date{Time: time.Date(2024, 1, 1, 0, 15, 30, 123456000, time.FixedZone("IST", 5*3600+1800)), Precision: article.PrecisionSecond, HasZone: true}
			},
		},
		{
			name: "named location keeps its offset",
			edit: func(x *article.Extraction) {
				ny, err := time.LoadLocation("America/New_York") // time/tzdata is linked in
				if err != nil {
					panic(err)
				}
				x.Metadata.Published = &article.Date{Time: time.Date(2019, 11, 19, 8, 3, 0, 0, ny), Precision: article.PrecisionMinute, HasZone: true}
			},
		},
		{
			name: "updated on a day: midnight UTC, day precision, no zone",
			edit: func(x *article.Extraction) {
				x.Metadata.Modified = &article.Date{Time: time.Date(2025, 5, 3, 0, 0, 0, 0, time.UTC), Precision: article.PrecisionDay}
			},
		},
		{
			name: "updated at a minute",
			edit: func(x *article.Extraction) {
				x.Metadata.Modified = &article.Date{Time: time.Date(2025, 5, 3, 9, 30, 0, 0, time.UTC), Precision: article.PrecisionMinute, HasZone: true}
			},
		},
		{
			name: "paragraphs normalised so they split back",
			edit: func(x *article.Extraction) {
				x.Paragraphs = []string{"\nOne\n\n\ntwo\n", "", "three"}
			},
			want: func(_ *article.Metadata, paras *[]string) { *paras = []string{"One\ntwo", "three"} },
		},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := extraction()
			if tt.edit != nil {
				tt.edit(x)
			}
			d := dump("round-trip", fmt.Sprintf("body %d", i))
			ing := mustSaveIngest(t, s, d, x)
			if !ing.Created {
				t.Error("Created = false for a new dump")
			}

			wantMeta, wantParas := x.Metadata, x.Paragraphs
			if tt.want != nil {
				tt.want(&wantMeta, &wantParas)
			}
			a := ing.Article
			if a == nil {
				t.Fatal("no article")
			}
			want := &article.Article{
				ID: a.ID, DumpID: ing.Dump.ID, Source: "round-trip",
				Metadata: wantMeta, Paragraphs: wantParas, WordCount: x.WordCount, ExtractorVersion: x.Version,
				ReceivedAt: received.Truncate(time.Microsecond), CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt,
			}
			if diff := cmp.Diff(want, a, sameTime); diff != "" {
				t.Errorf("SaveIngest article (-want +got):\n%s", diff)
			}
			if a.ID.IsZero() || a.ID == ing.Dump.ID || a.CreatedAt.IsZero() {
				t.Errorf("ids/times not set: id %s dump %s created %v", a.ID, ing.Dump.ID, a.CreatedAt)
			}
			if p := a.Metadata.Published; p != nil && wantMeta.Published != nil && p.Day() != wantMeta.Published.Day() {
				t.Errorf("Day() = %s, want %s (the page's date)", p.Day(), wantMeta.Published.Day())
			}

			// Diagnostics are not stored: asking for them finds none.
			got, err := s.FindArticleByID(ctx, a.ID, store.ArticleParts{Diagnostics: true})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got, sameTime); diff != "" {
				t.Errorf("FindArticleByID (-want +got):\n%s", diff)
			}
			got, err = s.FindArticleByID(ctx, a.ID, store.ArticleParts{})
			if err != nil {
				t.Fatal(err)
			}
			// SaveIngest does not read back what it created: what it
			// returns must be exactly what a read returns.
			if diff := cmp.Diff(got, a, sameTime); diff != "" {
				t.Errorf("SaveIngest result differs from the stored article (-stored +returned):\n%s", diff)
			}
		})
	}
}

func TestStore_SaveIngest_DumpRoundTrip(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := context.Background()
	d := dump("scraper-a", "hello\x00\xff world")
	ing := mustSaveIngest(t, s, d, extraction())

	want := &article.Dump{
		ID: ing.Dump.ID, Source: d.Source, URL: d.URL, ContentType: d.ContentType, SHA256: d.SHA256, Size: len(d.Body),
		ReceivedAt: received.Truncate(time.Microsecond), FetchedAt: d.FetchedAt.Truncate(time.Microsecond),
		Status: article.DumpExtracted, ArticleID: ing.Article.ID, ExtractorVersion: 3,
	}
	if diff := cmp.Diff(want, ing.Dump, sameTime, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("Ingest.Dump (-want +got):\n%s", diff)
	}
	got, err := s.FindDumpByID(ctx, ing.Dump.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, sameTime, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("FindDumpByID without body (-want +got):\n%s", diff)
	}
	want.Body = d.Body
	for name, find := range map[string]func() (*article.Dump, error){
		"FindDumpByID":        func() (*article.Dump, error) { return s.FindDumpByID(ctx, ing.Dump.ID, true) },
		"FindDumpByArticleID": func() (*article.Dump, error) { return s.FindDumpByArticleID(ctx, ing.Article.ID) },
	} {
		got, err := find()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if diff := cmp.Diff(want, got, sameTime); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
	}
}

func TestStore_SaveIngest_RepeatReturnsSameIDs(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	first := mustSaveIngest(t, s, dump("scraper-a", "same bytes"), extraction())
	// A retry may come later and carry a different extraction (a newer
	// extractor): the stored one wins.
	x := extraction()
	x.Metadata.Title = "Different"
	d := dump("scraper-a", "same bytes")
	d.ReceivedAt = received.Add(time.Hour)
	again := mustSaveIngest(t, s, d, x)

	if !first.Created || again.Created {
		t.Errorf("Created = %v then %v, want true then false", first.Created, again.Created)
	}
	if diff := cmp.Diff(first.Dump, again.Dump, sameTime); diff != "" {
		t.Errorf("repeat dump differs (-first +again):\n%s", diff)
	}
	if diff := cmp.Diff(first.Article, again.Article, sameTime); diff != "" {
		t.Errorf("repeat article differs (-first +again):\n%s", diff)
	}
}

func TestStore_SaveIngest_ConcurrentRepeats(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.New(pool)
	const n = 20
	var (
		wg      sync.WaitGroup
		results [n]*store.Ingest
		errs    [n]error
	)
	for i := range n {
		wg.Go(func() {
			results[i], errs[i] = s.SaveIngest(context.Background(), dump("racer", "one body"), extraction())
		})
	}
	wg.Wait()
	created := 0
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("call %d: %v", i, errs[i])
		}
		if results[i].Created {
			created++
		}
		if results[i].Dump.ID != results[0].Dump.ID || results[i].Article.ID != results[0].Article.ID {
			t.Errorf("call %d: dump %s article %s, call 0: dump %s article %s", i,
				results[i].Dump.ID, results[i].Article.ID, results[0].Dump.ID, results[0].Article.ID)
		}
	}
	if created != 1 {
		t.Errorf("%d calls created, want exactly 1", created)
	}
	var dumps, articles int
	err := pool.QueryRow(context.Background(), "SELECT (SELECT count(*) FROM dumps), (SELECT count(*) FROM articles)").Scan(&dumps, &articles)
	if err != nil {
		t.Fatal(err)
	}
	if dumps != 1 || articles != 1 {
		t.Errorf("%d dumps and %d articles, want 1 and 1", dumps, articles)
	}
}

func TestStore_SaveIngest_SameBytesOtherSource(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	a := mustSaveIngest(t, s, dump("scraper-a", "shared"), extraction())
	b := mustSaveIngest(t, s, dump("scraper-b", "shared"), extraction())
	if !a.Created || !b.Created || a.Dump.ID == b.Dump.ID || a.Article.ID == b.Article.ID {
		t.Errorf("got created %v/%v, dumps %s/%s; want two new dumps", a.Created, b.Created, a.Dump.ID, b.Dump.ID)
	}
}

func TestStore_SaveIngest_Unextractable(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := context.Background()
	bodies := map[string][]byte{
		"NUL bytes":     []byte("a\x00b\x00\x00c"),
		"invalid UTF-8": {'o', 'k', 0xc3, 0x28, 0xe2, 0x82},
		"0xFF bytes":    bytes.Repeat([]byte{0xff, 0xfe, 0x00}, 1000),
		"empty":         {},
		"nil":           nil,
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			d := article.NewDump("hostile-"+name, "", "application/octet-stream", body, received)
			x := &article.Extraction{Version: 2, Err: fmt.Errorf("extract: %w: no text\x00here", article.ErrUnextractable)}
			ing := mustSaveIngest(t, s, d, x)
			if ing.Article != nil || !ing.Created {
				t.Fatalf("article %v created %v; want no article, created", ing.Article, ing.Created)
			}
			got, err := s.FindDumpByID(ctx, ing.Dump.ID, true)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Body, body) {
				t.Errorf("body changed: stored %d bytes %q, got %d bytes %q", len(body), body[:min(len(body), 16)], len(got.Body), got.Body[:min(len(got.Body), 16)])
			}
			if got.SHA256 != d.SHA256 {
				t.Error("sha256 changed")
			}
			if got.Status != article.DumpFailed || got.ExtractError != "extract: unextractable: no texthere" || !got.ArticleID.IsZero() || got.ExtractorVersion != 2 {
				t.Errorf("status %q error %q article %s version %d", got.Status, got.ExtractError, got.ArticleID, got.ExtractorVersion)
			}
			got.Body = nil
			if diff := cmp.Diff(got, ing.Dump, sameTime, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("SaveIngest dump differs from the stored one (-stored +returned):\n%s", diff)
			}
			if _, err := s.FindDumpByArticleID(ctx, ing.Dump.ID); !isKind(err, article.ErrNotFound) {
				t.Errorf("FindDumpByArticleID(dump id) = %v, want ErrNotFound", err)
			}
		})
	}
}

func TestStore_SaveIngest_HostileExtractedText(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	x := extraction()
	x.Metadata.Title = "Bad\x00 title \xff\xfe"
	x.Metadata.Authors = []string{"A\x00nne"}
	x.Paragraphs = []string{"para\x00graph", "\xc3\x28"}
	ing := mustSaveIngest(t, s, dump("hostile", "raw"), x)

	got, err := s.FindArticleByID(context.Background(), ing.Article.ID, store.ArticleParts{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Metadata.Title != "Bad title \uFFFD" || got.Metadata.Authors[0] != "Anne" {
		t.Errorf("title %q authors %q", got.Metadata.Title, got.Metadata.Authors)
	}
	if diff := cmp.Diff([]string{"paragraph", "\uFFFD("}, got.Paragraphs); diff != "" {
		t.Errorf("paragraphs (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(got, ing.Article, sameTime); diff != "" {
		t.Errorf("SaveIngest returned other text than it stored (-stored +returned):\n%s", diff)
	}
}

func TestStore_SaveIngest_Invalid(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	bad := dump("x", "body")
	bad.SHA256[0] ^= 1
	badPrecision := extraction()
	badPrecision.Metadata.Published.Precision = "fortnight"
	tests := []struct {
		name string
		d    *article.Dump
		x    *article.Extraction
	}{
		{"nil dump", nil, extraction()},
		{"nil extraction", dump("x", "body"), nil},
		{"checksum mismatch", bad, extraction()},
		{"unknown precision", dump("x", "other body"), badPrecision},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ing, err := s.SaveIngest(context.Background(), tt.d, tt.x)
			if !isKind(err, article.ErrInvalid) || ing != nil {
				t.Errorf("SaveIngest = %v, %v; want nil, ErrInvalid", ing, err)
			}
		})
	}
}

func TestStore_Find_NotFound(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := context.Background()
	ing := mustSaveIngest(t, s, dump("x", "exists"), extraction())
	missing := article.NewID(time.Now())
	tests := []struct {
		name string
		find func() (any, error)
	}{
		{"article", func() (any, error) { return s.FindArticleByID(ctx, missing, store.ArticleParts{}) }},
		{"article by a dump's id", func() (any, error) { return s.FindArticleByID(ctx, ing.Dump.ID, store.ArticleParts{Diagnostics: true}) }},
		{"dump", func() (any, error) { return s.FindDumpByID(ctx, missing, true) }},
		{"dump by an article's id", func() (any, error) { return s.FindDumpByID(ctx, ing.Article.ID, false) }},
		{"dump by article id", func() (any, error) { return s.FindDumpByArticleID(ctx, missing) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.find()
			if !isKind(err, article.ErrNotFound) {
				t.Errorf("err = %v, want ErrNotFound", err)
			}
			if !isNilPointer(got) {
				t.Errorf("got %v with the error, want nil", got)
			}
		})
	}
}

func isNilPointer(v any) bool {
	switch p := v.(type) {
	case *article.Article:
		return p == nil
	case *article.Dump:
		return p == nil
	}
	return v == nil
}

func TestStore_IngestWriteTime(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	if got := s.IngestWriteTime(); got != 0 {
		t.Fatalf("IngestWriteTime before any ingest = %v, want 0", got)
	}
	start := time.Now()
	mustSaveIngest(t, s, dump("busy", "one"), extraction())
	first := s.IngestWriteTime()
	if first <= 0 || first > time.Since(start) {
		t.Fatalf("IngestWriteTime after SaveIngest = %v, want within (0, %v]", first, time.Since(start))
	}
	for _, r := range s.SaveIngestBatch(context.Background(), []store.IngestItem{{Dump: dump("busy", "two"), Extraction: extraction()}}) {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
	}
	if got := s.IngestWriteTime(); got <= first {
		t.Errorf("IngestWriteTime after SaveIngestBatch = %v, not more than %v", got, first)
	}
}
