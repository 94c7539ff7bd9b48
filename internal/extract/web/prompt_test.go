package web

import (
	"slices"
	"testing"
)

// TestHTMLPrompts checks that a newsletter prompt printed between two
// paragraphs of the body leaves it, and that a line that only mentions a
// social network, which signs a story off at its end, stays in the middle.
func TestHTMLPrompts(t *testing.T) {
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
			body := htmlPoolStoryAround(t, "<p>"+tc.line+"</p>")
			if kept := slices.Contains(body, tc.line); kept == tc.dropped {
				t.Errorf("line %q kept = %v, want %v; got %q", tc.line, kept, !tc.dropped, body)
			}
		})
	}
}
