package extract

// creditAnywhere finds, in a dump with no credit near its headline, a
// short line anywhere that opens with an explicit credit cue ("Autorin:
// …", "Author: …", "Written by …") and names a person or a pen name. It
// is the text front-end's htmlCreditAnywhere.
func creditAnywhere(doc *document) (int, bylineMatch, bool) {
	for i := range doc.blocks {
		b := &doc.blocks[i]
		if b.words > 16 || b.label == labelTitle || b.label == labelComments || b.vocab.prefix&vByline == 0 || !htmlOpensWithCue(b.text) {
			continue
		}
		m, ok := doc.parseBylineOf(i)
		if ok && m.cue && !m.label && len(m.authors) > 0 {
			return i, m, true
		}
	}
	return -1, bylineMatch{}, false
}
