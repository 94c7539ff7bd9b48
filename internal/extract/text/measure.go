package text

import (
	"math/bits"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/extract/page"
)

// Every byte of every text dump goes through measureText, so it reads a
// line once, a space-separated token at a time, and spends a single table
// lookup per byte on tokens of plain ASCII, the bulk of most dumps; tokens
// holding other runes take the general path, one rune at a time.

// asciiCount1 and asciiCount2 pack per-byte counts into 32-bit lanes so
// that a token's counts are one addition per byte: letters and capitals;
// digits and the bytes that cannot be part of a function word (anything
// but a letter or an apostrophe).
var asciiCount1, asciiCount2 = func() (t1, t2 [utf8.RuneSelf]uint64) {
	for c := range t1 {
		cls := page.ASCIIClass[c]
		if cls&page.CLetter != 0 {
			t1[c] |= 1
		}
		if cls&page.CUpper != 0 {
			t1[c] |= 1 << 32
		}
		if cls&page.CDigit != 0 {
			t2[c] |= 1
		}
		if cls&page.CLetter == 0 && c != '\'' {
			t2[c] |= 1 << 32
		}
	}
	return t1, t2
}()

// runeClass is page.ASCIIClass for a rune beyond ASCII.
func runeClass(r rune) uint8 {
	switch {
	case unicode.IsLetter(r):
		switch {
		case unicode.IsUpper(r):
			return page.CLetter | page.CUpper
		case unicode.IsLower(r):
			return page.CLetter | page.CLower
		}
		return page.CLetter
	case unicode.IsDigit(r):
		return page.CDigit
	}
	return 0
}

// measure computes the features of b from b.text and sets b.lower.
func measure(b *block) {
	b.lower = string(measureText(b, make([]byte, 0, len(b.text))))
	scanVocab(b)
}

// lineStats accumulates a line's features token by token.
type lineStats struct {
	runes, words, letters, upper, digits, cjk, capWords, latin, counted int
	glued                                                               bool
	stops                                                               [page.LangCount]int
	lowered                                                             bool // the line is ASCII and already lowered
}

// measureText computes the shallow text features of b, its function words
// included, and appends page.FoldLower(b.text) to lower.
func measureText(b *block, lower []byte) []byte {
	var m lineStats
	s := b.text
	if page.IsASCII(s) {
		lower = appendLowerASCII(lower, s)
		m.lowered = true
	}
	for i := 0; i < len(s); {
		if s[i] == ' ' {
			m.runes++
			if !m.lowered {
				lower = append(lower, ' ')
			}
			i++
			continue
		}
		j := i
		var acc1, acc2 uint64
		for j < len(s) {
			c := s[j]
			if c == ' ' || c >= utf8.RuneSelf {
				break
			}
			acc1 += asciiCount1[c]
			acc2 += asciiCount2[c]
			j++
		}
		if j == len(s) || s[j] == ' ' {
			lower = m.asciiToken(s, i, j, acc1, acc2, lower)
		} else {
			for j < len(s) && s[j] != ' ' {
				j++
			}
			lower = m.token(s[i:j], lower)
		}
		i = j
	}
	// CJK has no spaces: count two characters as a word so that length
	// thresholds mean the same thing in every script.
	m.words += m.cjk / 2
	b.runes, b.words, b.letters, b.upper, b.digits, b.cjk, b.capWords = m.runes, m.words, m.letters, m.upper, m.digits, m.cjk, m.capWords
	b.latin, b.glued, b.counted = m.latin, m.glued, m.counted
	b.endsSentence = page.EndsSentence(s)
	// Function words only matter for lines long enough to be prose.
	if m.words >= 4 {
		for li, n := range m.stops {
			b.stopHits[li] = uint8(min(n, 255))
		}
	}
	return lower
}

// asciiToken adds the token s[i:j] of ASCII bytes, whose per-byte counts
// are packed in acc1 and acc2 (see asciiCount1), and appends it lowercased
// to lower.
func (m *lineStats) asciiToken(s string, i, j int, acc1, acc2 uint64, lower []byte) []byte {
	tok := s[i:j]
	letters, upper := int(acc1&0xffffffff), int(acc1>>32)
	digits, nonWord := int(acc2&0xffffffff), int(acc2>>32)
	m.runes += len(tok)
	m.words++
	m.letters += letters
	m.latin += letters
	m.upper += upper
	m.digits += digits
	if letters+digits > 0 {
		m.counted++
	}
	if upper == 0 {
		if !m.lowered {
			lower = append(lower, tok...)
		}
	} else {
		for k := 0; !m.lowered && k < len(tok); k++ {
			lower = append(lower, page.ASCIILower[tok[k]])
		}
		// The first letter or digit says whether the word is capitalised.
		for k := 0; k < len(tok); k++ {
			if cls := page.ASCIIClass[tok[k]]; cls&(page.CLetter|page.CDigit) != 0 {
				if cls&page.CUpper != 0 {
					m.capWords++
				}
				break
			}
		}
		if upper >= 2 && !m.glued {
			m.glued = gluedASCII(tok)
		}
	}
	switch {
	case letters == 0:
		// No letter, no function word.
	case nonWord == 0:
		// Letters and apostrophes only: the token is one word.
		m.addStopASCII(s, i, j)
	default:
		start := -1
		for k := i; k < j; k++ {
			word := page.ASCIIClass[s[k]]&page.CLetter != 0 || s[k] == '\''
			switch {
			case word && start < 0:
				start = k
			case !word && start >= 0:
				m.addStopASCII(s, start, k)
				start = -1
			}
		}
		if start >= 0 {
			m.addStopASCII(s, start, j)
		}
	}
	return lower
}

// gluedASCII reports a word of four or more lower-case letters run into a
// capitalised word without a space (see contentScore). Brand names such as
// "WeWork" or "PlayStation" have shorter lower-case runs.
func gluedASCII(tok string) bool {
	lowerRun, upperStart := 0, false
	for k := 0; k < len(tok); k++ {
		switch cls := page.ASCIIClass[tok[k]]; {
		case cls&page.CLower != 0:
			lowerRun++
		case cls&page.CUpper != 0:
			if upperStart && lowerRun >= 4 {
				return true
			}
			upperStart, lowerRun = true, 0
		default:
			upperStart, lowerRun = false, 0
		}
	}
	return false
}

// token adds a token holding runes beyond ASCII, one rune at a time, and
// appends it folded to lower.
func (m *lineStats) token(tok string, lower []byte) []byte {
	m.words++
	wordStart := true
	inCounted := false // page.CountWords's notion of a word
	lowerRun, upperStart := 0, false
	// The function word being read: its folded bytes packed as stopKey
	// packs them, and its length.
	var k0, k1 uint64
	klen := 0
	for i := 0; i < len(tok); {
		r, n := utf8.DecodeRuneInString(tok[i:])
		i += n
		m.runes++
		var cls uint8
		var f rune // r folded as page.FoldLower folds it
		if r < utf8.RuneSelf {
			cls, f = page.ASCIIClass[r], rune(page.ASCIILower[r])
		} else {
			cls, f = runeClass(r), page.FoldRune(r)
		}
		n0 := len(lower)
		lower = utf8.AppendRune(lower, f)
		fb := lower[n0:]
		if f == '\'' || unicode.IsLetter(f) {
			for _, c := range fb {
				if klen < 8 {
					k0 |= uint64(c) << (8 * klen)
				} else if klen < page.MaxStopLen {
					k1 |= uint64(c) << (8 * (klen - 8))
				}
				klen++
			}
		} else if klen > 0 {
			if klen <= page.MaxStopLen {
				m.addStopKey(k0, k1)
			}
			k0, k1, klen = 0, 0, 0
		}
		switch {
		case cls&page.CLetter != 0 && r >= 0x2e80:
			m.cjk++
			m.counted++
			inCounted = false
		case cls&page.CLetter != 0:
			if r < 0x250 {
				m.latin++
			}
			fallthrough
		case cls&page.CDigit != 0:
			if !inCounted {
				m.counted++
				inCounted = true
			}
		case unicode.IsSpace(r):
			inCounted = false
		}
		switch {
		case cls&page.CLower != 0:
			lowerRun++
		case cls&page.CUpper != 0:
			if upperStart && lowerRun >= 4 {
				m.glued = true
			}
			upperStart, lowerRun = true, 0
		default:
			upperStart, lowerRun = false, 0
		}
		switch {
		case cls&page.CLetter != 0:
			m.letters++
			if cls&page.CUpper != 0 {
				m.upper++
				if wordStart {
					m.capWords++
				}
			}
			wordStart = false
		case cls&page.CDigit != 0:
			m.digits++
			wordStart = false
		}
	}
	if klen > 0 && klen <= page.MaxStopLen {
		m.addStopKey(k0, k1)
	}
	return lower
}

// addStopASCII counts s[i:j], ASCII letters and apostrophes, if it is a
// function word once lowercased. Its key is read from s a word at a time
// where s extends far enough, the bytes beyond the word masked off, and
// lowercased eight bytes at once.
func (m *lineStats) addStopASCII(s string, i, j int) {
	n := j - i
	if n > page.MaxStopLen {
		return
	}
	var k0, k1 uint64
	switch {
	case i+16 <= len(s):
		k0, k1 = page.Load64(s[i:i+8]), page.Load64(s[i+8:i+16])
	case n <= 8 && i+8 <= len(s):
		k0 = page.Load64(s[i : i+8])
	default:
		for k := i; k < j; k++ {
			c := uint64(page.ASCIILower[s[k]&0x7f])
			if k-i < 8 {
				k0 |= c << (8 * (k - i))
			} else {
				k1 |= c << (8 * (k - i - 8))
			}
		}
		m.addStopKey(k0, k1)
		return
	}
	switch {
	case n < 8:
		k0 &= 1<<(8*n) - 1
		k1 = 0
	case n < 16:
		k1 &= 1<<(8*(n-8)) - 1
	}
	m.addStopKey(lowerASCII64(k0), lowerASCII64(k1))
}

// lowerASCII64 lowercases the eight ASCII bytes packed in x: bytes from 'A'
// to 'Z' get 0x20 added. No byte is above 0x7f, so no addition carries
// into the next byte.
func lowerASCII64(x uint64) uint64 {
	const ones = 0x0101010101010101
	ge := x + ones*(0x80-'A')   // bit 7 set in the bytes >= 'A'
	gt := x + ones*(0x80-'Z'-1) // bit 7 set in the bytes > 'Z'
	return x | (ge&^gt&(ones*0x80))>>2
}

// addStopKey counts the word stopKey packed into k0, k1.
func (m *lineStats) addStopKey(k0, k1 uint64) {
	for mask := page.StopWords.LookupKey(k0, k1); mask != 0; mask &= mask - 1 {
		m.stops[bits.TrailingZeros16(mask)]++
	}
}

// scanVocab reads the boilerplate vocabulary of b.lower.
func scanVocab(b *block) {
	lower := b.lower
	if b.words > 80 && len(lower) > 160 {
		// Nothing reads the vocabulary of a long paragraph beyond its
		// opening words ("Related: …", "By …"); scanning it all costs time.
		cut := 160
		for cut > 0 && !utf8.RuneStart(lower[cut]) {
			cut--
		}
		lower = lower[:cut]
	}
	b.vocab = page.Vocab.Scan(lower)
}
