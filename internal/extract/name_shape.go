package extract

import (
	"unicode"
	"unicode/utf8"
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
