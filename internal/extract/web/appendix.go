package web

import (
	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// htmlEndAtAppendix ends the content at a short label that opens the page's
// appendix under an article: "More information", "Contact:", "See also:",
// followed by no more than a small share of the article's text and by no
// paragraph of prose. An article's own last section says more than that.
func htmlEndAtAppendix(blocks []dom.Block, labels []string) {
	content := htmlContentBlocks(labels)
	total := htmlCharsOf(blocks, content)
	before := 0
	for k, i := range content {
		b := &blocks[i]
		if before >= page.ArticleChars && (appendixLabel(b) || appendixHeading(b) && !htmlSentencesAmong(blocks, content[k+1:])) && page.AppendixSmallTail(total-before-b.Chars, before) &&
			!htmlProseAmong(blocks, content[k+1:]) {
			for _, j := range content[k:] {
				labels[j] = dom.LabelLinks
			}
			return
		}
		before += b.Chars
	}
}

// appendixLabel reports a block shaped like the label of a section: a
// heading or a line ending with a colon, of a few words.
func appendixLabel(b *dom.Block) bool {
	if b.Words == 0 || b.Words > page.AppendixLabelWords {
		return false
	}
	return b.Text[len(b.Text)-1] == ':'
}

// appendixHeading reports a heading of a few words that does not end a
// sentence: the title of a section ("More on this", "About the author").
func appendixHeading(b *dom.Block) bool {
	return b.HeadingLvl > 0 && b.Words > 0 && b.Words <= page.AppendixLabelWords && !page.EndsSentence(b.Text)
}

// htmlSentencesAmong reports whether one of the blocks idx is a sentence
// of some length: under a section's heading, what follows an article's
// own last section is said in sentences, an appendix in names and links.
func htmlSentencesAmong(blocks []dom.Block, idx []int) bool {
	for _, i := range idx {
		if b := &blocks[i]; b.Words >= appendixSentenceWords && b.LinkDensity() < 0.5 && page.EndsSentence(b.Text) {
			return true
		}
	}
	return false
}

// appendixSentenceWords: a sentence, beyond a label or a name.
const appendixSentenceWords = 10

// htmlProseAmong reports whether one of the blocks idx is a paragraph of
// prose: long and ending a sentence.
func htmlProseAmong(blocks []dom.Block, idx []int) bool {
	for _, i := range idx {
		if blocks[i].Words >= page.AppendixProseWords && page.EndsSentence(blocks[i].Text) {
			return true
		}
	}
	return false
}
