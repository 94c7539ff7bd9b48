package store_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

// fixture describes an article for the listing tests.
type fixture struct {
	source, lang, title string
	authors             []string
	section             string
	tags                []string
	published           time.Time // zero: the page gave no date
	received            time.Time // zero: t0
	body                []string
}

var (
	t0         = time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	fixtureSeq atomic.Int64
)

// mustIngest stores f as a fresh dump and returns its article.
func mustIngest(t testing.TB, s *store.Store, f fixture) *article.Article {
	t.Helper()
	if f.received.IsZero() {
		f.received = t0
	}
	x := &article.Extraction{
		Input:      article.InputText,
		Metadata:   article.Metadata{Title: f.title, Authors: f.authors, Language: f.lang, Section: f.section, Tags: f.tags},
		Paragraphs: f.body,
		WordCount:  len(strings.Fields(strings.Join(f.body, " "))),
		Version:    1,
	}
	if !f.published.IsZero() {
		x.Metadata.Published = &article.Date{Time: f.published, Precision: article.PrecisionSecond, HasZone: true}
	}
	d := article.NewDump(f.source, "", "text/plain", fmt.Appendf(nil, "%s #%d", f.title, fixtureSeq.Add(1)), f.received)
	ing, err := s.SaveIngest(context.Background(), d, x)
	if err != nil {
		t.Fatalf("SaveIngest(%q): %v", f.title, err)
	}
	return ing.Article
}

func titles(p *article.Page) []string {
	out := make([]string, len(p.Articles))
	for i, a := range p.Articles {
		out[i] = a.Metadata.Title
	}
	return out
}

func TestStore_FindArticles_Filters(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := context.Background()
	h := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Hour) }
	for _, f := range []fixture{
		{title: "a1", source: "alpha", lang: "en", authors: []string{"Ada Lovelace"}, published: h(1),
			section: "Politics", tags: []string{"Elections", "Europe"}},
		{title: "a2", source: "alpha", lang: "de", authors: []string{"ÉMILE Zola", "Alan Turing"}, published: h(5),
			section: "Überblick", tags: []string{"europe"}},
		// No date: listed by arrival time, between a1 and a2.
		{title: "a3", source: "alpha", lang: "en", received: h(3), section: "politics"},
		{title: "b1", source: "beta", lang: "en", authors: []string{"ada lovelace"}, published: h(2), tags: []string{"Election"}},
		// A zone other than UTC: the instant counts, 4 h UTC.
		{title: "b2", source: "beta", lang: "", published: time.Date(2026, 1, 1, 18, 0, 0, 0, time.FixedZone("", 2*3600))},
		{title: "c1", source: "Alpha", lang: "en-GB", authors: []string{"Ada"}, published: h(6)},
	} {
		mustIngest(t, s, f)
	}

	tests := []struct {
		name   string
		filter article.Filter
		want   []string
	}{
		{"all, newest first", article.Filter{}, []string{"c1", "a2", "b2", "a3", "b1", "a1"}},
		{"source is exact", article.Filter{Source: "alpha"}, []string{"a2", "a3", "a1"}},
		{"source, other case", article.Filter{Source: "ALPHA"}, nil},
		{"author ignores case", article.Filter{Author: "ADA LOVELACE"}, []string{"b1", "a1"}},
		{"author ignores case beyond ASCII", article.Filter{Author: "émile zola"}, []string{"a2"}},
		{"author is a whole name", article.Filter{Author: "Ada"}, []string{"c1"}},
		{"second author", article.Filter{Author: "alan turing"}, []string{"a2"}},
		{"language is exact", article.Filter{Language: "en"}, []string{"a3", "b1", "a1"}},
		{"empty language is no filter", article.Filter{Language: ""}, []string{"c1", "a2", "b2", "a3", "b1", "a1"}},
		{"since is inclusive", article.Filter{Since: h(4)}, []string{"c1", "a2", "b2"}},
		{"until is exclusive", article.Filter{Until: h(4)}, []string{"a3", "b1", "a1"}},
		{"since and until", article.Filter{Since: h(2), Until: h(5)}, []string{"b2", "a3", "b1"}},
		{"since, in another zone", article.Filter{Since: h(4).In(time.FixedZone("", -5*3600))}, []string{"c1", "a2", "b2"}},
		{"empty range", article.Filter{Since: h(4), Until: h(4)}, nil},
		{"combined", article.Filter{Source: "alpha", Language: "en", Since: h(2)}, []string{"a3"}},
		{"source and author", article.Filter{Source: "beta", Author: "Ada Lovelace"}, []string{"b1"}},
		{"nothing matches", article.Filter{Source: "gamma"}, nil},
		{"section ignores case", article.Filter{Section: "POLITICS"}, []string{"a3", "a1"}},
		{"section ignores case beyond ASCII", article.Filter{Section: "überblick"}, []string{"a2"}},
		{"section is whole", article.Filter{Section: "Polit"}, nil},
		{"tag ignores case", article.Filter{Tag: "EUROPE"}, []string{"a2", "a1"}},
		{"tag is a whole tag", article.Filter{Tag: "Election"}, []string{"b1"}},
		{"section and tag", article.Filter{Section: "politics", Tag: "europe"}, []string{"a1"}},
		{"tag and source", article.Filter{Tag: "europe", Source: "beta"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := s.FindArticles(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, titles(p), cmpEmpty); diff != "" {
				t.Errorf("titles (-want +got):\n%s", diff)
			}
			if p.Next != "" {
				t.Errorf("Next = %q on the only page", p.Next)
			}
			if p.Articles == nil {
				t.Error("Articles is nil, want an empty list")
			}
		})
	}

	t.Run("articles come whole, without diagnostics", func(t *testing.T) {
		p, err := s.FindArticles(ctx, article.Filter{Source: "beta", Author: "ada lovelace"})
		if err != nil || len(p.Articles) != 1 {
			t.Fatalf("FindArticles: %v, %d articles", err, len(p.Articles))
		}
		want, err := s.FindArticleByID(ctx, p.Articles[0].ID, store.ArticleParts{})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, p.Articles[0], sameTime); diff != "" {
			t.Errorf("listed article differs from FindArticleByID (-want +got):\n%s", diff)
		}
	})
}

var cmpEmpty = cmp.Comparer(func(a, b []string) bool { return strings.Join(a, "\x00") == strings.Join(b, "\x00") })

func TestStore_FindArticles_Invalid(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := context.Background()
	for i := range 3 {
		mustIngest(t, s, fixture{title: fmt.Sprint("bridge ", i), lang: "en", source: "s", published: t0.Add(time.Duration(i) * time.Hour)})
	}
	dbtest.IndexAll(t, s)
	timeNext := mustPage(t, s, article.Filter{Limit: 1}).Next
	rankNext := mustPage(t, s, article.Filter{Limit: 1, Query: "bridge"}).Next
	if timeNext == "" || rankNext == "" {
		t.Fatal("no next page")
	}
	tests := map[string]article.Filter{
		"malformed cursor":                 {Cursor: "not-a-cursor"},
		"cursor of another source":         {Cursor: timeNext, Source: "s"},
		"time cursor for a search":         {Cursor: timeNext, Query: "bridge"},
		"rank cursor for a listing":        {Cursor: rankNext},
		"rank cursor for another query":    {Cursor: rankNext, Query: "bridges"},
		"until before since":               {Since: t0, Until: t0.Add(-time.Second)},
		"NUL in source":                    {Source: "a\x00b"},
		"invalid UTF-8 in author":          {Author: "\xff"},
		"query too long":                   {Query: strings.Repeat("word ", 300)},
		"since beyond PostgreSQL's range":  {Since: time.Date(300000, 1, 1, 0, 0, 0, 0, time.UTC)},
		"until before PostgreSQL's range":  {Until: time.Date(-5000, 1, 1, 0, 0, 0, 0, time.UTC)},
		"cursor with a language added":     {Cursor: timeNext, Language: "en"},
		"cursor with since added":          {Cursor: timeNext, Since: t0},
		"search cursor with author added":  {Cursor: rankNext, Query: "bridge", Author: "x"},
		"search cursor, language filtered": {Cursor: rankNext, Query: "bridge", Language: "en"},
	}
	for name, f := range tests {
		if _, err := s.FindArticles(ctx, f); !isKind(err, article.ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", name, err)
		}
	}
	// The cursor does not bind the page size, and blanks around a query
	// do not make another query.
	for name, f := range map[string]article.Filter{
		"other limit":       {Cursor: timeNext, Limit: 2},
		"query with blanks": {Cursor: rankNext, Query: "  bridge\t"},
	} {
		if _, err := s.FindArticles(ctx, f); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func mustPage(t *testing.T, s *store.Store, f article.Filter) *article.Page {
	t.Helper()
	p, err := s.FindArticles(context.Background(), f)
	if err != nil {
		t.Fatalf("FindArticles(%+v): %v", f, err)
	}
	return p
}

func TestStore_FindArticles_Search(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	for _, f := range []fixture{
		{title: "en-title", lang: "en", source: "news", published: t0,
			body: []string{"Engineers inspected the structure on Monday."}},
		// Older than en-title, so only rank can put en-title first.
		{title: "en-body", lang: "en", source: "news", published: t0.Add(time.Hour),
			body: []string{"The council met to discuss the budget.", "A new bridge was mentioned once."}},
		{title: "en-none", lang: "en", source: "news", published: t0.Add(2 * time.Hour),
			body: []string{"Nothing about crossings here."}},
		{title: "de-title", lang: "de", source: "zeitung", published: t0,
			body: []string{"Die Stadt plant neue Verbindungen über den Fluss."}},
		{title: "simple", lang: "", source: "misc", published: t0,
			body: []string{"Bridges and more bridges, unstemmed."}},
		{title: "Marathon", lang: "en", source: "sport", published: t0,
			body: []string{"She was running late."}},
		{title: "Park notes", lang: "", source: "misc", published: t0,
			body: []string{"A fun run for everyone."}},
	} {
		switch f.title {
		case "en-title":
			f.title = "Bridges reopen after repairs"
		case "en-body":
			f.title = "Budget talks continue"
		case "en-none":
			f.title = "Weather report"
		case "de-title":
			f.title = "Neue Brücken für die Altstadt"
		case "simple":
			f.title = "Misc"
		}
		mustIngest(t, s, f)
	}
	dbtest.IndexAll(t, s)
	tests := []struct {
		name   string
		filter article.Filter
		want   []string
	}{
		{"a title hit outranks a body hit", article.Filter{Query: "bridge", Language: "en"},
			[]string{"Bridges reopen after repairs", "Budget talks continue"}},
		{"English stemming without a language", article.Filter{Query: "bridging"},
			[]string{"Bridges reopen after repairs", "Budget talks continue"}},
		{"an unstemmed article matches its exact words", article.Filter{Query: "bridges"},
			[]string{"Bridges reopen after repairs", "Misc", "Budget talks continue"}},
		{"German stemming, language filter", article.Filter{Query: "Brücke", Language: "de"},
			[]string{"Neue Brücken für die Altstadt"}},
		{"German stemming without a language", article.Filter{Query: "brücke altstadt"},
			[]string{"Neue Brücken für die Altstadt"}},
		// "running" parsed as English is "run", which the unknown-language
		// article holds verbatim; it is matched in its own configuration
		// ('simple'), where the query stays "running".
		{"each article is matched in its own language", article.Filter{Query: "running"}, []string{"Marathon"}},
		{"language filter excludes others", article.Filter{Query: "bridges", Language: "de"}, nil},
		{"phrase", article.Filter{Query: `"new bridge"`}, []string{"Budget talks continue"}},
		{"phrase out of order does not match", article.Filter{Query: `"bridge new"`}, nil},
		{"or", article.Filter{Query: "council or weather"}, []string{"Weather report", "Budget talks continue"}},
		{"not", article.Filter{Query: "bridge -council"}, []string{"Bridges reopen after repairs"}},
		{"with a source filter", article.Filter{Query: "bridge", Source: "misc"}, nil},
		{"only stop words", article.Filter{Query: "the and of"}, nil},
		{"punctuation only", article.Filter{Query: `"" & | ! ( )`}, nil},
		{"blank query lists by time", article.Filter{Query: "   ", Source: "news"},
			[]string{"Weather report", "Budget talks continue", "Bridges reopen after repairs"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := mustPage(t, s, tt.filter)
			if diff := cmp.Diff(tt.want, titles(p), cmpEmpty); diff != "" {
				t.Errorf("titles (-want +got):\n%s", diff)
			}
		})
	}
}

// TestStore_FindArticles_Bodies: a listing reads bodies only when asked,
// and a page with bodies ends once it holds MaxPageBodyBytes of text, its
// cursor continuing with the next article, none skipped or repeated.
func TestStore_FindArticles_Bodies(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	h := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Hour) }
	big := strings.Repeat("word ", store.MaxPageBodyBytes/3/5) // a third of the page budget
	var want []string
	for i := range 7 {
		title := fmt.Sprintf("big %d", i)
		mustIngest(t, s, fixture{source: "bodies", title: title, published: h(10 - i), body: []string{big, "end"}})
		want = append(want, title)
	}

	bare := mustPage(t, s, article.Filter{Source: "bodies", Limit: 10})
	if got := titles(bare); !cmp.Equal(got, want) {
		t.Fatalf("without bodies: titles %v, want %v", got, want)
	}
	for _, a := range bare.Articles {
		if len(a.Paragraphs) != 0 || a.WordCount == 0 {
			t.Fatalf("without bodies: %q has %d paragraphs, word_count %d; want none and the count", a.Metadata.Title, len(a.Paragraphs), a.WordCount)
		}
	}

	var got []string
	f := article.Filter{Source: "bodies", Limit: 10, WithBody: true}
	for pages := 0; ; pages++ {
		p := mustPage(t, s, f)
		if len(p.Articles) > 3 {
			t.Fatalf("a page with bodies held %d articles of a third of MaxPageBodyBytes each; want at most 3", len(p.Articles))
		}
		for _, a := range p.Articles {
			if len(a.Paragraphs) != 2 || a.Paragraphs[1] != "end" {
				t.Fatalf("with bodies: %q has paragraphs %d, want its 2", a.Metadata.Title, len(a.Paragraphs))
			}
			got = append(got, a.Metadata.Title)
		}
		if p.Next == "" {
			if pages < 2 {
				t.Fatalf("7 bodies of a third of the budget each came in %d pages; want at least 3", pages+1)
			}
			break
		}
		f.Cursor = p.Next
	}
	if !cmp.Equal(got, want) {
		t.Fatalf("with bodies, page by page: %v, want %v", got, want)
	}
}
