package web

import (
	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// htmlDropOrphanHeadings drops a heading that heads nothing: after the
// article's first paragraph, a heading, or a short question, whose
// section holds no kept text before the next heading of its rank or the
// end of the page. What it announced ("More on this topic", "Already
// seen?") was a list of links or a widget, dropped already; the title
// alone is boilerplate. A line ending with a colon stays: it introduces
// the article's own list of sources or links ("Sources:").
func htmlDropOrphanHeadings(blocks []dom.Block, labels []string) {
	first := -1
	for i := range blocks {
		if labels[i] == dom.LabelContent && blocks[i].HeadingLvl == 0 && blocks[i].Words >= appendixSentenceWords && page.EndsSentence(blocks[i].Text) {
			first = i
			break
		}
	}
	if first < 0 {
		return
	}
	for i := first + 1; i < len(blocks); i++ {
		if labels[i] != dom.LabelContent || !orphanHeadingShape(&blocks[i]) {
			continue
		}
		if !headsContent(blocks, labels, i) {
			labels[i] = dom.LabelLinks
		}
	}
}

// orphanHeadingMaxWords: a section's title, not a sentence of the story.
const orphanHeadingMaxWords = 8

// orphanHeadingShape reports a block that titles what follows it: a
// heading, or a short line asking a question.
func orphanHeadingShape(b *dom.Block) bool {
	if b.Words == 0 || b.Words > orphanHeadingMaxWords {
		return false
	}
	if b.HeadingLvl > 0 {
		return true
	}
	return b.Text[len(b.Text)-1] == '?'
}

// headsContent reports whether the heading at i is followed by kept text
// before the next heading of its rank or higher: text, or a deeper
// heading (a subsection's), counts; dropped blocks do not.
func headsContent(blocks []dom.Block, labels []string, i int) bool {
	rank := blocks[i].HeadingLvl
	for j := i + 1; j < len(blocks); j++ {
		b := &blocks[j]
		if b.HeadingLvl > 0 && (rank == 0 || b.HeadingLvl <= rank) {
			return false
		}
		if labels[j] == dom.LabelContent {
			return true
		}
	}
	return false
}
