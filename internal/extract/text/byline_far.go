package text

import (
	"strings"

	"github.com/pressroom/pressroom/internal/extract/credit"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// creditAnywhere finds, in a dump with no credit near its headline, a
// short line anywhere that opens with an explicit credit cue ("Autorin:
// …", "Author: …", "Written by …") and names a person or a pen name. It
// is the text front-end's htmlCreditAnywhere.
func creditAnywhere(doc *document) (int, credit.Match, bool) {
	for i := range doc.blocks {
		b := &doc.blocks[i]
		if b.label != labelComments {
			if m, ok := doc.splitCredit(i); ok {
				return i + 1, m, true
			}
		}
		if b.words > 16 || b.label == labelTitle || b.label == labelComments || b.vocab.Prefix&page.VByline == 0 || !credit.OpensWithCue(b.text) {
			continue
		}
		m, ok := doc.parseBylineOf(i)
		if ok && m.Cue && !m.Label && len(m.Authors) > 0 {
			return i, m, true
		}
	}
	return -1, credit.Match{}, false
}

// repeatedName finds, in a dump with no credit anywhere, a person's name
// printed alone on a line at least twice: the byline and the author box
// under the article, or the author box twice. A name mentioned in the
// story is inside sentences, not alone on its lines.
func repeatedName(doc *document) (int, credit.Match, bool) {
	seen := map[string]int{}
	for i := range doc.blocks {
		b := &doc.blocks[i]
		if b.words < 2 || b.words > 4 || b.capWords < 2 || b.label == labelTitle || b.label == labelComments || b.label == labelBody {
			continue
		}
		name := strings.TrimSpace(b.text)
		if !credit.PersonName(name) {
			continue
		}
		if first, ok := seen[name]; ok {
			if sameNeighbour(doc, first, i) {
				continue
			}
			m, ok := doc.parseBylineOf(first)
			if ok && len(m.Authors) == 1 && len(m.Agencies) == 0 {
				return first, m, true
			}
			continue
		}
		seen[name] = i
	}
	return -1, credit.Match{}, false
}

// sameNeighbour reports two lines printed with the same line before or
// after them: a menu or a list printed twice (header and footer, desktop
// and mobile), whose entries repeat with it. A byline and its author box
// stand among different lines.
func sameNeighbour(doc *document, a, b int) bool {
	bs := doc.blocks
	if a > 0 && bs[a-1].text == bs[b-1].text {
		return true
	}
	return b+1 < len(bs) && bs[a+1].text == bs[b+1].text
}
