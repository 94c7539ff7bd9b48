package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
)

// TestHTMLPrompts checks that a newsletter prompt printed between two
// paragraphs of the body leaves it, and that a line that only mentions a
// social network, which signs a story off at its end, stays in the middle.
func TestHTMLPrompts(t *testing.T) {
	story := htmlPoolStory
	tests := []struct {
		name    string
		line    string
		dropped bool
	}{
		{name: "newsletter prompt", line: "Never miss a story from the valley: get our newsletter every morning!", dropped: true},
		{name: "newsletter prompt in German", line: "Jetzt zum Newsletter anmelden und nichts mehr verpassen", dropped: true},
		{name: "a sentence naming a social network", line: "The club posted the news on Twitter on Tuesday evening, an hour after the vote."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := "<html><body><article><h1>Council keeps the pool open</h1><p>" + strings.Join(story[:3], "</p><p>") + "</p><p>" +
				tc.line + "</p><p>" + strings.Join(story[3:], "</p><p>") + "</p></article></body></html>"
			x := Extract(&article.Dump{Body: []byte(page), ContentType: "text/html"})
			if x.Err != nil {
				t.Fatalf("Extract: %v", x.Err)
			}
			for _, p := range story {
				if !slices.Contains(x.Paragraphs, p) {
					t.Errorf("body lost %q; got %q", p, x.Paragraphs)
				}
			}
			if kept := slices.Contains(x.Paragraphs, tc.line); kept == tc.dropped {
				t.Errorf("line %q kept = %v, want %v; got %q", tc.line, kept, !tc.dropped, x.Paragraphs)
			}
		})
	}
}
