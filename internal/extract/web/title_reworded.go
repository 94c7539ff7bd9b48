package web

import (
	"strings"
	"unicode"
)

// htmlH1Reworded returns the visible <h1> that retouches a metadata title
// not printed on the page: publishers trim or reword og:title and the
// JSON-LD headline for sharing and search ("Kein Zutritt" for "Kein
// Zugang", a place dropped), while readers see the <h1>. The <h1> must be
// headline-sized (four words), no shorter than the metadata (which is cut
// for sharing, not padded), open with the same two words and share at
// least half the words of the shorter of the two: a different headline
// (news sites state one for search and print another) is left to the
// metadata, and so is an <h1> that merely adds a kicker or a site name to
// the title, or is held in it. The closest such <h1> wins.
func htmlH1Reworded(t string, h1 []string) string {
	tw, tOrder := htmlTitleWords(t), htmlTitleWordList(t)
	if len(tOrder) < 3 {
		return ""
	}
	nt := htmlNormTitle(t)
	best, bestShare := "", 0.0
	for _, h := range h1 {
		hw, hOrder := htmlTitleWords(h), htmlTitleWordList(h)
		if nh := htmlNormTitle(h); len(hOrder) < 4 || strings.Contains(nh, nt) || strings.Contains(nt, nh) ||
			hOrder[0] != tOrder[0] || hOrder[1] != tOrder[1] || len(hOrder) < len(tOrder) {
			continue
		}
		common := 0
		for w := range hw {
			if tw[w] {
				common++
			}
		}
		share := float64(common) / float64(min(len(hw), len(tw)))
		if share >= 0.5 && share > bestShare {
			best, bestShare = h, share
		}
	}
	return best
}

// htmlTitleWordList is a title's words in order, case folded, punctuation
// dropped.
func htmlTitleWordList(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// htmlTitleWords is the set of a title's words.
func htmlTitleWords(s string) map[string]bool {
	words := htmlTitleWordList(s)
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	return set
}
