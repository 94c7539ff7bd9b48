package dom

import (
	"sync"

	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// saysPagePhrase read every sign-off entry against every short block, ~3%
// of the HTML path's CPU (docs/performance.md, "Extraction CPU (issue 16,
// fifth pass)"). The entries are indexed once: whole-line entries in a
// set, and each other entry with the bytes it holds, since a block that
// lacks one of those bytes cannot contain the entry.

// byteSet is a set of byte values.
type byteSet [4]uint64

func (s *byteSet) addAll(t string) {
	for i := 0; i < len(t); i++ {
		s[t[i]>>6] |= 1 << (t[i] & 63)
	}
}

// within reports whether every byte of s is in t.
func (s *byteSet) within(t *byteSet) bool {
	return s[0]&^t[0]|s[1]&^t[1]|s[2]&^t[2]|s[3]&^t[3] == 0
}

// indexedPhrase is an entry without its mode character, with its bytes.
type indexedPhrase struct {
	text  string
	bytes byteSet
}

type pagePhraseIndex struct {
	whole    map[string]bool
	opening  []indexedPhrase // '^'
	anywhere []indexedPhrase // '~' and any other mode
}

// signOffPhrases indexes the entries of signOffPurposes.
var signOffPhrases = sync.OnceValue(func() *pagePhraseIndex {
	x := &pagePhraseIndex{whole: map[string]bool{}}
	for _, purpose := range signOffPurposes {
		for _, list := range lexicon.Page[purpose] {
			for _, e := range list {
				p := indexedPhrase{text: e[1:]}
				p.bytes.addAll(p.text)
				switch e[0] {
				case '=':
					x.whole[p.text] = true
				case '^':
					x.opening = append(x.opening, p)
				default:
					x.anywhere = append(x.anywhere, p)
				}
			}
		}
	}
	return x
})
