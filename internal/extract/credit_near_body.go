package extract

// findBylineNearBody looks for an explicit credit ("By …", "Written by …")
// just above the start of the body when none was found around the
// headline, as happens when the headline itself was missed (a caption or
// a teaser taken for it). The nearest one wins, however long the role
// description after the name ("By Jane Roe, a deputy editor who …").
func findBylineNearBody(doc *document) {
	if len(doc.meta.authors) > 0 || doc.bodyEnd <= doc.bodyStart {
		return
	}
	bs := doc.blocks
	for i := doc.bodyStart - 1; i >= 0 && doc.bodyStart-i <= bylineNearBodyReach; i-- {
		b := &bs[i]
		if b.label == labelTitle || b.label == labelBody || b.words > 40 {
			continue
		}
		m, ok := doc.parseBylineOf(i)
		if !ok || !m.cue || len(m.authors) == 0 {
			continue
		}
		doc.meta.authors, doc.meta.agencies = m.authors, m.agencies
		doc.meta.byline = field{value: b.text, idx: i, rule: "byline:near-body", conf: 0.5}
		b.label, b.reason = labelByline, "byline:near-body"
		return
	}
}

// bylineNearBodyReach is how many blocks above the body a credit is looked
// for when the headline gave none.
const bylineNearBodyReach = 12
