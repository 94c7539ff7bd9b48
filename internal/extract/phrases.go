package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the multi-pattern matcher every line goes through once.
// perf-ceilings.md measured a case-insensitive regex alternation at ~1 ms
// per dump; an Aho–Corasick automaton over the lowercased line is a single
// linear scan whatever the number of phrases.

// matchMode says where in a line a phrase counts.
type matchMode uint8

const (
	modeAny    matchMode = iota // anywhere, on word boundaries
	modePrefix                  // at the start of the line
	modeWhole                   // the whole line, apart from punctuation, digits and spaces around it
)

// phrase is one vocabulary entry.
type phrase struct {
	text string
	kind vocabKind
	mode matchMode
}

// phraseSet is an Aho–Corasick automaton compiled to a full DFA. Its
// alphabet is the set of bytes the phrases use (UTF-8 bytes of accented
// letters included); any other byte sends the automaton back to its root.
// It is built once and only read afterwards, so it is safe for concurrent
// use.
type phraseSet struct {
	class   [256]uint8
	width   int     // alphabet size, class 0 included
	next    []int32 // state*width + class -> state
	out     [][]int32
	phrases []phrase
}

// newPhraseSet compiles phrases, whose text must already be folded (see
// foldLower).
func newPhraseSet(phrases []phrase) *phraseSet {
	ps := &phraseSet{phrases: phrases}
	n := 1
	for _, p := range phrases {
		for j := 0; j < len(p.text); j++ {
			if ps.class[p.text[j]] == 0 {
				if n == 255 {
					panic("extract: phrase alphabet too large")
				}
				ps.class[p.text[j]] = uint8(n)
				n++
			}
		}
	}
	ps.width = n
	ps.next = make([]int32, n)
	ps.out = append(ps.out, nil)
	for i, p := range phrases {
		s := int32(0)
		for j := 0; j < len(p.text); j++ {
			c := int(ps.class[p.text[j]])
			t := ps.next[int(s)*n+c]
			if t == 0 {
				ps.next = append(ps.next, make([]int32, n)...)
				ps.out = append(ps.out, nil)
				t = int32(len(ps.out) - 1)
				ps.next[int(s)*n+c] = t
			}
			s = t
		}
		ps.out[s] = append(ps.out[s], int32(i))
	}
	// Breadth-first fail links, folded into the transition table.
	fail := make([]int32, len(ps.out))
	queue := make([]int32, 0, len(ps.out))
	for c := 1; c < n; c++ {
		if t := ps.next[c]; t != 0 {
			queue = append(queue, t)
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		ps.out[s] = append(ps.out[s], ps.out[fail[s]]...)
		for c := 1; c < n; c++ {
			t := ps.next[int(s)*n+c]
			if t == 0 {
				ps.next[int(s)*n+c] = ps.next[int(fail[s])*n+c]
				continue
			}
			fail[t] = ps.next[int(fail[s])*n+c]
			queue = append(queue, t)
		}
	}
	return ps
}

// vocabHits summarises the vocabulary found in one line.
type vocabHits struct {
	any    vocabKind // kinds matched anywhere (word-bounded)
	prefix vocabKind // kinds matched at the start of the line
	whole  vocabKind // kinds whose phrase is the whole line
	cover  float32   // share of the line's letters covered by matched phrases
}

// scan matches the folded line against the set.
func (ps *phraseSet) scan(lower string) vocabHits {
	var h vocabHits
	start, end := contentBounds(lower)
	if start >= end {
		return h
	}
	covered := 0
	coverEnd := 0
	s := int32(0)
	for i := start; i < end; i++ {
		c := ps.class[lower[i]]
		if c == 0 {
			s = 0
			continue
		}
		s = ps.next[int(s)*ps.width+int(c)]
		for _, pi := range ps.out[s] {
			p := &ps.phrases[pi]
			b := i + 1 - len(p.text)
			// Word boundaries matter only where the phrase has a word
			// character: "/ap" matches "Doe/AP", "reuters/" matches "Reuters/X".
			if isWordByte(p.text[0]) && !boundaryBefore(lower, b) ||
				isWordByte(p.text[len(p.text)-1]) && !boundaryAfter(lower, i+1) {
				continue
			}
			switch p.mode {
			case modeAny:
				h.any |= p.kind
			case modePrefix:
				if b != start {
					continue
				}
				h.prefix |= p.kind
				h.any |= p.kind
			case modeWhole:
				if b != start || i+1 != end {
					continue
				}
				h.whole |= p.kind
				h.prefix |= p.kind
				h.any |= p.kind
			}
			// Coverage counts bytes once even when matches overlap.
			from := b
			if from < coverEnd {
				from = coverEnd
			}
			if i+1 > from {
				covered += i + 1 - from
				coverEnd = i + 1
			}
		}
	}
	if n := end - start; n > 0 {
		h.cover = float32(covered) / float32(n)
	}
	return h
}

// contentBounds trims non-letters (digits, punctuation, bullets, spaces)
// from both ends, so "Share:" and "• Related" match their phrases whole.
func contentBounds(s string) (int, int) {
	i, j := 0, len(s)
	for i < j {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) {
			break
		}
		i += n
	}
	for j > i {
		r, n := utf8.DecodeLastRuneInString(s[i:j])
		if unicode.IsLetter(r) {
			break
		}
		j -= n
	}
	return i, j
}

func boundaryBefore(s string, i int) bool {
	if i <= 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !isWordRune(r)
}

func boundaryAfter(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !isWordRune(r)
}

// isWordByte reports ASCII letters and digits, and any byte of a non-ASCII
// rune (which, in the vocabulary, is always part of a letter).
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= utf8.RuneSelf
}

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r == '_') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// foldLower lowercases s and folds typographic quotes and dashes to ASCII,
// so one phrase matches every spelling.
func foldLower(s string) string {
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
	if ascii {
		if !upper {
			return s
		}
		var b strings.Builder
		b.Grow(len(s))
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
		}
		return b.String()
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// foldRune is foldLower for one rune beyond ASCII.
func foldRune(r rune) rune {
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
