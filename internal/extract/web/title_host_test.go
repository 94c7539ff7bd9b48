package web

import "testing"

func TestHTMLStripHost(t *testing.T) {
	for _, tc := range []struct{ url, title, want string }{
		{"https://www.stadtblatt.example/lokal/1", "Neue Brücke über den Fluss eröffnet - Stadt Blatt", "Neue Brücke über den Fluss eröffnet"},
		{"https://stadtblatt.example/a", "STADTBLATT | Neue Brücke über den Fluss eröffnet", "Neue Brücke über den Fluss eröffnet"},
		{"https://www.festspiele2030.example/", "Proben beginnen im Mai - Sommer Festspiele2030", "Proben beginnen im Mai"},
		{"https://stadtblatt.example/a", "Neue Brücke über den Fluss eröffnet - Leser fragen", "Neue Brücke über den Fluss eröffnet - Leser fragen"}, // not the host
		{"https://stadtblatt.example/a", "Stadtblatt - Impressum", "Stadtblatt - Impressum"},                                                         // too little left
		{"https://stadtblatt.example/a", "Neue Brücke - Das Stadtblatt und seine vielen treuen Leser", "Neue Brücke - Das Stadtblatt und seine vielen treuen Leser"},
		{"", "Neue Brücke über den Fluss eröffnet - Stadtblatt", "Neue Brücke über den Fluss eröffnet - Stadtblatt"},
	} {
		if got := htmlStripHost(tc.title, htmlHostName(tc.url)); got != tc.want {
			t.Errorf("htmlStripHost(%q, %q) = %q, want %q", tc.title, tc.url, got, tc.want)
		}
	}
}
