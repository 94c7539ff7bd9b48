package extract

import (
	"strings"

	"github.com/pressroom/pressroom/internal/extract/credit"
)

// splitCredit reads a credit broken over two blocks: block i ends in a
// preposition cue ("von", "<date> von") and block i+1 is the person's
// name alone. The cue makes the name as explicit as "By Name".
func (doc *document) splitCredit(i int) (bylineMatch, bool) {
	if i+1 >= len(doc.blocks) || doc.blocks[i].words > 6 || doc.blocks[i].vocab.any&boilerKinds != 0 {
		return bylineMatch{}, false
	}
	next := &doc.blocks[i+1]
	if next.words < 2 || next.words > 4 || next.label == labelTitle {
		return bylineMatch{}, false
	}
	if !credit.EndsWithCue(doc.blocks[i].text, doc.dateCtx()) || !credit.PersonName(strings.TrimSpace(next.text)) {
		return bylineMatch{}, false
	}
	m, ok := doc.parseBylineOf(i + 1)
	if !ok || len(m.authors) != 1 || len(m.agencies) > 0 || m.lone {
		return bylineMatch{}, false
	}
	m.cue = true
	return m, true
}
