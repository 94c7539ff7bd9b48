package page

import (
	"strings"
	"testing"
)

// referencePhraseSet is the plain Aho–Corasick automaton over all phrases,
// which phraseSet must agree with. It is compiled to a full DFA. Its
// alphabet is the set of bytes the phrases use (UTF-8 bytes of accented
// letters included); any other byte sends the automaton back to its root.
// It is built once and only read afterwards, so it is safe for concurrent
// use.
type referencePhraseSet struct {
	class   [256]uint8
	width   int     // alphabet size, class 0 included
	next    []int32 // state*width + class -> state
	out     [][]int32
	phrases []Phrase
}

// newReferencePhraseSet compiles phrases, whose text must already be folded (see
// FoldLower).
func newReferencePhraseSet(phrases []Phrase) *referencePhraseSet {
	ps := &referencePhraseSet{phrases: phrases}
	n := 1
	for _, p := range phrases {
		for j := 0; j < len(p.Text); j++ {
			if ps.class[p.Text[j]] == 0 {
				if n == 255 {
					panic("extract: phrase alphabet too large")
				}
				ps.class[p.Text[j]] = uint8(n)
				n++
			}
		}
	}
	ps.width = n
	ps.next = make([]int32, n)
	ps.out = append(ps.out, nil)
	for i, p := range phrases {
		s := int32(0)
		for j := 0; j < len(p.Text); j++ {
			c := int(ps.class[p.Text[j]])
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

// scan matches the folded line against the set.
func (ps *referencePhraseSet) scan(lower string) VocabHits {
	var h VocabHits
	start, end := ContentBounds(lower)
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
			b := i + 1 - len(p.Text)
			// Word boundaries matter only where the phrase has a word
			// character: "/ap" matches "Doe/AP", "reuters/" matches "Reuters/X".
			if isWordByte(p.Text[0]) && !BoundaryBefore(lower, b) ||
				isWordByte(p.Text[len(p.Text)-1]) && !BoundaryAfter(lower, i+1) {
				continue
			}
			switch p.Mode {
			case ModeAny:
				h.Any |= p.Kind
			case ModePrefix:
				if b != start {
					continue
				}
				h.Prefix |= p.Kind
				h.Any |= p.Kind
			case ModeWhole:
				if b != start || i+1 != end {
					continue
				}
				h.Whole |= p.Kind
				h.Prefix |= p.Kind
				h.Any |= p.Kind
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
		h.Cover = float32(covered) / float32(n)
	}
	return h
}

var referenceVocab = newReferencePhraseSet(Vocab.Phrases)

func checkScan(t *testing.T, line string) {
	t.Helper()
	lower := FoldLower(line)
	if got, want := Vocab.Scan(lower), referenceVocab.scan(lower); got != want {
		t.Errorf("scan(%q) = %+v, want %+v", lower, got, want)
	}
}

func TestPhraseSetAgreesWithReference(t *testing.T) {
	lines := []string{
		"", "Share", "Share:", "• Related", "Related Articles", "Share on Facebook Share on Twitter",
		"Read more: Why prices rose", "© 2019 Example Media Inc. All rights reserved.",
		"Firefighters at the scene on Monday. Jane Doe/AP", "Photo: Jane Doe, AP",
		"By Jane Doe, Associated Press", "5min read", "5 min read", "Sign up for our daily newsletter",
		"Subscribe to continue reading. Already a subscriber? Log in.", "Related: cookie policy and privacy policy",
		"Comments (12) Share Tweet", "Leia também: tudo sobre", "Читайте также", "関連記事",
		"The company said it would share the results with regulators next week, after the review.",
	}
	for _, l := range lines {
		checkScan(t, l)
	}
	// Every phrase on its own, as a prefix and inside a sentence.
	for _, p := range Vocab.Phrases {
		checkScan(t, p.Text)
		checkScan(t, p.Text+" and more words")
		checkScan(t, "Some words "+p.Text+" and more")
		checkScan(t, strings.ToUpper(p.Text)+": "+p.Text)
	}
}

func FuzzPhraseScan(f *testing.F) {
	f.Add("Related: cookie policy and privacy policy")
	f.Add("Photo: Jane Doe/AP reuters/ share on facebook")
	f.Fuzz(func(t *testing.T, line string) {
		checkScan(t, line)
	})
}
