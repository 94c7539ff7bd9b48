package text

// releaseTableCells takes the barrier labels off the cells of a table: a
// column headed "Comment" or "Subscription" is no comment section and no
// paywall, and ending the article there loses the table and everything
// after it. innerText separates cells that hold paragraphs by a line of
// tabs alone, which is what marks these lines.
func releaseTableCells(doc *document) {
	for i := range doc.blocks {
		b := &doc.blocks[i]
		if !b.cellNext || b.words > 3 || b.label != labelComments && b.label != labelPaywall {
			continue
		}
		b.label, b.reason = labelNone, "layout:table-cell"
		b.score = max(contentScore(doc, b), scoreTableRow)
	}
}
