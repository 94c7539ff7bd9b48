package text

import (
	"strings"

	"github.com/pressroom/pressroom/internal/extract/credit"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// splitCredit reads a credit broken over two blocks: block i ends in a
// preposition cue ("von", "<date> von") and block i+1 is the person's
// name alone. The cue makes the name as explicit as "By Name".
func (doc *document) splitCredit(i int) (credit.Match, bool) {
	if i+1 >= len(doc.blocks) || doc.blocks[i].words > 6 || doc.blocks[i].vocab.Any&page.BoilerKinds != 0 {
		return credit.Match{}, false
	}
	next := &doc.blocks[i+1]
	if next.words < 2 || next.words > 4 || next.label == labelTitle {
		return credit.Match{}, false
	}
	if !credit.EndsWithCue(doc.blocks[i].text, doc.dateCtx()) || !credit.PersonName(strings.TrimSpace(next.text)) {
		return credit.Match{}, false
	}
	m, ok := doc.parseBylineOf(i + 1)
	if !ok || len(m.Authors) != 1 || len(m.Agencies) > 0 || m.Lone {
		return credit.Match{}, false
	}
	m.Cue = true
	return m, true
}
