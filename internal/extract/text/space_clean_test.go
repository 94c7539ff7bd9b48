package text

import (
	"strings"
	"testing"
)

// spaceLead marks the bytes the byte loop looks at: ASCII white space and
// the lead byte of U+0085.
var spaceLead = [256]bool{' ': true, '\t': true, '\v': true, '\f': true, '\r': true, 0xc2: true}

// spaceCleanByBytes is the byte loop spaceClean replaced, kept as the
// reference.
func spaceCleanByBytes(s string) bool {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !spaceLead[c] {
			prevSpace = false
			continue
		}
		if c == ' ' {
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		}
		if c != 0xc2 || i+1 < len(s) && s[i+1] == 0x85 {
			return false
		}
		prevSpace = false
	}
	return true
}

func TestSpaceClean(t *testing.T) {
	long := strings.Repeat("word ", 300)
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"", true},
		{"a b c", true},
		{"a b c ", true}, // trailing spaces are trimmed, not collapsed
		{" a", false},
		{"a  b", false},
		{"a\tb", false},
		{"a\vb", false},
		{"a\fb", false},
		{"a\rb", false},
		{"a\u0085b", false},
		{"a\xc2", true},      // a truncated rune, not U+0085
		{"a\xc2 b", true},    // likewise
		{"a\u00a0b", true},   // no-break spaces were made plain before
		{"中文没有空格的句子", true},  // spaceless script
		{long + " x", false}, // far into a long line
		{long + "\r", false}, // at its very end
		{long, true},         // a long clean line
		{"\xff\xfe \xc2\x85", false},
	} {
		if got := spaceClean(tc.in); got != tc.want {
			t.Errorf("spaceClean(%q) = %v, want %v", tc.in, got, tc.want)
		}
		if ref := spaceCleanByBytes(tc.in); ref != tc.want {
			t.Errorf("spaceCleanByBytes(%q) = %v, want %v", tc.in, ref, tc.want)
		}
	}
}

func FuzzSpaceClean(f *testing.F) {
	for _, s := range []string{"a b", " a", "a  b", "a\tb", "x\xc2\x85y", "\xc2", "漢字 かな"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := spaceClean(s), spaceCleanByBytes(s); got != want {
			t.Errorf("spaceClean(%q) = %v, the byte loop says %v", s, got, want)
		}
	})
}

func BenchmarkSpaceClean(b *testing.B) {
	para := strings.Repeat("The council voted on Tuesday to approve the bridge, officials said. ", 15)
	for _, bc := range []struct {
		name string
		fn   func(string) bool
	}{{"vector", spaceClean}, {"bytes", spaceCleanByBytes}} {
		b.Run(bc.name+"/paragraph", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				bc.fn(para)
			}
		})
		b.Run(bc.name+"/short", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				bc.fn("Share this article")
			}
		})
	}
}
