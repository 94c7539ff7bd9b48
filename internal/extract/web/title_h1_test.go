package web

import "testing"

func TestHTMLH1Within(t *testing.T) {
	h1 := []string{"Stadtblatt", "Neue Brücke über den Fluss eröffnet"}
	for _, tc := range []struct{ title, want string }{
		{"Neue Brücke über den Fluss eröffnet - Stadtblatt Online", "Neue Brücke über den Fluss eröffnet"},
		{"Verkehr: Neue Brücke über den Fluss eröffnet", "Neue Brücke über den Fluss eröffnet"},
		{"Neue Brücke über den Fluss eröffnet (Stadtblatt)", "Neue Brücke über den Fluss eröffnet"},
		{"Neue Brücke über den Fluss eröffnet", ""},                       // the same: nothing to repair
		{"Neue Brücke über den Fluss eröffnete sich", ""},                 // not at a word boundary
		{"Opinion | Neue Brücke über den Fluss eröffnet", ""},             // a one-word rubric
		{"Neue Brücke über den Fluss eröffnet | Editorial", ""},           // a one-word rubric
		{"Stadtblatt: Leser fragen, Redaktion antwortet", ""},             // the short <h1> is the site
		{"Gestern: Neue Brücke über den Fluss eröffnet - Stadtblatt", ""}, // in the middle: left to the site-name rules
	} {
		if got := htmlH1Within(tc.title, h1); got != tc.want {
			t.Errorf("htmlH1Within(%q) = %q, want %q", tc.title, got, tc.want)
		}
	}
}

// TestHTMLStripSiteLongestH1: a page that prints its site name as an <h1>
// too keeps the headline part of <title>.
func TestHTMLStripSiteLongestH1(t *testing.T) {
	got := htmlStripSite("Ein Tag am Meer mit Hund | Kleines Reiseblog", nil, []string{"Kleines Reiseblog", "Ein Tag am Meer mit Hund"})
	if got != "Ein Tag am Meer mit Hund" {
		t.Errorf("htmlStripSite = %q", got)
	}
}
