package web

import (
	"slices"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
)

// TestHTMLOrphanHeadings checks that a heading over nothing but links
// (or a question over them) is dropped with its links, and that headings
// over text, over a subsection, and a label with a colon over a list of
// sources stay.
func TestHTMLOrphanHeadings(t *testing.T) {
	// Three paragraphs: under the article's worth at which a label with a
	// colon over a small tail ends it (htmlEndAtAppendix).
	story := slices.Clip(htmlPoolStory[:3])
	links := `<ul><li><a href="/a">Bakery opens on the high street</a></li><li><a href="/b">Library stays open late</a></li><li><a href="/c">Trees along the river</a></li></ul>`
	section := "The repairs will be paid from the reserve fund, which the council built up over the last five years for emergencies of this kind."
	tests := []struct {
		name    string
		tail    string
		kept    []string
		dropped []string
	}{
		{name: "heading over links", tail: "<h3>More on this topic</h3>" + links, dropped: []string{"More on this topic"}},
		{name: "question over links", tail: "<p>Already seen this?</p>" + links, dropped: []string{"Already seen this?"}},
		{name: "heading over links, then a section", tail: "<h2>Related</h2>" + links + "<h2>Who pays</h2><p>" + section + "</p>",
			kept: []string{"Who pays", section}, dropped: []string{"Related"}},
		{name: "heading over a subsection", tail: "<h2>The money</h2><h3>Who pays</h3><p>" + section + "</p>",
			kept: []string{"The money", "Who pays", section}},
		{name: "label with a colon over sources", tail: "<p>Sources used:</p>" + links, kept: []string{"Sources used:"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := "<html><body><article><h1>Council keeps the pool open</h1><p>" + strings.Join(story, "</p><p>") + "</p>" + tc.tail + "</article></body></html>"
			x := Extract(&article.Dump{Body: []byte(page), ContentType: "text/html"})
			if x.Err != nil {
				t.Fatalf("Extract: %v", x.Err)
			}
			for _, p := range slices.Concat(story, tc.kept) {
				if !slices.Contains(x.Paragraphs, p) {
					t.Errorf("body lost %q; got %q", p, x.Paragraphs)
				}
			}
			for _, s := range tc.dropped {
				if slices.Contains(x.Paragraphs, s) {
					t.Errorf("body kept the orphan heading %q", s)
				}
			}
		})
	}
}
