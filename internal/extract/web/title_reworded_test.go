package web

import (
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/article"
)

func TestHTMLH1Reworded(t *testing.T) {
	for _, tc := range []struct {
		title string
		h1    []string
		want  string
	}{
		{"Neue Brücke über den Fluss", []string{"Stadtblatt", "Neue Brücke über den breiten Fluss"}, "Neue Brücke über den breiten Fluss"},        // trimmed for sharing
		{"Neue Brücke: Kein Zutritt mit Fahrrad", []string{"Neue Brücke: Kein Zugang mit Fahrrädern"}, "Neue Brücke: Kein Zugang mit Fahrrädern"}, // reworded
		{"Neue Brücke über den Fluss in Oststadt", []string{"Neue Brücke über den Fluss"}, ""},                                                    // the <h1> is shorter
		{"Stadt eröffnet neue Brücke über den Fluss", []string{"Neue Brücke über den Fluss eröffnet"}, ""},                                        // opens differently: another headline
		{"Neue Brücke über den Fluss", []string{"Verkehr Neue Brücke über den Fluss"}, ""},                                                        // a kicker added
		{"Neue Brücke über den Fluss", []string{"Neue Brücke über den Fluss | Stadtblatt"}, ""},                                                   // holds the title
		{"Neue Brücke über den Fluss", []string{"Neue Wege zum Wandern im Herbst"}, ""},                                                           // too little shared
	} {
		if got := htmlH1Reworded(tc.title, tc.h1); got != tc.want {
			t.Errorf("htmlH1Reworded(%q, %q) = %q, want %q", tc.title, tc.h1, got, tc.want)
		}
	}
}

// TestHTMLTitleFromH1: the visible <h1> wins over metadata that wraps it
// with a kicker (the JSON-LD headline too) or retouches it; otherwise the
// metadata stands.
func TestHTMLTitleFromH1(t *testing.T) {
	for _, tc := range []struct{ name, head, h1, want string }{
		{"json-ld kicker", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Chronik: Neue Brücke über den Fluss eröffnet"}</script>`,
			"Neue Brücke über den Fluss eröffnet", "Neue Brücke über den Fluss eröffnet"},
		{"og:title retouched", `<meta property="og:title" content="Neue Brücke: Kein Zutritt mit Fahrrad">`,
			"Neue Brücke: Kein Zugang mit Fahrrädern", "Neue Brücke: Kein Zugang mit Fahrrädern"},
		{"another headline", `<meta property="og:title" content="Stadt eröffnet neue Brücke über den Fluss">`,
			"Neue Brücke über den Fluss eröffnet", "Stadt eröffnet neue Brücke über den Fluss"},
		{"<title> with a label", `<title>Stadtwerke e.V.: Neue Brücke über den Fluss eröffnet</title>`,
			"Neue Brücke über den Fluss eröffnet", "Neue Brücke über den Fluss eröffnet"},
		{"<title> with a blog name, no <h1>", `<title>Ein Tag am Meer mit Hund | Kleines Reiseblog</title>`,
			"", "Ein Tag am Meer mit Hund"},
		{"<title> with a reference", `<title>Ferienhaus am Fluss (4022) - Ferienhaus Lindenau</title>`,
			"Ferienhaus am Fluss", "Ferienhaus am Fluss"},
		{"a kicker element in the <h1>", `<meta property="og:title" content="Neue Brücke über den Fluss eröffnet">` +
			`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Verkehr Neue Brücke über den Fluss eröffnet"}</script>`,
			"Verkehr Neue Brücke über den Fluss eröffnet", "Neue Brücke über den Fluss eröffnet"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(article.NewDump("", "", "text/html", []byte(htmlPage(tc.head, "<h1>"+tc.h1+"</h1>")), time.Time{}))
			if x.Metadata.Title != tc.want {
				t.Errorf("title = %q, want %q", x.Metadata.Title, tc.want)
			}
		})
	}
}
