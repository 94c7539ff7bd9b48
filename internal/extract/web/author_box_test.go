package web

import (
	"slices"
	"strings"
	"testing"
)

// TestHTMLAuthorBox checks that a box about the author under the story
// ends the body with its heading, while one followed by much of the
// story's end, and a section headed otherwise, stay.
func TestHTMLAuthorBox(t *testing.T) {
	bio := "Sam Reed has covered the council for ten years and swims there on Sundays."
	tests := []struct {
		name    string
		after   string
		lines   []string
		dropped bool
	}{
		{name: "box under the story", after: "<h3>About the author</h3><p>" + bio + "</p>",
			lines: []string{"About the author", bio}, dropped: true},
		{name: "German box", after: "<h3>Über die Autorin</h3><p>" + bio + "</p>",
			lines: []string{"Über die Autorin", bio}, dropped: true},
		{name: "box followed by much more story", after: "<h3>The author</h3><p>" + bio + "</p><p>" + strings.Join(htmlPoolMore, "</p><p>") + "</p>",
			lines: []string{"The author", bio}},
		{name: "a closing section headed otherwise", after: "<h3>What happens next</h3><p>" + bio + "</p>",
			lines: []string{"What happens next", bio}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body := htmlPoolStoryThen(t, tc.after)
			for _, line := range tc.lines {
				if kept := slices.Contains(body, line); kept == tc.dropped {
					t.Errorf("line %q kept = %v, want %v; got %q", line, kept, !tc.dropped, body)
				}
			}
		})
	}
}

// htmlPoolMore continues htmlPoolStory: four more paragraphs of prose.
var htmlPoolMore = []string{
	"Parents at the meeting asked whether the beginners' class would be free, and the council said it would set the price after the repairs.",
	"The heating system was installed in 1987 and has broken down twice in the past three winters, leaving the water too cold for lessons.",
	"A petition to keep the pool open collected more than four thousand signatures in a month, the largest the council has received.",
	"The auditor is expected to report on the repair estimates before the end of February, a week before the work is due to start.",
}
