package text

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/extract/lexicon"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// referenceMeasure computes a block's features the plain way, one rune and
// one feature at a time, with a Go map for the function words. measureText
// must agree with it on every input.
func referenceMeasure(text string) block {
	b := block{text: text, lower: page.FoldLower(text)}
	inWord, wordStart := false, true
	for _, r := range text {
		b.runes++
		if r == ' ' {
			inWord = false
			continue
		}
		if !inWord {
			b.words++
			inWord = true
			wordStart = true
		}
		switch {
		case unicode.IsLetter(r):
			b.letters++
			if r >= 0x2e80 {
				b.cjk++
			}
			if r < 0x250 {
				b.latin++
			}
			if unicode.IsUpper(r) {
				b.upper++
				if wordStart {
					b.capWords++
				}
			}
			wordStart = false
		case unicode.IsDigit(r):
			b.digits++
			wordStart = false
		}
	}
	b.words += b.cjk / 2
	b.endsSentence = page.EndsSentence(text)
	b.glued = referenceGlued(text)
	b.counted = page.CountWords(text)
	if b.words >= 4 {
		start := -1
		add := func(w string) {
			m := referenceStopWords[w]
			for li := 0; m != 0; li++ {
				if m&1 != 0 && b.stopHits[li] < 255 {
					b.stopHits[li]++
				}
				m >>= 1
			}
		}
		for i, r := range b.lower {
			letter := unicode.IsLetter(r) || r == '\''
			if letter && start < 0 {
				start = i
			}
			if !letter && start >= 0 {
				add(b.lower[start:i])
				start = -1
			}
		}
		if start >= 0 {
			add(b.lower[start:])
		}
	}
	return b
}

// referenceGlued reports a word of four or more lower-case letters run
// into a capitalised word.
func referenceGlued(s string) bool {
	lowerRun := 0
	upperStart := false
	prev := rune(0)
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			lowerRun++
		case unicode.IsUpper(r):
			if upperStart && lowerRun >= 4 && unicode.IsLower(prev) {
				return true
			}
			upperStart = true
			lowerRun = 0
		default:
			upperStart = false
			lowerRun = 0
		}
		prev = r
	}
	return false
}

var referenceStopWords = func() map[string]uint16 {
	m := map[string]uint16{}
	for li, lang := range page.StopLangs {
		for _, w := range strings.Fields(lexicon.StopWords[lang]) {
			m[w] |= 1 << li
		}
	}
	return m
}()

// checkMeasure compares measure with referenceMeasure on text once
// collapsed, as blocks always are.
func checkMeasure(t *testing.T, text string) {
	t.Helper()
	text = collapseSpace(text)
	got := block{text: text}
	measure(&got)
	want := referenceMeasure(text)
	want.vocab = page.Vocab.Scan(want.lower)
	if got.words > 80 && len(got.lower) > 160 {
		want.vocab = got.vocab // only the opening is read; scanVocab's own concern
	}
	type features struct {
		lower                                                               string
		runes, words, letters, upper, digits, cjk, capWords, latin, counted int
		endsSentence, glued                                                 bool
		stopHits                                                            [page.LangCount]uint8
		vocab                                                               page.VocabHits
	}
	f := func(b block) features {
		return features{b.lower, b.runes, b.words, b.letters, b.upper, b.digits, b.cjk, b.capWords, b.latin, b.counted,
			b.endsSentence, b.glued, b.stopHits, b.vocab}
	}
	if g, w := f(got), f(want); g != w {
		t.Errorf("measure(%q)\n got %+v\nwant %+v", text, g, w)
	}
}

func TestMeasure(t *testing.T) {
	tests := []string{
		"",
		"The city council voted on Tuesday to approve the new bridge.",
		"THE CITY COUNCIL VOTED ON TUESDAY",
		"Don’t miss it: “the” best of the year — and it's here.",
		"Strike PossibleThe union said it would walk out",
		"WeWork and PlayStation are brands, not glued words",
		"co-operation and/or the E.U. (AP) — 3,727 investors said 25%",
		"Der Präsident sagte am Dienstag, dass die Gespräche gut verlaufen.",
		"Президент заявил во вторник, что переговоры идут хорошо и что",
		"先日、不正に改造したiPhoneを販売したとして、男性が逮捕されました。",
		"a中b 中文 ｆｕｌｌ ＷＩＤＴＨ",
		"İstanbul KELVIN \u212a sign and ǅ titlecase",
		"l'homme qu'il aujourd'hui o'clock ''' '",
		"averyveryverylongwordthatisnotastopword the",
		"sixteenletterswd thetheTHEtheTHEthe",
		"Tab\tseparated\tcells and  double  spaces ",
		"\xff invalid \xc3 bytes",
		strings.Repeat("Lorem ipsum dolor sit amet, the and of. ", 40),
	}
	for _, tt := range tests {
		checkMeasure(t, tt)
	}
}

func FuzzMeasure(f *testing.F) {
	f.Add("The city council voted on Tuesday to approve the new bridge.")
	f.Add("Don’t miss it: “the” best — and it's here. Ünïcödé ÉTÉ 中文")
	f.Add("Strike PossibleThe union l'homme")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) || strings.ContainsAny(text, "\n\u0085\u2028\u2029") {
			return // segment measures lines of valid UTF-8
		}
		checkMeasure(t, text)
	})
}

func TestStopWords(t *testing.T) {
	for w, want := range referenceStopWords {
		if got := page.StopWords.Lookup(w); got != want {
			t.Errorf("stopWords.lookup(%q) = %b, want %b", w, got, want)
		}
	}
	for _, w := range []string{"", "council", "thee", "th", "t", "xyz", "nosotras", "bridge", "Der", "THE",
		"averylongwordindeedthatisnotthere"} {
		if got := page.StopWords.Lookup(w); got != 0 {
			t.Errorf("stopWords.lookup(%q) = %b, want 0", w, got)
		}
	}
}

func TestLowerASCII64(t *testing.T) {
	for c := 0; c < 0x80; c++ {
		x := uint64(c) | uint64(c)<<56 | 'Q'<<8
		want := uint64(page.ASCIILower[c]) | uint64(page.ASCIILower[c])<<56 | 'q'<<8
		if got := lowerASCII64(x); got != want {
			t.Errorf("lowerASCII64(%#x) = %#x, want %#x", x, got, want)
		}
	}
}
