package credit

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// authorLabelAfterDate reads a blog template's post line whose labels for screen
// readers run into the values: "Posted on 2. Mai 20212. Mai 2021Author Ann
// Lee", "Posted on 3 May 2021Author Ann Lee 4 Comments". After the date
// (or the published and modified dates run together) comes a labelling
// cue ("Author", "Autor"), glued or not, then the credit up to a number.
// It returns the credit.
func authorLabelAfterDate(s string, dates *datetime.Line, ctx datetime.Context) (string, bool) {
	dm, ok := dates.Find(len(s))
	if !ok || !dm.HasYear || dm.Start > 30 {
		return "", false
	}
	rest := restAfterDates(s, dm, ctx)
	low := lexicon.Fold(rest)
	for _, c := range lexicon.Cues {
		if c.Preposition || c.Glued || !strings.HasPrefix(low, c.Text) {
			continue
		}
		// Folding keeps the cues' byte offsets (see Parse).
		after := rest[len(c.Text):]
		r, _ := utf8.DecodeRuneInString(after)
		if r != ' ' && r != ':' && !unicode.IsUpper(r) {
			return "", false // "Authored", "Autorenteam"
		}
		name := strings.TrimLeft(after, " :")
		for i, r := range name {
			if unicode.IsDigit(r) {
				name = name[:i] // "Ann Lee4 Kommentare"
				break
			}
		}
		name = strings.TrimSpace(name)
		return name, name != ""
	}
	return "", false
}
