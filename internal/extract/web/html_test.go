package web

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/extracttest"
)

// The flag has its own name so that it cannot clash with the text
// extractor's golden flag in the same package.
var htmlUpdate = flag.Bool("update-html", false, "rewrite testdata/html/*.golden.json")

// htmlGolden is the part of an extraction the golden files pin down.
type htmlGolden struct {
	Title     string   `json:"title"`
	Authors   []string `json:"authors"`
	Agencies  []string `json:"agencies"`
	Published string   `json:"published"`
	Precision string   `json:"precision"`
	HasZone   bool     `json:"has_zone"`
	Site      string   `json:"site"`
	Language  string   `json:"language"`
	URL       string   `json:"url"`
	// Richer metadata (version 4); empty ones are left out so that the
	// fixtures stating none stay as they were.
	Description  string   `json:"description,omitempty"`
	Image        string   `json:"image,omitempty"`
	CanonicalURL string   `json:"canonical_url,omitempty"`
	Section      string   `json:"section,omitempty"`
	Tags         []string `json:"tags,omitempty"`
	Paragraphs   []string `json:"paragraphs"`
	WordCount    int      `json:"word_count"`
	Error        string   `json:"error,omitempty"`
}

func htmlGoldenOf(x article.Extraction) htmlGolden {
	g := htmlGolden{
		Title:        x.Metadata.Title,
		Authors:      x.Metadata.Authors,
		Agencies:     x.Metadata.Agencies,
		Site:         x.Metadata.SiteName,
		Language:     x.Metadata.Language,
		URL:          x.Metadata.URL,
		Description:  x.Metadata.Description,
		Image:        x.Metadata.Image,
		CanonicalURL: x.Metadata.CanonicalURL,
		Section:      x.Metadata.Section,
		Tags:         x.Metadata.Tags,
		Paragraphs:   x.Paragraphs,
		WordCount:    x.WordCount,
	}
	if p := x.Metadata.Published; !p.IsZero() {
		g.Published = p.Time.Format(time.RFC3339)
		g.Precision = string(p.Precision)
		g.HasZone = p.HasZone
	}
	if x.Err != nil {
		g.Error = x.Err.Error()
	}
	return g
}

// TestHTMLExtract_Golden extracts every HTML fixture and compares the
// result with its .golden.json and its Markdown body with its .golden.md;
// -update-html rewrites both. The md_* fixtures are the structures
// (headings, lists, quotes) and the hostile text that must come out
// escaped.
func TestHTMLExtract_Golden(t *testing.T) {
	files, err := filepath.Glob("testdata/html/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".html")
		t.Run(name, func(t *testing.T) {
			body, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d := article.NewDump("test", "https://fixture.example/"+name, "", body, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
			x := Extract(d)
			if x.Input != article.InputHTML {
				t.Fatalf("Input = %q, want html", x.Input)
			}
			checkMarkdown(t, x)
			checkGoldenMarkdown(t, strings.TrimSuffix(f, ".html")+".golden.md", x.BodyMarkdown)
			extracttest.CheckGoldenJSON(t, strings.TrimSuffix(f, ".html")+".golden.json", htmlGoldenOf(x), *htmlUpdate, "-update-html")
		})
	}
}

// TestHTMLExtract_Spaceless: a short article in a script without spaces
// between words, three paragraphs under an <h1>, extracts whatever its
// encoding; its text is measured by characters.
func TestHTMLExtract_Spaceless(t *testing.T) {
	tests := []struct{ file, lang string }{
		{"zh_short.html", "zh"},
		{"zh_short_gbk.html", "zh"},
		{"ja_short.html", "ja"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			body, err := os.ReadFile("testdata/html/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			x := Extract(article.NewDump("test", "", "", body, extracttest.ReceivedAt))
			if x.Err != nil {
				t.Fatalf("Err = %v", x.Err)
			}
			if x.Metadata.Title == "" || len(x.Paragraphs) != 3 || x.Metadata.Language != tt.lang {
				t.Errorf("title %q, %d paragraphs, language %q; want a title, 3 paragraphs, %s",
					x.Metadata.Title, len(x.Paragraphs), x.Metadata.Language, tt.lang)
			}
			if x.WordCount < 60 {
				t.Errorf("WordCount = %d: characters of a spaceless script count as words", x.WordCount)
			}
		})
	}
}

func TestHTMLExtract_Unextractable(t *testing.T) {
	for name, body := range map[string]string{
		"script only": `<html><head><script>var a = 1;</script></head><body><script>render()</script></body></html>`,
		"empty body":  `<!doctype html><html><body></body></html>`,
		"nav only":    `<!doctype html><html><body><nav><a href="/">Home</a> <a href="/a">About</a></nav></body></html>`,
		"too deep":    "<!doctype html>" + strings.Repeat("<div>", 100_000),
	} {
		t.Run(name, func(t *testing.T) {
			x := Extract(article.NewDump("", "", "text/html", []byte(body), time.Time{}))
			if !errors.Is(x.Err, article.ErrUnextractable) {
				t.Fatalf("Err = %v, want ErrUnextractable", x.Err)
			}
			if len(x.Paragraphs) != 0 {
				t.Errorf("Paragraphs = %q, want none", x.Paragraphs)
			}
		})
	}
}

func TestHTMLExtract_ArticleBodyFallback(t *testing.T) {
	long := strings.Repeat("The text of the story lives only in the structured data of this page. ", 5)
	for name, tc := range map[string]struct {
		ld   string
		want []string
	}{
		"plain text": {`"articleBody":"` + long + `\n` + long + `"`, []string{strings.TrimSpace(long), strings.TrimSpace(long)}},
		"markup":     {`"articleBody":"<p>` + long + `</p><p>` + long + `</p>"`, []string{strings.TrimSpace(long), strings.TrimSpace(long)}},
		"too short":  {`"articleBody":"Short."`, nil},
	} {
		t.Run(name, func(t *testing.T) {
			page := `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"H",` + tc.ld + `}</script></head><body><div id="app"></div></body></html>`
			x := Extract(article.NewDump("", "", "text/html", []byte(page), time.Time{}))
			if diff := cmp.Diff(tc.want, x.Paragraphs); diff != "" {
				t.Errorf("paragraphs (-want +got):\n%s", diff)
			}
			if (tc.want == nil) != (x.Err != nil) {
				t.Errorf("Err = %v", x.Err)
			}
		})
	}
}

func BenchmarkExtractHTML(b *testing.B) {
	files, _ := filepath.Glob("testdata/html/*.html")
	dumps, size := htmlDumps(b, files, "")
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range dumps {
			Extract(d)
		}
	}
}
