package text

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/pressroom/pressroom/internal/extract/page"
)

// TestNFCStable checks nfcStable against the norm package: every rune it
// lists is in NFC on its own and starts a new segment, so that no rune
// before it can combine with it.
func TestNFCStable(t *testing.T) {
	n := 0
	for r := rune(0); r <= 0x10ffff; r++ {
		if !nfcStable(r) {
			continue
		}
		n++
		s := string(r)
		if !norm.NFC.IsNormalString(s) || !norm.NFC.PropertiesString(s).BoundaryBefore() {
			t.Errorf("nfcStable(%U) = true, but it is not a stable starter in NFC", r)
		}
	}
	if n < 20000 {
		t.Errorf("nfcStable admits %d runes; expected the letter blocks", n)
	}
}

func TestScanRunes(t *testing.T) {
	tests := []struct {
		in              string
		special, unsure bool
	}{
		{"plain ASCII text, long enough to take the eight-byte path", false, false},
		{"“Curly” quotes — dashes, €5, Ünïcödé, Россия, 中文, 한국어", false, false},
		{"non\u00a0breaking", true, false},
		{"soft\u00adhyphen and e\u0301", true, true},
		{"e\u0301 combining", false, true},
		{"Ω ohm sign \u2126", false, true},
		{"\xff invalid", false, true},
	}
	for _, tt := range tests {
		if s, u := scanRunes(tt.in); s != tt.special || u != tt.unsure {
			t.Errorf("scanRunes(%q) = %v, %v, want %v, %v", tt.in, s, u, tt.special, tt.unsure)
		}
	}
}

func TestNormaliseText(t *testing.T) {
	tests := map[string]string{
		"a\r\nb\rc":                        "a\nb\nc",
		"non\u00a0breaking\u2009thin":      "non breaking thin",
		"zero\u200bwidth soft\u00adhyphen": "zerowidth softhyphen",
		"line\u2028separator":              "line\nseparator",
		"e\u0301":                          "\u00e9",
		"“Curly” — Ünïcödé":                "“Curly” — Ünïcödé",
		"\u2126 ohm":                       "\u03a9 ohm",
	}
	for in, want := range tests {
		if got := normaliseText(in); got != want {
			t.Errorf("normaliseText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestForEachSlugWord(t *testing.T) {
	tests := map[string]string{
		"Council Approves the New Bridge":   "council approves the new bridge",
		"Trump's ‘Big’ Day – 2025":          "trumps big day 2025",
		"Classificação do Brasileirão":      "classificacao do brasileirao",
		"Москва и Рим":                      "москва и рим",
		"e\u0301te\u0301 (decomposed)":      "ete decomposed",
		"":                                  "",
		"--- !!! ---":                       "",
		"Don’t stop, O'Brien's 3-D printer": "dont stop obriens 3 d printer",
	}
	for in, want := range tests {
		var got []string
		page.ForEachSlugWord(in, func(w []byte) { got = append(got, string(w)) })
		if g := strings.Join(got, " "); g != want {
			t.Errorf("forEachSlugWord(%q) = %q, want %q", in, g, want)
		}
	}
}
