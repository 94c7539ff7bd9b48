package text

import "github.com/pressroom/pressroom/internal/extract/page"

// leadParagraph reports a dek that reads as the article's first paragraph:
// two sentences or more, and no credit right under it. A summary line
// heads the credit block (headline, dek, byline); a lead paragraph follows
// the header or closes it, with the story going on below.
func leadParagraph(doc *document, dek int) bool {
	b := &doc.blocks[dek]
	if b.words < leadParagraphWords || page.SentenceCount(b.text) < 2 {
		return false
	}
	for i := dek + 1; i < len(doc.blocks); i++ {
		if nb := &doc.blocks[i]; nb.words > 0 {
			return nb.label != labelByline && i != doc.meta.byline.idx
		}
	}
	return false
}

// leadParagraphWords is the shortest lead paragraph of two sentences.
const leadParagraphWords = 15
