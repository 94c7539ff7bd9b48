package credit

import (
	"strings"
	"testing"
	"unicode"

	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// endsWithDateCueFolded is the test endsWithDateCueASCII replaces, on the
// folded line.
func endsWithDateCueFolded(s string) bool {
	end := strings.TrimRightFunc(lexicon.Fold(s), unicode.IsSpace)
	for _, w := range lexicon.DateCueWords {
		if i := len(end) - len(w) - 1; i > 0 && end[i] == ' ' && end[i+1:] == w {
			return true
		}
	}
	return false
}

func TestEndsWithDateCueASCII(t *testing.T) {
	for _, tc := range []struct {
		in        string
		found, ok bool
	}{
		{"Ann Lee Last Updated", true, true},
		{"Ann Lee updated \t\r\n", true, true},
		{"Ann Lee", false, true},
		{"updated", false, true}, // the cue alone: no space before it
		{" updated", false, true},
		{"Ann Lee outdated", false, true},
		{"", false, true},
		{"Ann Lée updated", false, false},
		{"Ann Lee \xff updated", false, false},
	} {
		found, ok := endsWithDateCueASCII(tc.in)
		if found != tc.found || ok != tc.ok {
			t.Errorf("endsWithDateCueASCII(%q) = %v, %v, want %v, %v", tc.in, found, ok, tc.found, tc.ok)
		}
		if ok && found != endsWithDateCueFolded(tc.in) {
			t.Errorf("endsWithDateCueASCII(%q) = %v, the folded test says %v", tc.in, found, !found)
		}
	}
}

func FuzzEndsWithDateCueASCII(f *testing.F) {
	for _, s := range []string{"Jane Doe Published", "Ann Lee zuletzt aktualisiert", "A B  \v", "PUBLISHED ON"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if found, ok := endsWithDateCueASCII(s); ok && found != endsWithDateCueFolded(s) {
			t.Errorf("endsWithDateCueASCII(%q) = %v, the folded test says %v", s, found, !found)
		}
	})
}

func TestCueIndex(t *testing.T) {
	by := -1
	for i, c := range lexicon.Cues {
		if c.Text == "by" {
			by = i
		}
	}
	for _, tc := range []struct {
		lower string
		limit int
		want  int
	}{
		{"photo by ann", 41, 5},
		{"photo by ann", 5, -1},
		{"photo by ann", 6, 5},
		{"a by b by c", 3, 1},
		{strings.Repeat("x", 50) + " by ann", 41, -1},
		{strings.Repeat("x", 40) + " by ann", 41, 40},
		{"by ann", 41, -1},
		{"", 41, -1},
	} {
		got := cueIndex(tc.lower, by, tc.limit)
		if got != tc.want {
			t.Errorf("cueIndex(%q, by, %d) = %d, want %d", tc.lower, tc.limit, got, tc.want)
		}
		// Below the limit it is strings.Index.
		if full := strings.Index(tc.lower, " by "); full < tc.limit && got != full {
			t.Errorf("cueIndex(%q, by, %d) = %d, strings.Index %d", tc.lower, tc.limit, got, full)
		}
	}
}
