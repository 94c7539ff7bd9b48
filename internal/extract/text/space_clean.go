package text

import "strings"

// spaceClean reports whether collapseSpace has nothing to collapse in s
// but trailing spaces: no leading space, no two spaces in a row, no tab,
// vertical tab, form feed, carriage return or U+0085. Every line of a dump
// is tested, so it asks the runtime's vectorised searches instead of
// looking at one byte at a time.
func spaceClean(s string) bool {
	if len(s) > 0 && s[0] == ' ' {
		return false
	}
	for _, c := range [...]byte{'\t', '\v', '\f', '\r'} {
		if strings.IndexByte(s, c) >= 0 {
			return false
		}
	}
	return !strings.Contains(s, "  ") && !strings.Contains(s, "\u0085")
}
