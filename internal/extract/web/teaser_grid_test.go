package web

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
)

// TestHTMLTeaserGridAfterArticle checks that a grid of teasers after the
// article (the same few blocks repeated, with excerpts of one length) is
// dropped, and that an article's own repeated shapes stay: sections of
// unequal length, and a ranked list whose entries are whole paragraphs.
func TestHTMLTeaserGridAfterArticle(t *testing.T) {
	story := htmlPoolStory
	excerpts := []string{
		"A new bakery opens on the high street after a year of delays, and its owners say the first queue went round the block.",
		"The library will stay open late on Thursdays from next month, the first change to its opening hours in a decade or more.",
		"Volunteers planted three hundred trees along the river path at the weekend, finishing a project that began two years ago.",
		"The market moves to the station square for the summer while the old hall is rebuilt, traders were told at a meeting.",
	}
	long := func(s string) string { return s + " " + s + " " + s + " " + s }
	var storyHTML strings.Builder
	for _, p := range story {
		storyHTML.WriteString("<p>" + p + "</p>")
	}
	grid := func(cut string, linked bool) string {
		a, end := `<a href="/story">`, "</a>"
		if !linked {
			a, end = "<span>", "</span>" // links on the teaser's picture, which holds no text
		}
		var b strings.Builder
		b.WriteString("<h3>More from the town</h3><ul>")
		for i, e := range excerpts {
			fmt.Fprintf(&b, `<li><h4>%sHeadline number %d of the week%s</h4><p>%s%s</p><div>%sRead more%s</div></li>`, a, i, end, e, cut, a, end)
		}
		b.WriteString("</ul>")
		return b.String()
	}
	sections := ""
	for i, e := range excerpts {
		// Sections of an article: headings over paragraphs of unequal length.
		sections += fmt.Sprintf("<h2>Part %d</h2><p>%s</p>", i, strings.Repeat(e+" ", i+1))
	}
	ranked := ""
	for i, e := range excerpts {
		// A ranked list: a linked heading over a whole paragraph each.
		ranked += fmt.Sprintf(`<h3><a href="/item/%d">%d) Item</a></h3><p>%s</p><p>Available at <a href="/shop">the shop</a>.</p>`, i, 4-i, long(e))
	}
	tests := []struct {
		name    string
		after   string
		kept    []string
		dropped []string
	}{
		{name: "linked grid", after: grid("", true), dropped: excerpts},
		{name: "grid cut with an ellipsis", after: grid(" …", false), dropped: excerpts},
		{name: "grid neither linked nor cut", after: grid("", false), kept: excerpts},
		{name: "sections of unequal length", after: sections, kept: excerpts},
		{name: "ranked list of paragraphs", after: ranked, kept: excerpts},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := "<html><body><article><h1>Council keeps the pool open</h1>" + storyHTML.String() + tc.after + "</article></body></html>"
			x := Extract(&article.Dump{Body: []byte(page), ContentType: "text/html"})
			if x.Err != nil {
				t.Fatalf("Extract: %v", x.Err)
			}
			body := strings.Join(x.Paragraphs, "\n")
			for _, p := range slices.Concat(story, tc.kept) {
				if !strings.Contains(body, p) {
					t.Errorf("body lost %q", p[:40])
				}
			}
			for _, s := range tc.dropped {
				if strings.Contains(body, s) {
					t.Errorf("body kept the teaser %q", s[:40])
				}
			}
		})
	}
}
