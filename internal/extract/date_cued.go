package extract

import (
	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
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
		switch cue := lexicon.DateCue(foldLower(b.text[:m.Start])); {
		case cue > 0 || htmlCreditBefore(b.text[:m.Start], ctx):
			return i, m, true
		case cue < 0 && updAt < 0:
			upd, updAt = m, i
		}
	}
	return updAt, upd, updAt >= 0
}
