package page

import (
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// This file holds the multi-pattern matcher every line goes through once.
// perf-ceilings.md measured a case-insensitive regex alternation at ~1 ms
// per dump; an Aho–Corasick automaton over the lowercased line is a single
// linear scan whatever the number of phrases.

// matchMode says where in a line a phrase counts.
type matchMode uint8

const (
	ModeAny    matchMode = iota // anywhere, on word boundaries
	ModePrefix                  // at the start of the line
	ModeWhole                   // the whole line, apart from punctuation, digits and spaces around it
)

// Phrase is one vocabulary entry.
type Phrase struct {
	Text  string
	Kind  VocabKind
	Mode  matchMode
	Entry string // as the vocabulary writes it, mode sign included
}

// phraseSet matches a folded line against phrases. Phrases anchored at the
// start of the line (prefix and whole-line modes, most of the vocabulary)
// are read by walking a trie from the line's first letter, which costs a
// few steps per line; phrases that may occur anywhere go through an
// Aho–Corasick automaton compiled to a full DFA, one step per byte. It is
// built once and only read afterwards, so it is safe for concurrent use.
type phraseSet struct {
	Phrases []Phrase
	// Whether a phrase's first and last bytes are word characters, which
	// must then sit on word boundaries: "/ap" matches "Doe/AP", "reuters/"
	// matches "Reuters/X".
	wordStart, wordEnd []bool
	anchored           trie
	anywhere           dfa
	// Fired, when not nil, records the phrases a scan matched; only the
	// phrase statistics test sets it.
	Fired []bool
}

// trie holds phrases that must start where the line's content does. It is
// stored sparsely: the root's transitions in a table by byte, every other
// state's as a short list of (byte, state) edges, since a walk from the
// start of a line visits a handful of states and a dense table would miss
// the cache on each. outBit on a transition says that its target ends a
// phrase.
type trie struct {
	root      [256]uint16
	edgeStart []uint32 // the edges of state s are edgeStart[s] to edgeStart[s+1]
	edgeByte  []byte
	edgeTo    []uint16 // state | outBit
	out       [][]int32
}

const outBit = 0x8000

// step returns the state after reading c in state s, with outBit when it
// ends a phrase, or 0 when s has no transition on c.
func (t *trie) step(s int, c byte) int {
	if s == 0 {
		return int(t.root[c])
	}
	for k := t.edgeStart[s]; k < t.edgeStart[s+1]; k++ {
		if t.edgeByte[k] == c {
			return int(t.edgeTo[k])
		}
	}
	return 0
}

// dfa is an Aho–Corasick automaton compiled to a full DFA. Its alphabet is the set of
// bytes the phrases use (UTF-8 bytes of accented letters included); any
// other byte leaves the trie, or sends the DFA back to its root. States are
// numbered breadth first, so the shallow states a scan spends most of its
// time in share few cache lines; a transition's outBit says that its target
// ends a phrase.
type dfa struct {
	class [256]uint8
	width int      // alphabet size, class 0 included
	next  []uint16 // state*width + class -> state | outBit
	out   [][]int32
}

// NewPhraseSet compiles phrases, whose text must already be folded (see
// FoldLower).
func NewPhraseSet(phrases []Phrase) *phraseSet {
	ps := &phraseSet{Phrases: phrases, wordStart: make([]bool, len(phrases)), wordEnd: make([]bool, len(phrases))}
	var anchored, anywhere []int32
	for i, p := range phrases {
		ps.wordStart[i], ps.wordEnd[i] = isWordByte(p.Text[0]), isWordByte(p.Text[len(p.Text)-1])
		if p.Mode == ModeAny {
			anywhere = append(anywhere, int32(i))
		} else {
			anchored = append(anchored, int32(i))
		}
	}
	ps.anchored = newTrie(phrases, anchored)
	ps.anywhere = newDFA(phrases, anywhere)
	return ps
}

// newTrie builds the trie of the phrases listed in idx.
func newTrie(phrases []Phrase, idx []int32) trie {
	type edge struct {
		c  byte
		to int32
	}
	children := [][]edge{nil}
	out := [][]int32{nil}
	for _, pi := range idx {
		s := int32(0)
		text := phrases[pi].Text
	next:
		for j := 0; j < len(text); j++ {
			for _, e := range children[s] {
				if e.c == text[j] {
					s = e.to
					continue next
				}
			}
			children = append(children, nil)
			out = append(out, nil)
			u := int32(len(out) - 1)
			children[s] = append(children[s], edge{text[j], u})
			s = u
		}
		out[s] = append(out[s], pi)
	}
	if len(out) >= outBit {
		panic("extract: too many phrase states")
	}
	var t trie
	t.out = out
	t.edgeStart = make([]uint32, len(out)+1)
	for s, kids := range children {
		t.edgeStart[s] = uint32(len(t.edgeByte))
		for _, e := range kids {
			to := uint16(e.to)
			if len(out[e.to]) > 0 {
				to |= outBit
			}
			if s == 0 {
				t.root[e.c] = to
				continue
			}
			t.edgeByte = append(t.edgeByte, e.c)
			t.edgeTo = append(t.edgeTo, to)
		}
	}
	t.edgeStart[len(out)] = uint32(len(t.edgeByte))
	return t
}

// newDFA builds the automaton of the phrases listed in idx. Each state's
// outputs list the phrases ending there, longest first.
func newDFA(phrases []Phrase, idx []int32) dfa {
	var a dfa
	n := 1
	for _, pi := range idx {
		t := phrases[pi].Text
		for j := 0; j < len(t); j++ {
			if a.class[t[j]] == 0 {
				if n == 255 {
					panic("extract: phrase alphabet too large")
				}
				a.class[t[j]] = uint8(n)
				n++
			}
		}
	}
	a.width = n
	next := make([]int32, n)
	out := [][]int32{nil}
	for _, pi := range idx {
		s := int32(0)
		t := phrases[pi].Text
		for j := 0; j < len(t); j++ {
			c := int(a.class[t[j]])
			u := next[int(s)*n+c]
			if u == 0 {
				next = append(next, make([]int32, n)...)
				out = append(out, nil)
				u = int32(len(out) - 1)
				next[int(s)*n+c] = u
			}
			s = u
		}
		out[s] = append(out[s], pi)
	}
	states := len(out)
	if states >= outBit {
		panic("extract: too many phrase states")
	}
	// Renumber breadth first.
	order := make([]int32, 1, states)
	id := make([]int32, states)
	for q := 0; q < len(order); q++ {
		s := int(order[q])
		for c := 1; c < n; c++ {
			if u := next[s*n+c]; u != 0 {
				id[u] = int32(len(order))
				order = append(order, u)
			}
		}
	}
	bfs := make([]int32, states*n)
	a.out = make([][]int32, states)
	for old, s := range id {
		a.out[s] = out[old]
		for c := 1; c < n; c++ {
			if u := next[old*n+c]; u != 0 {
				bfs[int(s)*n+c] = id[u]
			}
		}
	}
	{
		// Failure links, folded into the transition table; in breadth-first
		// numbering a state's parent and failure target come before it.
		fail := make([]int32, states)
		for s := 1; s < states; s++ {
			a.out[s] = append(a.out[s], a.out[fail[s]]...)
			for c := 1; c < n; c++ {
				u := bfs[s*n+c]
				if u == 0 {
					bfs[s*n+c] = bfs[int(fail[s])*n+c]
					continue
				}
				fail[u] = bfs[int(fail[s])*n+c]
			}
		}
	}
	a.next = make([]uint16, len(bfs))
	for i, u := range bfs {
		a.next[i] = uint16(u)
		if len(a.out[u]) > 0 {
			a.next[i] |= outBit
		}
	}
	return a
}

// VocabHits summarises the vocabulary found in one line.
type VocabHits struct {
	Any    VocabKind // kinds matched anywhere (word-bounded)
	Prefix VocabKind // kinds matched at the start of the line
	Whole  VocabKind // kinds whose phrase is the whole line
	Cover  float32   // share of the line's letters covered by matched phrases
}

// bounded reports whether phrase pi, found at lower[b:e], sits on the word
// boundaries its first and last characters need.
func (ps *phraseSet) bounded(pi int32, lower string, b, e int) bool {
	return (!ps.wordStart[pi] || BoundaryBefore(lower, b)) && (!ps.wordEnd[pi] || BoundaryAfter(lower, e))
}

// Scan matches the folded line against the set.
func (ps *phraseSet) Scan(lower string) VocabHits {
	var h VocabHits
	start, end := ContentBounds(lower)
	if start >= end {
		return h
	}
	// Anchored phrases start where the content does; the ends of those
	// that match, in increasing order, are kept for the coverage.
	var endsBuf [8]int
	ends := endsBuf[:0]
	a := &ps.anchored
	s := 0
	for i := start; i < end; i++ {
		u := a.step(s, lower[i])
		if u == 0 {
			break
		}
		s = u &^ outBit
		if u&outBit == 0 {
			continue
		}
		matched := false
		for _, pi := range a.out[s] {
			p := &ps.Phrases[pi]
			if !ps.bounded(pi, lower, start, i+1) || p.Mode == ModeWhole && i+1 != end {
				continue
			}
			if p.Mode == ModeWhole {
				h.Whole |= p.Kind
			}
			if ps.Fired != nil {
				ps.Fired[pi] = true
			}
			h.Prefix |= p.Kind
			h.Any |= p.Kind
			matched = true
		}
		if matched {
			ends = append(ends, i+1)
		}
	}
	// Coverage counts each end position once, for the longest phrase
	// ending there, and bytes once even when matches overlap.
	covered, coverEnd := 0, 0
	cover := func(b, e int) {
		from := max(b, coverEnd)
		if e > from {
			covered += e - from
			coverEnd = e
		}
	}
	k := 0
	d := &ps.anywhere
	s = 0
	for i := start; i < end; i++ {
		c := d.class[lower[i]]
		if c == 0 {
			s = 0
			continue
		}
		u := d.next[s*d.width+int(c)]
		s = int(u &^ outBit)
		if u&outBit == 0 {
			continue
		}
		e := i + 1
		longest := -1
		for _, pi := range d.out[s] {
			b := e - len(ps.Phrases[pi].Text)
			if !ps.bounded(pi, lower, b, e) {
				continue
			}
			h.Any |= ps.Phrases[pi].Kind
			if ps.Fired != nil {
				ps.Fired[pi] = true
			}
			if longest < 0 {
				longest = b
			}
		}
		if longest < 0 {
			continue
		}
		for k < len(ends) && ends[k] < e {
			cover(start, ends[k])
			k++
		}
		if k < len(ends) && ends[k] == e {
			longest = start
			k++
		}
		cover(longest, e)
	}
	for ; k < len(ends); k++ {
		cover(start, ends[k])
	}
	h.Cover = float32(covered) / float32(end-start)
	return h
}

// ContentBounds trims non-letters (digits, punctuation, bullets, spaces)
// from both ends, so "Share:" and "• Related" match their phrases whole.
func ContentBounds(s string) (int, int) {
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

func BoundaryBefore(s string, i int) bool {
	if i <= 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !IsWordRune(r)
}

func BoundaryAfter(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !IsWordRune(r)
}

// isWordByte reports ASCII letters and digits, and any byte of a non-ASCII
// rune (which, in the vocabulary, is always part of a letter).
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= utf8.RuneSelf
}

func IsWordRune(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r == '_') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// FoldLower lowercases s and folds typographic quotes and dashes to ASCII,
// so one phrase matches every spelling (lexicon.Fold, which the credit
// reader uses too).
func FoldLower(s string) string { return lexicon.Fold(s) }

// FoldRune is FoldLower for one rune beyond ASCII.
func FoldRune(r rune) rune { return lexicon.FoldRune(r) }
