package extract

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
	story := []string{
		"The council voted on Tuesday to keep the public pool open through the winter, reversing a decision it made in the spring after residents packed three meetings to object to the closure of the building.",
		"The pool will now close for two weeks in January for repairs to its heating system, the council said, and reopen with longer hours on weekends and a new class for beginners who want to learn.",
		"Members who had argued for the closure said the repairs would cost more than the budget allows, but agreed to revisit the figures at the next meeting in March with the auditor present.",
	}
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
			for _, p := range append(story, tc.kept...) {
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
