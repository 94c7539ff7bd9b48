package page

import (
	"strings"
	"unicode"

	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// Language guessing: script first (kana means Japanese, Hangul Korean, and
// so on), then, for Latin and Cyrillic text, which language's function words
// are densest. The lists are small on purpose: the most frequent ~60 words
// of each language cover 35–50% of running text, which separates languages
// and measures jusText's "stop-word density" at the same time.

// LangCount is the number of languages with stop-word lists.
const LangCount = 16

// StopLangs names the languages with stop-word lists, ISO 639-1.
var StopLangs = func() (out [LangCount]string) {
	if len(lexicon.StopLangs) != LangCount {
		panic("extract: langCount does not match lexicon.StopLangs")
	}
	copy(out[:], lexicon.StopLangs)
	return out
}()

// StopWords maps a word to the bit set of languages listing it.
var StopWords = func() *stopTable {
	t := &stopTable{}
	for li, lang := range StopLangs {
		for _, w := range strings.Fields(lexicon.StopWords[lang]) {
			t.add(w, 1<<li)
		}
	}
	return t
}()

// stopTable is a hash set of the function words with their language bits.
// Every word of every prose line is looked up, so it avoids what a Go map
// costs per lookup: a word is packed into two integers (no word is longer
// than 16 bytes, and none holds a zero byte, so the packing is unique) and
// compared as such, in a table sparse enough that a miss usually costs one
// probe.
type stopTable struct {
	k0, k1 [stopSlots]uint64
	mask   [stopSlots]uint16
}

const (
	stopSlotBits = 12
	stopSlots    = 1 << stopSlotBits
	MaxStopLen   = 16
)

// stopKey packs w, at most MaxStopLen bytes, into two integers.
func stopKey(w string) (k0, k1 uint64) {
	for i := 0; i < len(w) && i < 8; i++ {
		k0 |= uint64(w[i]) << (8 * i)
	}
	for i := 8; i < len(w); i++ {
		k1 |= uint64(w[i]) << (8 * (i - 8))
	}
	return k0, k1
}

func stopSlot(k0, k1 uint64) int {
	return int((k0*0x9e3779b97f4a7c15 ^ k1*0xc2b2ae3d27d4eb4f) >> (64 - stopSlotBits))
}

func (t *stopTable) add(w string, bits uint16) {
	if len(w) > MaxStopLen {
		panic("extract: stop word longer than maxStopLen: " + w)
	}
	k0, k1 := stopKey(w)
	for i := stopSlot(k0, k1); ; i = (i + 1) & (stopSlots - 1) {
		if t.k0[i] == 0 || t.k0[i] == k0 && t.k1[i] == k1 {
			t.k0[i], t.k1[i] = k0, k1
			t.mask[i] |= bits
			return
		}
	}
}

// Lookup returns the language bits of w, 0 when no list has it.
func (t *stopTable) Lookup(w string) uint16 {
	if len(w) == 0 || len(w) > MaxStopLen {
		return 0
	}
	return t.LookupKey(stopKey(w))
}

// LookupKey is lookup of a word packed by stopKey.
func (t *stopTable) LookupKey(k0, k1 uint64) uint16 {
	for i := stopSlot(k0, k1); ; i = (i + 1) & (stopSlots - 1) {
		switch {
		case t.k0[i] == k0 && t.k1[i] == k1:
			return t.mask[i]
		case t.k0[i] == 0:
			return 0
		}
	}
}

// ScriptCounts tallies letters by script for the language guess.
type ScriptCounts struct {
	Latin, cyrillic, han, kana, hangul, arabic, hebrew, greek, thai, devanagari int
}

func (sc *ScriptCounts) Add(r rune) {
	switch {
	case r < 0x250:
		sc.Latin++
	case r >= 0x370 && r < 0x400:
		sc.greek++
	case r >= 0x400 && r < 0x530:
		sc.cyrillic++
	case r >= 0x590 && r < 0x600:
		sc.hebrew++
	case r >= 0x600 && r < 0x700 || r >= 0x750 && r < 0x780:
		sc.arabic++
	case r >= 0x900 && r < 0x980:
		sc.devanagari++
	case r >= 0xe00 && r < 0xe80:
		sc.thai++
	case r >= 0x3040 && r < 0x3100:
		sc.kana++
	case r >= 0xac00 && r < 0xd7b0 || r >= 0x1100 && r < 0x1200:
		sc.hangul++
	case unicode.Is(unicode.Han, r):
		sc.han++
	}
}

// GuessLanguage picks a language from script counts and stop-word hits
// (per language, over the lines that look like prose). It returns "" when
// there is too little evidence.
func GuessLanguage(sc ScriptCounts, hits [LangCount]int) string {
	total := sc.Latin + sc.cyrillic + sc.han + sc.kana + sc.hangul + sc.arabic + sc.hebrew + sc.greek + sc.thai + sc.devanagari
	if total == 0 {
		return ""
	}
	switch {
	case sc.kana*10 > total:
		return "ja"
	case sc.hangul*5 > total:
		return "ko"
	case sc.han*3 > total:
		return "zh"
	case sc.arabic*3 > total:
		return "ar"
	case sc.hebrew*3 > total:
		return "he"
	case sc.greek*3 > total:
		return "el"
	case sc.thai*3 > total:
		return "th"
	case sc.devanagari*3 > total:
		return "hi"
	}
	best, second := -1, 0
	for i, n := range hits {
		if sc.cyrillic*2 > total != (StopLangs[i] == "ru" || StopLangs[i] == "uk") {
			continue
		}
		if best < 0 || n > hits[best] {
			if best >= 0 {
				second = hits[best]
			}
			best = i
		} else if n > second {
			second = n
		}
	}
	if best < 0 || hits[best] < 3 || hits[best] == second {
		if sc.cyrillic*2 > total {
			return "ru"
		}
		return ""
	}
	return StopLangs[best]
}

// LangIndex returns the stop-list index of an ISO code, or -1.
func LangIndex(code string) int {
	for i, l := range StopLangs {
		if l == code {
			return i
		}
	}
	return -1
}
