package text

import (
	"strings"

	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// cuedDateLine finds, anywhere in a text dump with no date near its
// headline, a short line whose words call a full date the publication's
// ("… wurde am 19. Mai 2010 gepostet", "Gespeichert von X am …") or put a
// credit before it ("Von X am …", "Author: X am …"); failing that, one
// that calls it an update. Blog and CMS templates print these under the
// article. It is the text front-end's htmlCuedDate.
func cuedDateLine(doc *document) (int, datetime.Match, bool) {
	upd, updAt := datetime.Match{}, -1
	ctx := doc.dateCtx()
	for i := range doc.blocks {
		b := &doc.blocks[i]
		if b.words > 30 || b.digits == 0 || b.label == labelTitle || b.label == labelComments {
			continue
		}
		m, ok := doc.dateOf(i)
		if !ok || !m.HasYear || m.Relative || m.Confidence < 0.5 {
			continue
		}
		cue := lexicon.DateCue(page.FoldLower(b.text[:m.Start]))
		if cue == 0 {
			cue = cueAfterDate(b.text, m)
		}
		switch {
		case cue > 0 || page.CreditBefore(b.text[:m.Start], ctx):
			return i, m, true
		case cue < 0 && updAt < 0:
			upd, updAt = m, i
		}
	}
	return updAt, upd, updAt >= 0
}

// cueAfterDate reads a publication or update cue in the clause after a
// date, where verb-final languages put the participle: "… wurde am 19. Mai
// 2010 um 23:03 Uhr gepostet und unter X abgelegt", "Dieser Beitrag wurde am
// 04/02/2020 von X in Y veröffentlicht." Only a short clause counts: a
// sentence that goes on and on about publishing is no post line.
func cueAfterDate(text string, m datetime.Match) int {
	// The clause ends at a sentence end, a separator or the next number
	// (another date has cues of its own: "11.01.2022 / Aktualisiert am …").
	rest := text[m.End:]
	if k := strings.IndexAny(rest, ".!?|;/•·–\n0123456789"); k >= 0 {
		rest = rest[:k]
	}
	if len(strings.Fields(rest)) > cueAfterWords {
		return 0
	}
	return lexicon.DateCue(page.FoldLower(rest))
}

// cueAfterDate's reach: a credit, a category list and the participle.
const cueAfterWords = 12
