package credit

import (
	"strings"

	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// spacedCues holds " "+cue+" " for each of lexicon.Cues, by index: Parse
// searches every line tried as a credit for its preposition cues, and
// building the needle each time cost as much as a short search.
var spacedCues = func() []string {
	out := make([]string, len(lexicon.Cues))
	for i, c := range lexicon.Cues {
		out[i] = " " + c.Text + " "
	}
	return out
}()

// cueIndex is strings.Index(lower, spacedCues[ci]) where only an index
// below limit matters: it returns -1 when the first one is at limit or
// beyond, without reading the rest of a long line.
func cueIndex(lower string, ci, limit int) int {
	needle := spacedCues[ci]
	if end := limit - 1 + len(needle); end < len(lower) {
		lower = lower[:end]
	}
	return strings.Index(lower, needle)
}

// cueFirstBytes marks the bytes a cue of lexicon.Cues starts with.
var cueFirstBytes = func() (t [256]bool) {
	for _, c := range lexicon.Cues {
		t[c.Text[0]] = true
	}
	return t
}()

// cuesOpening returns lexicon.Cues, or nil when none can open lower: most
// lines tried as a credit start with a byte no cue starts with, and need
// not be compared with each cue.
func cuesOpening(lower string) []lexicon.Cue {
	if lower == "" || !cueFirstBytes[lower[0]] {
		return nil
	}
	return lexicon.Cues
}
