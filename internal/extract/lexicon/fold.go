package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Fold lowercases s and folds typographic quotes and dashes to ASCII, so
// one phrase or cue matches every spelling. Letters keep their byte
// lengths except where unicode.ToLower changes them, which the cues'
// letters do not: callers cut the original text at a folded cue's length.
func Fold(s string) string {
	ascii := true
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if c >= 'A' && c <= 'Z' {
			upper = true
		}
	}
	if ascii && !upper {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		b.WriteRune(FoldRune(r))
	}
	return b.String()
}

// AppendFold appends Fold(s) to dst, for callers folding into a stack
// buffer.
func AppendFold(dst []byte, s string) []byte { return appendMapped(dst, s, FoldRune) }

// appendMapped appends s to dst with ASCII capitals lowered and every
// other rune mapped by f.
func appendMapped(dst []byte, s string, f func(rune) rune) []byte {
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
		dst = utf8.AppendRune(dst, f(r))
		i += n
	}
	return dst
}

// FoldRune is Fold for one rune beyond ASCII.
func FoldRune(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u201b', '\u2032', '\u00b4':
		return '\''
	case '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb':
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return '-'
	}
	return unicode.ToLower(r)
}
