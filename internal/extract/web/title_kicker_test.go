package web

import "testing"

func TestHTMLH1EndsWith(t *testing.T) {
	for _, tc := range []struct {
		title string
		h1    []string
		want  bool
	}{
		{"Große Pläne für die neue Regierung", []string{"Politik Große Pläne für die neue Regierung"}, true},
		{"Wie Firmen ihre Leute schützen", []string{"Abstand und Fieber : Wie Firmen ihre Leute schützen"}, true},
		{"Seven rules hotels keep quiet", []string{"The seven rules hotels keep quiet"}, true},
		// A "Topic: statement" headline is whole; a sentence is no kicker.
		{"Musiker fordern neues Modell", []string{"Abrechnung: Musiker fordern neues Modell"}, false},
		{"Musiker fordern neues Modell", []string{"Nach langem Streit mit den großen Plattformen Musiker fordern neues Modell"}, false},
		{"Musiker fordern neues Modell", []string{"Musiker fordern neues Modell"}, false},
		{"Kurz", []string{"Politik Kurz"}, false},
	} {
		if got := htmlH1EndsWith(tc.title, tc.h1); got != tc.want {
			t.Errorf("htmlH1EndsWith(%q, %q) = %v, want %v", tc.title, tc.h1, got, tc.want)
		}
	}
}

func TestHTMLTitleBeforeBars(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Ein Tag am Meer mit Hund | Kleines Reiseblog", "Ein Tag am Meer mit Hund"},
		{"Kein Netz seit dem Update? | Telefone | Forum", "Kein Netz seit dem Update?"},
		{"Reiseblog | Ein Tag am Meer mit dem Hund", "Reiseblog | Ein Tag am Meer mit dem Hund"}, // the name comes first
		{"Impressum | Kleines Reiseblog am Meer", "Impressum | Kleines Reiseblog am Meer"},       // a one-word label
		{"Ein Tag am Meer mit Hund", "Ein Tag am Meer mit Hund"},
	} {
		if got := htmlTitleBeforeBars(tc.in); got != tc.want {
			t.Errorf("htmlTitleBeforeBars(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
