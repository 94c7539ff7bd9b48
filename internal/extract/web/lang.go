package web

import (
	"strings"
	"unicode"

	"github.com/pressroom/pressroom/internal/extract/page"
)

// htmlGuessLanguage guesses the ISO 639-1 language of body text with the
// text front-end's guesser: the script, then the densest function words
// (lexicon.StopWords). It returns "" when the evidence is thin; a page
// that states its language is always believed first.
func htmlGuessLanguage(paras []string) string {
	var sc page.ScriptCounts
	var hits [page.LangCount]int
	words := 0
	for _, p := range paras {
		for _, r := range p {
			if unicode.IsLetter(r) {
				sc.Add(r)
			}
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(p), func(r rune) bool { return !unicode.IsLetter(r) }) {
			words++
			bits := page.StopWords.Lookup(w)
			for li := 0; bits != 0; li, bits = li+1, bits>>1 {
				if bits&1 != 0 {
					hits[li]++
				}
			}
		}
		if words > 2000 {
			break
		}
	}
	return page.GuessLanguage(sc, hits)
}
