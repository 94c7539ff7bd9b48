package extract

import (
	"strings"
	"unicode"
)

// htmlStopwords are the commonest short words of the languages Pressroom
// sees most. They are distinctive enough that counting them in a few
// paragraphs tells the languages apart; a page that states its language
// is always believed first.
var htmlStopwords = map[string][]string{
	"en": {"the", "and", "of", "to", "is", "that", "for", "with", "was", "on", "it", "he", "she", "they", "are", "this", "have", "from"},
	"es": {"el", "la", "los", "las", "y", "que", "del", "en", "por", "con", "una", "para", "es", "se", "lo", "su", "como", "pero"},
	"pt": {"o", "os", "as", "e", "que", "do", "da", "dos", "das", "em", "no", "na", "por", "com", "uma", "para", "não", "é"},
	"fr": {"le", "la", "les", "et", "des", "du", "un", "une", "que", "est", "pour", "dans", "qui", "pas", "sur", "au", "avec", "il"},
	"de": {"der", "die", "das", "und", "ist", "nicht", "mit", "den", "von", "zu", "ein", "eine", "auf", "sich", "dem", "auch", "es", "im"},
	"it": {"il", "che", "di", "e", "la", "per", "non", "una", "sono", "della", "con", "del", "gli", "le", "si", "anche", "ha", "nel"},
	"nl": {"de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "met", "voor", "ook", "er", "maar", "om", "aan"},
}

var htmlStopIndex = func() map[string][]string {
	idx := map[string][]string{}
	for lang, ws := range htmlStopwords {
		for _, w := range ws {
			idx[w] = append(idx[w], lang)
		}
	}
	return idx
}()

// htmlGuessLanguage guesses the ISO 639-1 language of body text from
// stop-word counts, or from the script for Cyrillic, Greek, Arabic, Hebrew,
// CJK and Korean text. It returns "" when the evidence is thin.
func htmlGuessLanguage(paras []string) string {
	counts := map[string]int{}
	scripts := map[string]int{}
	letters, words := 0, 0
	for _, p := range paras {
		for _, w := range strings.FieldsFunc(strings.ToLower(p), func(r rune) bool { return !unicode.IsLetter(r) }) {
			words++
			for _, lang := range htmlStopIndex[w] {
				counts[lang]++
			}
		}
		for _, r := range p {
			if !unicode.IsLetter(r) {
				continue
			}
			letters++
			switch {
			case unicode.Is(unicode.Cyrillic, r):
				scripts["ru"]++
			case unicode.Is(unicode.Greek, r):
				scripts["el"]++
			case unicode.Is(unicode.Arabic, r):
				scripts["ar"]++
			case unicode.Is(unicode.Hebrew, r):
				scripts["he"]++
			case unicode.Is(unicode.Hangul, r):
				scripts["ko"]++
			case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
				scripts["ja"]++
			case unicode.Is(unicode.Han, r):
				scripts["zh"]++
			}
		}
		if words > 2000 {
			break
		}
	}
	if letters == 0 {
		return ""
	}
	// Japanese mixes kana with Han characters.
	if scripts["ja"] > 0 && scripts["ja"]+scripts["zh"] > letters/2 {
		return "ja"
	}
	for s, n := range scripts {
		if n > letters/2 {
			return s
		}
	}
	best, bestN, second := "", 0, 0
	for lang, n := range counts {
		if n > bestN || n == bestN && lang < best {
			best, bestN, second = lang, n, bestN
		} else if n > second {
			second = n
		}
	}
	if bestN < 5 || float64(bestN) < 1.3*float64(second) {
		return ""
	}
	return best
}
