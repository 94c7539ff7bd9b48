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

// prepositionCues and afterDateCues index, in order, the cues of
// lexicon.Cues that Parse searches inside a line: the prepositions, and
// those with "by" (which may follow a date). Every line tried as a credit
// is searched for them, and skipping the other cues one by one cost more
// than the searches of short lines.
var prepositionCues, afterDateCues = func() (prep, afterDate []int) {
	for ci, c := range lexicon.Cues {
		if c.Preposition {
			prep = append(prep, ci)
		}
		if c.Preposition || c.Text == "by" {
			afterDate = append(afterDate, ci)
		}
	}
	return prep, afterDate
}()

// spacedSuffixes holds " "+suffix for each of lexicon.Suffixes, built once
// rather than per line tried as a credit.
var spacedSuffixes = func() []string {
	out := make([]string, len(lexicon.Suffixes))
	for i, suf := range lexicon.Suffixes {
		out[i] = " " + suf
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

// cuesByFirstByte lists, for each byte, the cues of lexicon.Cues that start
// with it, in lexicon.Cues's order: Parse takes the first cue that opens the
// line, and a cue starting with another byte cannot, so comparing the line
// with those alone finds the same cue without a HasPrefix per cue.
var cuesByFirstByte = func() (t [256][]lexicon.Cue) {
	for _, c := range lexicon.Cues {
		t[c.Text[0]] = append(t[c.Text[0]], c)
	}
	return t
}()

// cuesOpening returns the cues of lexicon.Cues that may open lower, in
// lexicon.Cues's order: those starting with its first byte.
func cuesOpening(lower string) []lexicon.Cue {
	if lower == "" {
		return nil
	}
	return cuesByFirstByte[lower[0]]
}
