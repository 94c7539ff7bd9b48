package credit

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// givenNameMonth reports a month that is also a given name ("April",
// "June", "August") in the middle of a name of three words or more
// ("Laura June Topolsky"): there it is a middle name, not a date's.
func givenNameMonth(lower string, i, n int) bool {
	switch lower {
	case "april", "june", "august":
		return i > 0 && i < n-1
	}
	return false
}

// isContraction reports a word like "I'm", "It's", "We're": an apostrophe
// followed by lower-case letters in a short word starting with a capital.
// Names with an apostrophe capitalise after it ("O'Brien", "D'Souza").
func isContraction(w string) bool {
	for i, r := range w {
		if r != '\'' && r != '’' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(w[i+utf8.RuneLen(r):])
		return i <= 4 && unicode.IsLower(next) && utf8.RuneCountInString(w) <= 6
	}
	return false
}

// PersonName reports whether a credit read from a line of text is shaped
// like a person's name (nameShaped), no word being one of a dump's page
// furniture or dates (lineWords).
func PersonName(s string) bool { return nameShaped(s, lineName) }

// nameRules are what the name test takes from the kind of input a credit
// is read from.
type nameRules struct {
	// extra are the words beyond orgWords that make a credit no name.
	extra map[string]bool
	// capsSurname lets a word in capitals stand among capitalised ones
	// ("Chokri GHARBI"): an author field writes surnames so, while in a
	// line of text it is as often a topic's acronym ("Resultados UEFA").
	capsSurname bool
	// inverted lets a particle open or end the name: a stated value may be
	// an inverted name cut at its comma ("Jong, Michiel de" gives "Michiel
	// de"); in a line of text, "von der Leyen" opens no credit.
	inverted bool
}

var (
	lineName  = nameRules{extra: lineWords}
	valueName = nameRules{extra: valueWords, capsSurname: true, inverted: true}
)

// notName reports a lower-cased word (or a part of a hyphenated one:
// "Online-Redaktion") that makes a credit no person's name.
func (rules nameRules) notName(lw string, i, n int) bool {
	for {
		part, rest, more := strings.Cut(lw, "-")
		if orgWords[part] || rules.extra[part] && !givenNameMonth(part, i, n) {
			return true
		}
		if !more {
			return false
		}
		lw = rest
	}
}

// nameShaped reports whether s is shaped like a person's name: two to five
// words, each capitalised (initials and particles allowed), no digits, no
// organisation words nor the words the kind of input adds; or a name in a
// script without spaces (cJKName).
func nameShaped(s string, rules nameRules) bool {
	var wordsBuf [6]string
	words := appendFields(wordsBuf[:0], s, len(wordsBuf))
	if len(words) < 2 || len(words) > 5 {
		return cJKName(s)
	}
	caps := 0
	allUpper := isUpperString(s)
	var buf [32]byte
	for i, w := range words {
		// An acronym among capitalised words is an organisation or a topic
		// ("Resultados UEFA"); names in capitals are all capitals.
		if !allUpper && !rules.capsSurname && upperRun(w) >= 4 {
			return false
		}
		lw := string(lexicon.AppendLower(buf[:0], strings.Trim(w, ".,")))
		if rules.notName(lw, i, len(words)) || strings.Contains(lw, ".com") || strings.Contains(lw, "www") || isContraction(w) {
			return false
		}
		r, _ := utf8.DecodeRuneInString(w)
		if lexicon.NameParticle(lw) && (rules.inverted || i > 0 && i < len(words)-1) {
			continue
		}
		// Scripts without case (Arabic, Hebrew, Devanagari …) have no
		// capital to test.
		if !unicode.IsUpper(r) && !(unicode.IsLetter(r) && !unicode.IsLower(r)) {
			return false
		}
		for _, c := range w {
			if unicode.IsDigit(c) || c == '@' || c == '#' || c == '/' || c == '_' || c == '=' {
				return false
			}
		}
		caps++
	}
	return caps >= 2 || rules.inverted && caps == 1
}

// isUpperString reports whether strings.ToUpper(s) == s, without building
// the upper-cased copy.
func isUpperString(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'a' && c <= 'z' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || unicode.ToUpper(r) != r {
			return false // strings.ToUpper replaces invalid bytes
		}
		i += n
	}
	return true
}

// upperRun is the longest run of capital letters in w.
func upperRun(w string) int {
	best, run := 0, 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}

// cJKName accepts a short run of CJK characters (two to four) as a name.
func cJKName(s string) bool {
	n := 0
	for _, r := range s {
		if r < 0x2e80 || !unicode.IsLetter(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 4
}

// normaliseName title-cases names printed in capitals ("LISA MASCARO").
func normaliseName(s string) string {
	if !singleSpaced(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	if !isUpperString(s) {
		return s
	}
	return TitleCase(s)
}

// singleSpaced reports whether strings.Join(strings.Fields(s), " ") == s.
func singleSpaced(s string) bool {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case c >= '\t' && c <= '\r' || c >= utf8.RuneSelf:
			return false // other white space, or a rune that might be
		default:
			prevSpace = false
		}
	}
	return !prevSpace || s == ""
}

// titleCase capitalises the first letter of each word and lowercases the
// rest, keeping short all-capital tokens with dots ("S.D.") as they are.
func TitleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if strings.Contains(w, ".") && utf8.RuneCountInString(w) <= 4 {
			continue
		}
		lw := []rune(strings.ToLower(w))
		start := 0
		for start < len(lw) && !unicode.IsLetter(lw[start]) {
			start++
		}
		if start < len(lw) {
			lw[start] = unicode.ToUpper(lw[start])
		}
		// Mc/Mac and hyphenated parts keep their capitals.
		for j := 1; j < len(lw); j++ {
			if lw[j-1] == '-' || lw[j-1] == '\'' && j >= 2 && lw[j-2] == 'o' {
				lw[j] = unicode.ToUpper(lw[j])
			}
		}
		words[i] = string(lw)
	}
	return strings.Join(words, " ")
}
