package credit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// TestCuesOpening checks that no cue opening a line is skipped or reordered:
// for every cue, and for lines no cue opens, cuesOpening keeps the cues a
// prefix test of every cue would find, in lexicon.Cues's order (Parse takes
// the first).
func TestCuesOpening(t *testing.T) {
	lines := []string{"", "x", "ann lee", "© 2024", "\xff by", "记者 张三"}
	for _, c := range lexicon.Cues {
		lines = append(lines, c.Text, c.Text+" ann lee", c.Text+":")
	}
	for _, l := range lines {
		var want, got []string
		for _, c := range lexicon.Cues {
			if strings.HasPrefix(l, c.Text) {
				want = append(want, c.Text)
			}
		}
		for _, c := range cuesOpening(l) {
			if strings.HasPrefix(l, c.Text) {
				got = append(got, c.Text)
			}
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("cuesOpening(%q) opens with %q, want %q", l, got, want)
		}
	}
}

// TestInlineCueLists checks the cue lists Parse searches inside a line
// against the conditions they stand for, in lexicon.Cues's order.
func TestInlineCueLists(t *testing.T) {
	var prep, afterDate []int
	for ci, c := range lexicon.Cues {
		if c.Preposition {
			prep = append(prep, ci)
		}
		if c.Preposition || c.Text == "by" {
			afterDate = append(afterDate, ci)
		}
	}
	for _, tt := range []struct {
		name      string
		got, want []int
	}{
		{"prepositionCues", prepositionCues, prep},
		{"afterDateCues", afterDateCues, afterDate},
	} {
		if len(tt.want) == 0 || fmt.Sprint(tt.got) != fmt.Sprint(tt.want) {
			t.Errorf("%s = %v, want %v (not empty)", tt.name, tt.got, tt.want)
		}
	}
}
