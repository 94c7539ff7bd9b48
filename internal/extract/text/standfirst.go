package text

import "github.com/pressroom/pressroom/internal/extract/page"

// keepStandfirst opens the body with a standfirst that is a paragraph:
// the line under the headline that findDek took, when it runs to a
// paragraph's length (page.StandfirstWords, or standfirstSentences sentences),
// or that leads into the story (leadUnderDate, leadParagraph).
// A one-sentence dek summarises the headline and stays out of the body; a
// lead paragraph set in bold above the credit is the article's opening.
// It stays the description too.
func keepStandfirst(doc *document) {
	d := doc.meta.describe.description
	if d.idx < 0 || d.rule != "dek:under-headline" || d.idx >= doc.bodyStart || doc.bodyEnd <= doc.bodyStart {
		return
	}
	b := &doc.blocks[d.idx]
	if !b.endsSentence || (b.words < page.StandfirstWords && page.SentenceCount(b.text) < standfirstSentences && !leadUnderDate(doc, d.idx) && !leadParagraph(doc, d.idx)) {
		return
	}
	b.label, b.reason = labelBody, "standfirst"
	doc.bodyStart = d.idx
}

// A standfirst that is a paragraph, not a dek: its words or its sentences.
const (
	standfirstSentences = 3
)

// longerThanDek reports a body paragraph in [a, b) longer than any dek: a
// credit under it closes a short article ("By … on …"), it does not head
// one.
func longerThanDek(doc *document, a, b int) bool {
	for i := max(a, 0); i < b; i++ {
		if bl := &doc.blocks[i]; bl.label == labelBody && bl.words >= dekMaxWords {
			return true
		}
	}
	return false
}

// dekMaxWords is more words than a dek or standfirst line runs to.
const dekMaxWords = 45

// leadUnderDate reports a dek printed under the headline and the date,
// before any credit, as the first paragraph of an article is; a summary
// line sits between the headline and the credit, above the date. A line
// under a picture's credit is the picture's caption.
func leadUnderDate(doc *document, dek int) bool {
	t, dt, by := doc.meta.title.idx, doc.meta.date.idx, doc.meta.byline.idx
	if t < 0 || dt <= t || dt >= dek || by > t && by < dek || doc.blocks[dek].words < leadMinWords {
		return false
	}
	for i := dt + 1; i < dek; i++ {
		if doc.blocks[i].label == labelCaption {
			return false
		}
	}
	return true
}

// leadMinWords is the shortest lead paragraph under the date.
const leadMinWords = 15
