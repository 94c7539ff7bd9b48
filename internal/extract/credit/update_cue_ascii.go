package credit

import "github.com/pressroom/pressroom/internal/extract/lexicon"

// endsWithDateCueASCII is cutUpdateCue's test for a line of ASCII only,
// whose folded form is its lower case byte for byte: whether it ends with
// a space and a date cue. It reads the line's end only, where folding the
// whole line cost an allocation per line tried as a credit. ok is false
// when s holds other bytes and the caller must fold.
func endsWithDateCueASCII(s string) (found, ok bool) {
	var or byte
	for i := 0; i < len(s); i++ {
		or |= s[i]
	}
	if or >= 0x80 {
		return false, false
	}
	n := len(s)
	for n > 0 && asciiSpace(s[n-1]) {
		n--
	}
	for _, w := range lexicon.DateCueWords {
		if i := n - len(w) - 1; i > 0 && s[i] == ' ' && equalLowerASCII(s[i+1:n], w) {
			return true, true
		}
	}
	return false, true
}

// asciiSpace is unicode.IsSpace for an ASCII byte.
func asciiSpace(c byte) bool {
	return c == ' ' || c >= '\t' && c <= '\r'
}

// equalLowerASCII reports whether the ASCII s lowercased equals w.
func equalLowerASCII(s, w string) bool {
	if len(s) != len(w) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}
