package credit

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// EndsWithCue reports a line that ends in a preposition cue whose name is
// printed on the next line: "von", "21.01.2022 11:46 von", "Kolumne von".
// Templates that set the author in a link of its own break the credit
// there. Before the cue there may be nothing, a date, or one word (a
// section or kind of piece); a longer line is a sentence that wrapped.
// "by" counts only alone or after a date: "Photo by" credits a picture.
// The caller rejects a line of page furniture ("Präsentiert von").
func EndsWithCue(text string, ctx datetime.Context) bool {
	s := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(text), ":："))
	if s == "" || len(s) > 60 {
		return false
	}
	low := lexicon.Fold(s)
	for _, c := range lexicon.Cues {
		// "durch" (through) before a line break is a route's more often
		// than a credit's: "Wanderung durch" / "Bad Schwartau".
		if !c.Preposition && c.Text != "by" || c.Text == "durch" {
			continue
		}
		head, ok := strings.CutSuffix(low, c.Text)
		if !ok || head != "" && !strings.HasSuffix(head, " ") {
			continue
		}
		// The cues here are ASCII, so the original is cut where the
		// folded text was.
		before := strings.TrimSpace(s[:len(head)])
		if before == "" {
			return true
		}
		if dm, ok := datetime.Find(before, ctx); ok && dm.Start == 0 {
			return true
		}
		// A label is a noun ("Disko von", "Kolumne von"); a participle
		// ("präsentiert von", "gefördert von") credits a sponsor.
		if c.Preposition && WordCount(before) == 1 && startsUpper(before) && !photoWord(lexicon.Fold(before)) {
			return true
		}
		return false
	}
	return false
}

// photoWord reports a word that makes what follows a picture's credit.
func photoWord(low string) bool {
	for _, w := range lexicon.PhotoCredit {
		if strings.HasPrefix(low, strings.TrimRight(w, ":")) {
			return true
		}
	}
	return false
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
