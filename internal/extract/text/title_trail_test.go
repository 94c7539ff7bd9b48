package text

import "testing"

func TestHeadlineOfTrail(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Home » Sport » Wie Musik dich schneller macht", "Wie Musik dich schneller macht"},
		{"Startseite / Reisen / 2021 / März / Ein Tag am Meer", "Ein Tag am Meer"},
		{"Forum>Telefone>Kein Netz seit dem Update", "Kein Netz seit dem Update"},
		{"Home › Local › Council keeps the pool open", "Council keeps the pool open"},
		// Not trails: a headline with a slash or an arrow of its own.
		{"Migration / Flucht: Vierzig Tage in Quarantäne", "Migration / Flucht: Vierzig Tage in Quarantäne"},
		{"Inflation > 5 %: Was jetzt hilft", "Inflation > 5 %: Was jetzt hilft"},
		{"Home » Sport", "Home » Sport"},
		{"Why the long first step of this line is no section name » Sport » Ein Tag", "Why the long first step of this line is no section name » Sport » Ein Tag"},
	} {
		if got := headlineOfTrail(tc.in); got != tc.want {
			t.Errorf("headlineOfTrail(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCloseSpaceBeforePunct(t *testing.T) {
	for _, tc := range []struct{ in, lang, want string }{
		{"Abrechnung : Musiker fordern neues Modell", "de", "Abrechnung: Musiker fordern neues Modell"},
		{"Rioja , Spanien", "de", "Rioja, Spanien"},
		{"Retraites : le gouvernement recule", "fr", "Retraites : le gouvernement recule"},
		{"Rioja , Espagne : les vins", "fr", "Rioja, Espagne : les vins"},
		{"Ratio 3 :1 im Finale", "de", "Ratio 3 :1 im Finale"},
	} {
		if got := closeSpaceBeforePunct(tc.in, tc.lang); got != tc.want {
			t.Errorf("closeSpaceBeforePunct(%q, %s) = %q, want %q", tc.in, tc.lang, got, tc.want)
		}
	}
}
