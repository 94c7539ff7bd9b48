package extract

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/extracttest"
	"github.com/pressroom/pressroom/internal/extract/text"
)

// checkInvariants asserts what every extraction must satisfy, whatever the
// input: no internal error, paragraphs taken in order from the input's
// lines, valid UTF-8 in NFC, no blank-line breaks inside a paragraph,
// plausible dates.
func checkInvariants(t *testing.T, d *article.Dump, x article.Extraction) {
	t.Helper()
	if errors.Is(x.Err, errInternal) {
		t.Fatalf("internal error: %v", x.Err)
	}
	if x.Version != Version {
		t.Fatalf("Version = %d, want %d", x.Version, Version)
	}
	inner, _ := unwrapDump(d)
	lines := text.InputLines(inner)
	j := 0
	for _, p := range x.Paragraphs {
		if p == "" || strings.Contains(p, "\n\n") || strings.TrimSpace(p) != p {
			t.Fatalf("malformed paragraph %q", p)
		}
		if !utf8.ValidString(p) || !norm.NFC.IsNormalString(p) {
			t.Fatalf("paragraph not valid NFC UTF-8: %q", p)
		}
		found := false
		for ; j < len(lines); j++ {
			if lines[j] == p || j+1 < len(lines) && lines[j]+lines[j+1] == p {
				found = true
				j++
				break
			}
		}
		if !found {
			t.Fatalf("paragraph %q is not an input line in order", p)
		}
	}
	if len(x.Paragraphs) == 0 && !errors.Is(x.Err, article.ErrUnextractable) {
		t.Fatalf("no paragraphs but Err = %v", x.Err)
	}
	m := x.Metadata
	for _, s := range append(append([]string{m.Title, m.SiteName, m.Location, m.OriginalPublisher, m.Language}, m.Authors...), append(m.Agencies, m.Sponsors...)...) {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 in metadata %q", s)
		}
	}
	if p := m.Published; p != nil {
		if y := p.Time.Year(); y < 1990 || y > 2100 {
			t.Fatalf("published year %d", y)
		}
	}
	for _, dr := range x.Diagnostics.Dropped {
		if dr.Label == "" || dr.Line <= 0 {
			t.Fatalf("dropped block without label or line: %+v", dr)
		}
	}
	for _, f := range x.Diagnostics.Fields {
		if f.Confidence < 0 || f.Confidence > 1 || f.Rule == "" {
			t.Fatalf("bad field diagnostics %+v", f)
		}
	}
}

func TestInvariantsOnFixtures(t *testing.T) {
	paths, _ := os.ReadDir("testdata")
	for _, e := range paths {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".golden.json") {
			continue
		}
		d := readFixture(t, "testdata/"+e.Name())
		checkInvariants(t, d, Extract(d))
	}
}

func TestExtractHTMLFallback(t *testing.T) {
	page := `<!doctype html><html><head><title>x</title><script>var a = "<p>no</p>";</script></head>
<body><nav><a href="/">Home</a><a href="/news">News</a></nav>
<h1>Council approves the new bridge after a long debate</h1>
<p class="byline">By Jane Doe</p>
<p>The city council voted on Tuesday to approve the construction of a new bridge across the river, ending a debate that lasted for more than two years.</p>
<p>Supporters said the bridge would cut commuting times for thousands of residents, while opponents worried about the cost and the impact on the riverbank.</p>
<footer>&copy; 2025 Example Gazette. All rights reserved.</footer></body></html>`
	d := article.NewDump("", "", "text/html", []byte(page), extracttest.ReceivedAt)
	x := Extract(d)
	checkInvariants(t, d, x)
	if x.Input != article.InputHTML {
		t.Errorf("Input = %q, want html", x.Input)
	}
	if x.Metadata.Title != "Council approves the new bridge after a long debate" {
		t.Errorf("Title = %q", x.Metadata.Title)
	}
	if len(x.Paragraphs) != 2 {
		t.Errorf("Paragraphs = %q, want the two paragraphs", x.Paragraphs)
	}
	for _, p := range x.Paragraphs {
		if strings.Contains(p, "<") || strings.Contains(p, "var a") {
			t.Errorf("markup or script in body: %q", p)
		}
	}
}

func TestExtractEnvelope(t *testing.T) {
	env := `{"url":"https://example.com/2019/11/19/council-approves-bridge","source":"s","content_type":"text/plain",` +
		`"content":"Council approves bridge\n\nThe city council voted on Tuesday to approve the construction of a new bridge across the river, ending a long debate.\n\nSupporters said the bridge would cut commuting times for thousands of residents every single day."}`
	d := article.NewDump("", "", "application/json", []byte(env), extracttest.ReceivedAt)
	x := Extract(d)
	checkInvariants(t, d, x)
	if x.Metadata.URL != "https://example.com/2019/11/19/council-approves-bridge" {
		t.Errorf("URL = %q", x.Metadata.URL)
	}
	if x.Metadata.Published.Day() != "2019-11-19" {
		t.Errorf("Published = %v, want the URL's day", x.Metadata.Published)
	}
	if x.Metadata.Title != "Council approves bridge" {
		t.Errorf("Title = %q", x.Metadata.Title)
	}
}

// TestExtractEnvelopeHTML: an envelope is unwrapped before the format is
// sniffed, so the page it carries extracts exactly as the page posted raw.
func TestExtractEnvelopeHTML(t *testing.T) {
	files, err := filepath.Glob("web/testdata/html/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	const url = "https://fixture.example/2025/03/04/a-story"
	for _, f := range files {
		page, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(page) {
			continue // a JSON string holds UTF-8 only
		}
		for _, ctype := range []string{"", "text/html; charset=utf-8"} {
			t.Run(filepath.Base(f)+"/"+ctype, func(t *testing.T) {
				env, err := json.Marshal(map[string]string{"url": url, "content_type": ctype, "content": string(page)})
				if err != nil {
					t.Fatal(err)
				}
				raw := Extract(article.NewDump("test", url, ctype, page, extracttest.ReceivedAt))
				got := Extract(article.NewDump("test", "", "application/json", env, extracttest.ReceivedAt))
				if got.Input != article.InputHTML {
					t.Errorf("Input = %q, want html", got.Input)
				}
				if !reflect.DeepEqual(got, raw) {
					t.Errorf("enveloped page extracts differently:\n got %+v\nraw %+v", got, raw)
				}
			})
		}
	}
}

func TestExtractLatin1(t *testing.T) {
	body := []byte("Caf\xe9 owners protest\n\nThe owners of the caf\xe9s in the old town protested on Monday against the new rules on terraces, which they say will ruin the summer season.\n")
	d := article.NewDump("", "", "text/plain; charset=iso-8859-1", body, extracttest.ReceivedAt)
	x := Extract(d)
	checkInvariants(t, d, x)
	if len(x.Paragraphs) == 0 || !strings.Contains(x.Paragraphs[0], "cafés") {
		t.Errorf("Paragraphs = %q, want decoded Latin-1", x.Paragraphs)
	}
}

func FuzzExtract(f *testing.F) {
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed, "")
	f.Add([]byte("By Jane Doe\nJul 2, 2025\n\nA sentence that is long enough to be a paragraph of an article, with words.\n"), "https://example.com/2025/07/02/a-b-c")
	f.Add([]byte("<html><body><p>Hello <b>world</b></p></body></html>"), "")
	f.Add([]byte(`{"content":"Title\n\nBody text here.","url":"http://x/y"}`), "")
	f.Add([]byte("H\n\nong Kong is burning.\n\n\u00a0\u200b\r\n"), "::")
	f.Fuzz(func(t *testing.T, body []byte, url string) {
		d := article.NewDump("fuzz", url, "", body, extracttest.ReceivedAt)
		checkInvariants(t, d, Extract(d))
	})
}

// FuzzTextExtract keeps the fuzzer on the text front-end: the dump is
// labelled text/plain (with a charset the fuzzer picks among real ones), so
// only bodies that start like an HTML document leave it.
func FuzzTextExtract(f *testing.F) {
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed, uint8(0))
	f.Add([]byte("Harbour plan clears the vote\n\nBy Ana Silva\n\nMarch 4, 2025\n\nThe council voted on Tuesday, ending a debate that lasted two years.\n"), uint8(0))
	f.Add([]byte("caf\xe9 cr\xe8me\n\nLatin-1 text that says it is UTF-8, with sentences.\n"), uint8(1))
	f.Add([]byte("\xff\xfeH\x00i\x00\n\x00"), uint8(3))
	f.Add([]byte("a\x00b\x00\r\r\n\u2028\u00a0\u200b\ufeff\n\n\n"), uint8(0))
	charsets := []string{"", "; charset=utf-8", "; charset=iso-8859-1", "; charset=utf-16le", "; charset=shift_jis", "; charset=nonsense"}
	f.Fuzz(func(t *testing.T, body []byte, cs uint8) {
		d := article.NewDump("fuzz", "https://e.example/2025/03/04/harbour-plan", "text/plain"+charsets[int(cs)%len(charsets)], body, extracttest.ReceivedAt)
		checkInvariants(t, d, Extract(d))
	})
}

// TestLineLimit: a dump of more than text.MaxLines lines is refused early as
// unextractable, wrapping ErrLimit, and one of 100,000 lines is not.
func TestLineLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	tests := []struct {
		name    string
		body    []byte
		wantErr error
	}{
		{"100k lines", extracttest.LinesDump(100_000), nil},
		{"1M lines", []byte(strings.Repeat("A line.\n", 1_000_000)), ErrLimit},
		{"blank lines count too", []byte(strings.Repeat("\n", text.MaxLines) + "A line of the article."), ErrLimit},
		{"envelope", []byte(`{"url":"https://example.com/a","content":"` + strings.Repeat(`A line.\n`, 1_000_000) + `"}`), ErrLimit},
	}
	for _, tt := range tests {
		x := Extract(article.NewDump("", "", "text/plain", tt.body, extracttest.ReceivedAt))
		switch {
		case tt.wantErr == nil && x.Err != nil:
			t.Errorf("%s: Err = %v", tt.name, x.Err)
		case tt.wantErr != nil && (!errors.Is(x.Err, tt.wantErr) || !errors.Is(x.Err, article.ErrUnextractable)):
			t.Errorf("%s: Err = %v, want %v wrapping %v", tt.name, x.Err, article.ErrUnextractable, tt.wantErr)
		case tt.wantErr != nil && (len(x.Paragraphs) > 0 || x.Diagnostics.Input != article.InputText):
			t.Errorf("%s: refused with %d paragraphs, diagnostics input %q", tt.name, len(x.Paragraphs), x.Diagnostics.Input)
		}
	}
}
