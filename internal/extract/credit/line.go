package credit

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// What a template prints around a credit on its line.

// tailSeparators set off what follows a credit on its line: "Jane Roe •
// 8h", "By Jane Roe · May 2, 2020", "Jane Roe | Politics".
var tailSeparators = []string{" • ", " · ", " | "}

// BeforeSeparator strips what a template prints around a credit:
// the punctuation before it ("// By", "» By") and what follows a bullet
// or a bar after it ("By Jane Roe • May 2, 2020 • 5 min read").
func BeforeSeparator(s string) string {
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		if !unicode.IsPunct(r) && !unicode.IsSymbol(r) && !unicode.IsSpace(r) {
			break
		}
		s = s[n:]
	}
	for _, sep := range tailSeparators {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	return strings.TrimSpace(s)
}

// NameBeforeTail splits "Name • 8h" into the name, when the part after
// the separator is short and holds a digit (a date, an age, a reading
// time).
func NameBeforeTail(s string) (string, bool) {
	for _, sep := range tailSeparators {
		name, tail, ok := strings.Cut(s, sep)
		if !ok {
			continue
		}
		if len(strings.Fields(tail)) <= 4 && strings.ContainsAny(tail, "0123456789") {
			return name, true
		}
	}
	return "", false
}

// OnlyNames reports a credit every part of which is a person's name:
// "AI & Machine Learning" is a category, though its last part is
// name-shaped.
func OnlyNames(s string) bool {
	var buf [8]string
	parts := splitNames(buf[:0], s)
	for _, p := range parts {
		if !PersonName(strings.Trim(p, " .,;:-–—")) {
			return false
		}
	}
	return len(parts) > 0
}

// CutGluedBy removes a "By" glued to the name by markup without a
// space ("<span>By</span><a>Jane Roe</a>" reads "ByJane Roe").
func CutGluedBy(s string) string {
	if rest, ok := strings.CutPrefix(s, "By"); ok {
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) {
			return rest
		}
	}
	return s
}
