package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// loneCredit reads what follows an explicit credit cue when it is no
// person's name: a pen name or user name ("By jdoe", "von flerche", "Autor:
// mkhiker"), or a desk ("von Redaktion"). The cue says it is the author. It
// must be one word after a preposition cue ("von", "par"), whose object is
// as often a place or a time, and at most four after an explicit one; never
// a function word, a number or a piece of page furniture.
func loneCredit(rest string, prep bool) (string, bool) {
	s := strings.TrimSpace(strings.TrimRight(rest, " ·•|/-–—,;:"))
	if s == "" || len(s) > 40 {
		return "", false
	}
	words := strings.Fields(s)
	// "by Kay 24 Comments": a number starts what follows the credit.
	for k := 1; k < len(words); k++ {
		if r, _ := utf8.DecodeRuneInString(words[k]); unicode.IsDigit(r) {
			words = words[:k]
			s = strings.Join(words, " ")
			break
		}
	}
	if len(words) > 4 || prep && len(words) > 1 {
		return "", false
	}
	var buf [48]byte
	first := string(lexicon.AppendLower(buf[:0], words[0]))
	if len(first) <= maxStopLen && stopWords.lookup(first) != 0 {
		return "", false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(r) {
		return "", false
	}
	for _, c := range s {
		if c == '@' || c == '?' || c == '!' || c == '"' || c == ':' {
			return "", false
		}
	}
	if h := vocab.scan(foldLower(s)); h.any&boilerKinds != 0 {
		return "", false
	}
	return s, true
}
