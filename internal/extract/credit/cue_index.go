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
