package extract

import "testing"

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
