package lexicon

import (
	"unicode"
	"unicode/utf8"
)

// AppendLower appends strings.ToLower(s) to dst: the lookups here take
// lower-cased words, and callers fold into a stack buffer to avoid an
// allocation per word.
func AppendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += n
	}
	return dst
}
