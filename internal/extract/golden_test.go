package extract

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/extracttest"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the current output")

// golden is the part of an extraction the golden files pin down.
type golden struct {
	Input             string         `json:"input"`
	Title             string         `json:"title"`
	Authors           []string       `json:"authors"`
	Agencies          []string       `json:"agencies"`
	Published         string         `json:"published"`
	Site              string         `json:"site"`
	Location          string         `json:"location"`
	Sponsors          []string       `json:"sponsors"`
	Paywalled         bool           `json:"paywalled"`
	OriginalPublisher string         `json:"original_publisher"`
	Language          string         `json:"language"`
	Description       string         `json:"description,omitempty"`
	Section           string         `json:"section,omitempty"`
	Tags              []string       `json:"tags,omitempty"`
	Modified          string         `json:"modified,omitempty"`
	Paragraphs        []string       `json:"paragraphs"`
	WordCount         int            `json:"word_count"`
	Error             string         `json:"error,omitempty"`
	Fields            []goldenField  `json:"fields"`
	Dropped           map[string]int `json:"dropped_by_label"`
}

type goldenField struct {
	Field string `json:"field"`
	Line  int    `json:"line"`
	Rule  string `json:"rule"`
}

func toGolden(x article.Extraction) golden {
	g := golden{
		Input:             x.Input,
		Title:             x.Metadata.Title,
		Authors:           x.Metadata.Authors,
		Agencies:          x.Metadata.Agencies,
		Site:              x.Metadata.SiteName,
		Location:          x.Metadata.Location,
		Sponsors:          x.Metadata.Sponsors,
		Paywalled:         x.Metadata.Paywalled,
		OriginalPublisher: x.Metadata.OriginalPublisher,
		Language:          x.Metadata.Language,
		Description:       x.Metadata.Description,
		Section:           x.Metadata.Section,
		Tags:              x.Metadata.Tags,
		Paragraphs:        x.Paragraphs,
		WordCount:         x.WordCount,
		Dropped:           map[string]int{},
	}
	if p := x.Metadata.Published; !p.IsZero() {
		g.Published = datetime.Format(p)
	}
	if m := x.Metadata.Modified; !m.IsZero() {
		g.Modified = datetime.Format(m)
	}
	if x.Err != nil {
		g.Error = x.Err.Error()
	}
	for _, f := range x.Diagnostics.Fields {
		g.Fields = append(g.Fields, goldenField{f.Field, f.Line, f.Rule})
	}
	for _, d := range x.Diagnostics.Dropped {
		g.Dropped[d.Label]++
	}
	return g
}

// readFixture builds a dump from a testdata file: .txt files are text
// dumps, .json files are scraper envelopes (which carry a URL).
func readFixture(t testing.TB, path string) *article.Dump {
	t.Helper()
	body, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ctype := "text/plain; charset=utf-8"
	if strings.HasSuffix(path, ".json") {
		ctype = "application/json"
	}
	return article.NewDump("test", "", ctype, body, extracttest.ReceivedAt)
}

// TestGolden extracts every fixture in testdata and compares with its
// golden file; go test -update rewrites them.
func TestGolden(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.txt")
	jsons, _ := filepath.Glob("testdata/*.json")
	for _, p := range jsons {
		if !strings.HasSuffix(p, ".golden.json") {
			paths = append(paths, p)
		}
	}
	if len(paths) == 0 {
		t.Fatal("no fixtures")
	}
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
		t.Run(name, func(t *testing.T) {
			got := toGolden(Extract(readFixture(t, p)))
			extracttest.CheckGoldenJSON(t, filepath.Join("testdata", name+".golden.json"), got, *update, "-update")
		})
	}
}

// TestSeedExpected checks the seed against its hand-labelled facts, which
// do not change when the golden files are regenerated.
func TestSeedExpected(t *testing.T) {
	var want struct {
		SourceName     string   `json:"source_name"`
		PublishedDate  string   `json:"published_date"`
		Location       string   `json:"location"`
		Authors        []string `json:"authors"`
		Title          string   `json:"title"`
		Sponsors       []string `json:"sponsors"`
		Paywall        bool     `json:"paywall_detected"`
		Publisher      string   `json:"original_publisher_hint"`
		Language       string   `json:"language"`
		BodyParagraphs []string `json:"body_paragraphs"`
	}
	b, err := os.ReadFile("../../testdata/seed.expected.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	x := Extract(readFixture(t, "testdata/seed.txt"))
	if x.Err != nil {
		t.Fatalf("Err = %v", x.Err)
	}
	m := x.Metadata
	checks := []struct {
		name      string
		got, want any
	}{
		{"title", m.Title, want.Title},
		{"authors", m.Authors, want.Authors},
		{"published", m.Published.Day(), want.PublishedDate},
		{"site", m.SiteName, want.SourceName},
		{"location", m.Location, want.Location},
		{"sponsors", m.Sponsors, want.Sponsors},
		{"paywalled", m.Paywalled, want.Paywall},
		{"original publisher", m.OriginalPublisher, want.Publisher},
		{"language", m.Language, want.Language},
		{"paragraphs", x.Paragraphs, want.BodyParagraphs},
	}
	for _, c := range checks {
		if diff := cmp.Diff(c.want, c.got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.name, diff)
		}
	}
}

// TestExtractUnextractable: empty and chrome-only dumps wrap
// ErrUnextractable.
func TestExtractUnextractable(t *testing.T) {
	for _, body := range []string{"", "   \n\n  \t", "Home\nNews\nSports\nLogin\nSubscribe"} {
		x := Extract(article.NewDump("", "", "text/plain", []byte(body), extracttest.ReceivedAt))
		if !errors.Is(x.Err, article.ErrUnextractable) {
			t.Errorf("Extract(%q).Err = %v, want ErrUnextractable", body, x.Err)
		}
		if x.Version != Version {
			t.Errorf("Version = %d", x.Version)
		}
	}
	if x := Extract(nil); !errors.Is(x.Err, article.ErrUnextractable) {
		t.Errorf("Extract(nil).Err = %v", x.Err)
	}
}

// TestTextMarkdown: text dumps have no structure, and no Markdown body.
func TestTextMarkdown(t *testing.T) {
	x := Extract(readFixture(t, "testdata/seed.txt"))
	if x.Err != nil || x.BodyMarkdown != "" {
		t.Errorf("Err = %v, BodyMarkdown = %q, want none", x.Err, x.BodyMarkdown)
	}
}
