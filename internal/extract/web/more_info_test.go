package web

import (
	"strings"
	"testing"
)

// TestHTMLMoreInfo checks that a "More information" box under the story
// ends the body with its heading, even when its pointers are sentences,
// while one followed by much more of the story stays.
func TestHTMLMoreInfo(t *testing.T) {
	pointer := "Find the timetable and the prices for the winter season on the pool's own page."
	tests := []htmlLinesCase{
		{name: "box under the story", html: "<h2>More information</h2><ul><li>" + pointer + "</li></ul>",
			lines: []string{"More information", pointer}, dropped: true},
		{name: "German label", html: "<div>Weitere Informationen</div><p>Hallenbad Nord: Öffnungszeiten und Preise (Stadtwerke)</p>",
			lines: []string{"Weitere Informationen", "Hallenbad Nord: Öffnungszeiten und Preise (Stadtwerke)"}, dropped: true},
		{name: "followed by much more story", html: "<h2>More information</h2><p>" + pointer + "</p><p>" + strings.Join(htmlPoolMore, "</p><p>") + "</p>",
			lines: []string{"More information", pointer}},
	}
	runHTMLLinesCases(t, tests, htmlPoolStoryThen)
}
