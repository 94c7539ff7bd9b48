package credit

import (
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// TestCuesOpening checks that no cue opening a line is skipped: for every
// cue, and for lines no cue opens, cuesOpening keeps what a prefix test of
// every cue would find.
func TestCuesOpening(t *testing.T) {
	lines := []string{"", "x", "ann lee", "© 2024", "\xff by", "记者 张三"}
	for _, c := range lexicon.Cues {
		lines = append(lines, c.Text, c.Text+" ann lee", c.Text+":")
	}
	for _, l := range lines {
		want := 0
		for _, c := range lexicon.Cues {
			if strings.HasPrefix(l, c.Text) {
				want++
			}
		}
		got := 0
		for _, c := range cuesOpening(l) {
			if strings.HasPrefix(l, c.Text) {
				got++
			}
		}
		if got != want {
			t.Errorf("cuesOpening(%q): %d cues open it, want %d", l, got, want)
		}
	}
}
