package web

import (
	"slices"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
)

// TestHTMLRepeatedFurniture checks that a block the page prints again in
// furniture outside the article (an appeal in a popup) is dropped from the
// article's end, and that the article's lead, which a box of related
// links repeats, stays.
func TestHTMLRepeatedFurniture(t *testing.T) {
	story := htmlPoolStory
	appeal := "Good local reporting costs money. Support our newsroom with a monthly contribution of your choice today."
	tests := []struct {
		name    string
		inside  string // at the article's end
		outside string // in furniture after the article
		kept    []string
		dropped []string
	}{
		{name: "appeal repeated in a popup", inside: "<p>" + appeal + "</p>", outside: `<div class="newsletter-popup"><p>` + appeal + "</p></div>",
			dropped: []string{appeal}},
		{name: "appeal printed once", inside: "<p>" + appeal + "</p>", outside: `<div class="newsletter-popup"><p>Sign up.</p></div>`,
			kept: []string{appeal}},
		{name: "lead repeated in related links", outside: `<div class="related"><p>` + story[0] + "</p></div>", kept: story[:1]},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := "<html><body><article><h1>Council keeps the pool open</h1><p>" + strings.Join(story, "</p><p>") + "</p>" + tc.inside +
				"</article>" + tc.outside + "</body></html>"
			x := Extract(&article.Dump{Body: []byte(page), ContentType: "text/html"})
			if x.Err != nil {
				t.Fatalf("Extract: %v", x.Err)
			}
			for _, p := range slices.Concat(story, tc.kept) {
				if !slices.Contains(x.Paragraphs, p) {
					t.Errorf("body lost %q", p[:40])
				}
			}
			for _, s := range tc.dropped {
				if slices.Contains(x.Paragraphs, s) {
					t.Errorf("body kept the repeated block %q", s[:40])
				}
			}
		})
	}
}
