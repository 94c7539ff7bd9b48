package lexicon

import "unicode"

// AppendLower appends strings.ToLower(s) to dst: the lookups here take
// lower-cased words, and callers fold into a stack buffer to avoid an
// allocation per word.
func AppendLower(dst []byte, s string) []byte { return appendMapped(dst, s, unicode.ToLower) }
