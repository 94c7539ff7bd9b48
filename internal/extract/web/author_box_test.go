package web

import (
	"strings"
	"testing"
)

// TestHTMLAuthorBox checks that a box about the author under the story
// ends the body with its heading, while one followed by much of the
// story's end, and a section headed otherwise, stay.
func TestHTMLAuthorBox(t *testing.T) {
	bio := "Sam Reed has covered the council for ten years and swims there on Sundays."
	tests := []htmlLinesCase{
		{name: "box under the story", html: "<h3>About the author</h3><p>" + bio + "</p>",
			lines: []string{"About the author", bio}, dropped: true},
		{name: "German box", html: "<h3>Über die Autorin</h3><p>" + bio + "</p>",
			lines: []string{"Über die Autorin", bio}, dropped: true},
		{name: "box followed by much more story", html: "<h3>The author</h3><p>" + bio + "</p><p>" + strings.Join(htmlPoolMore, "</p><p>") + "</p>",
			lines: []string{"The author", bio}},
		{name: "a closing section headed otherwise", html: "<h3>What happens next</h3><p>" + bio + "</p>",
			lines: []string{"What happens next", bio}},
	}
	runHTMLLinesCases(t, tests, htmlPoolStoryThen)
}
