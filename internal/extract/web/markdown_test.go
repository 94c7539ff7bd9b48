package web

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pressroom/pressroom/internal/article"
)

// checkGoldenMarkdown compares md with the golden file at path, or
// rewrites the file under -update-html.
func checkGoldenMarkdown(t *testing.T, path, md string) {
	t.Helper()
	if *htmlUpdate {
		if err := os.WriteFile(path, []byte(md), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run with -update-html): %v", err)
	}
	if diff := cmp.Diff(string(want), md); diff != "" {
		t.Errorf("Markdown differs from %s (-want +got):\n%s", path, diff)
	}
}

// checkMarkdown checks what holds for every extraction's Markdown body:
// there is one exactly when there are paragraphs, and no text can open a
// tag in it.
func checkMarkdown(t *testing.T, x article.Extraction) {
	t.Helper()
	if (x.BodyMarkdown != "") != (len(x.Paragraphs) > 0) {
		t.Fatalf("BodyMarkdown %q for %d paragraphs", x.BodyMarkdown, len(x.Paragraphs))
	}
	if strings.Contains(x.BodyMarkdown, "<") {
		t.Fatalf("BodyMarkdown holds an unescaped '<': %q", x.BodyMarkdown)
	}
}

// TestParagraphsMarkdown pins the escaping rule: text that Markdown or HTML
// would read as markup comes out as literal text.
func TestParagraphsMarkdown(t *testing.T) {
	for _, tc := range []struct {
		name  string
		paras []string
		want  string
	}{
		{"none", nil, ""},
		{"plain", []string{"Plain text, with commas; and stops.", "Second one."}, "Plain text, with commas; and stops.\n\nSecond one."},
		{"html", []string{`<script>alert("x")</script> & <b>bold</b>`}, `&lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;`},
		{"entity stays text", []string{"&lt; is not <"}, "&amp;lt; is not &lt;"},
		{"heading", []string{"# Title", "### three"}, `\# Title` + "\n\n" + `\#\#\# three`},
		{"ordered list", []string{"1. one", "2024) two", "12 monkeys. Film"}, "1\\. one\n\n2024\\) two\n\n12 monkeys. Film"},
		{"bullets and breaks", []string{"- a", "+ b", "* c", "---", "===", "___"}, "\\- a\n\n\\+ b\n\n\\* c\n\n\\---\n\n\\===\n\n\\_\\_\\_"},
		{"inline", []string{"[x](y) ![i](j) *em* _em_ `code` ~~s~~ a|b \\n"}, `\[x\](y) !\[i\](j) \*em\* \_em\_ \` + "`" + `code\` + "`" + ` \~\~s\~\~ a\|b \\n`},
		{"quote", []string{"> quoted"}, "&gt; quoted"},
		{"indented code", []string{"    code()", "\tcode()"}, "code()\n\ncode()"},
		{"mid-line markers stay", []string{"Score 3-1 + 2 = 5. Done"}, "Score 3-1 + 2 = 5. Done"},
		{"line breaks", []string{"one\n# two\r\n  three  \n\n\nfour"}, "one  \n\\# two  \nthree  \nfour"},
		{"blank", []string{" \t\n", "kept"}, "kept"},
		{"unicode", []string{"Ünïcödé — “quotes” 東京"}, "Ünïcödé — “quotes” 東京"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ParagraphsMarkdown(tc.paras); got != tc.want {
				t.Errorf("ParagraphsMarkdown(%q)\n got %q\nwant %q", tc.paras, got, tc.want)
			}
		})
	}
}

// TestHTMLMarkdown_ArticleBodyFallback: when the JSON-LD articleBody
// replaces the markup's paragraphs, the Markdown is those paragraphs,
// plain.
func TestHTMLMarkdown_ArticleBodyFallback(t *testing.T) {
	long := strings.Repeat("The text of the *story* lives only in the structured data of this page. ", 5)
	page := `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","articleBody":"# ` +
		long + `\n1. ` + long + `"}</script></head><body><div id="app"><h2>Loading the story</h2></div></body></html>`
	x := Extract(article.NewDump("", "", "text/html", []byte(page), time.Time{}))
	if len(x.Paragraphs) != 2 {
		t.Fatalf("Paragraphs = %q, want the two of articleBody", x.Paragraphs)
	}
	if want := ParagraphsMarkdown(x.Paragraphs); x.BodyMarkdown != want {
		t.Errorf("BodyMarkdown = %q, want %q", x.BodyMarkdown, want)
	}
	if !strings.HasPrefix(x.BodyMarkdown, `\# The text of the \*story\*`) {
		t.Errorf("BodyMarkdown = %q", x.BodyMarkdown)
	}
}

// TestHTMLMarkdown_DeepListItem: a block nested deeper in its list item
// than the walk to the list goes is still a list item.
func TestHTMLMarkdown_DeepListItem(t *testing.T) {
	deep := strings.Repeat("<div>", 2*maxListWalk)
	end := strings.Repeat("</div>", 2*maxListWalk)
	p := strings.Repeat("Words of a list item that the page nests very deep inside its markup. ", 3)
	page := `<html><body><article><p>` + p + `</p><ul><li>` + deep + `<p>First ` + p + `</p><p>Second ` + p + `</p>` + end +
		`</li></ul></article></body></html>`
	x := Extract(article.NewDump("", "", "text/html", []byte(page), time.Time{}))
	want := strings.TrimSpace(p) + "\n\n- First " + strings.TrimSpace(p) + "\n- Second " + strings.TrimSpace(p)
	if x.BodyMarkdown != want {
		t.Errorf("BodyMarkdown = %q, want %q (paragraphs %q)", x.BodyMarkdown, want, x.Paragraphs)
	}
}
