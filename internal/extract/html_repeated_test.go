package extract

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
	story := []string{
		"The council voted on Tuesday to keep the public pool open through the winter, reversing a decision it made in the spring after residents packed three meetings to object to the closure of the building.",
		"The pool will now close for two weeks in January for repairs to its heating system, the council said, and reopen with longer hours on weekends and a new class for beginners who want to learn.",
		"Members who had argued for the closure said the repairs would cost more than the budget allows, but agreed to revisit the figures at the next meeting in March with the auditor present.",
		"Residents who spoke at the meetings said the pool was the only place in the district where children could learn to swim in winter, and that the next nearest was an hour away by bus.",
		"The vote was twelve to three. The three members who voted against said they would ask the auditor to look at the repair estimates before the work begins in the new year.",
		"A spokesperson for the swimming club said its members were delighted and would help to raise money for the repairs with a sponsored swim in the spring, as it did four years ago.",
	}
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
			for _, p := range append(story, tc.kept...) {
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
