package lexicon

import (
	"strings"
	"testing"
)

func TestMonth(t *testing.T) {
	tests := []struct {
		word string
		want int
	}{
		{"july", 7}, {"juli", 7}, {"juillet", 7}, {"julio", 7}, {"luglio", 7}, {"julho", 7},
		{"lipca", 7}, {"července", 7}, {"július", 7}, {"heinäkuuta", 7}, {"июля", 7}, {"يوليو", 7},
		{"mai", 5}, {"maj", 5}, {"mei", 5}, {"mrt", 3}, {"márc", 3}, {"listopadu", 11}, {"listopada", 11},
		{"sept", 9}, {"desember", 12},
		{"monday", 0}, {"", 0}, {"march!", 0},
	}
	for _, tt := range tests {
		if got := Month(tt.word); got != tt.want {
			t.Errorf("Month(%q) = %d, want %d", tt.word, got, tt.want)
		}
	}
}

// TestMonthListsComplete: every list names twelve months, so a word's
// position is its month.
func TestMonthListsComplete(t *testing.T) {
	for lang, lists := range months {
		for _, l := range lists {
			if n := len(strings.Fields(l)); n != 12 {
				t.Errorf("%s: %d months in %q", lang, n, l)
			}
		}
	}
	for lang, lists := range weekdays {
		if n := len(strings.Fields(lists[0])); n != 7 {
			t.Errorf("%s: %d weekdays in %q", lang, n, lists[0])
		}
	}
}

func TestWeekdayConjunctionZone(t *testing.T) {
	for _, w := range []string{"monday", "freitag", "mercredi", "sábado", "segunda", "środa", "vasárnap", "пятница"} {
		if !Weekday(w) {
			t.Errorf("Weekday(%q) = false", w)
		}
	}
	for _, w := range []string{"and", "und", "et", "y", "en", "i", "och", "og", "és", "и"} {
		if !Conjunction(w) {
			t.Errorf("Conjunction(%q) = false", w)
		}
	}
	if Conjunction("a") {
		t.Error(`Conjunction("a") = true: it is also an initial`)
	}
	if m, generic, ok := Zone("et"); !ok || !generic || m != -300 {
		t.Errorf(`Zone("et") = %d, %v, %v`, m, generic, ok)
	}
	if m, generic, ok := Zone("ist"); !ok || generic || m != 330 {
		t.Errorf(`Zone("ist") = %d, %v, %v`, m, generic, ok)
	}
}

func TestCuesLongestFirst(t *testing.T) {
	for i := 1; i < len(Cues); i++ {
		if len(Cues[i].Text) > len(Cues[i-1].Text) {
			t.Fatalf("cue %q after the shorter %q", Cues[i].Text, Cues[i-1].Text)
		}
	}
}

func TestDateCue(t *testing.T) {
	tests := []struct {
		before string
		want   int
	}{
		{"published ", 1}, {"veröffentlicht am ", 1}, {"publié le ", 1}, {"erstellt am: ", 1}, {"created on ", 1},
		{"updated ", -1}, {"aktualisiert am ", -1}, {"mis à jour le ", -1}, {"", 0}, {"von anna ", 0},
	}
	for _, tt := range tests {
		if got := DateCue(tt.before); got != tt.want {
			t.Errorf("DateCue(%q) = %d, want %d", tt.before, got, tt.want)
		}
	}
}

func TestPageVocabulary(t *testing.T) {
	required := []string{"en", "de", "fr", "es", "it", "pt", "nl", "pl"}
	for purpose, langs := range Page {
		for _, lang := range required {
			if len(langs[lang]) == 0 {
				t.Errorf("%s: no %s entries", purpose, lang)
			}
		}
		for lang, list := range langs {
			for _, e := range list {
				if len(e) < 2 || !strings.ContainsRune("=^~", rune(e[0])) {
					t.Errorf("%s/%s: %q has no mode sign", purpose, lang, e)
				}
				if strings.ToLower(e) != e || strings.TrimSpace(e[1:]) != e[1:] {
					t.Errorf("%s/%s: %q is not lower case and trimmed", purpose, lang, e)
				}
			}
		}
	}
	for _, lang := range required {
		if len(PaywallWords[lang]) == 0 {
			t.Errorf("PaywallWords: no %s entries", lang)
		}
	}
}
