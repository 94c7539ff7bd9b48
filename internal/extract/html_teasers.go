package extract

import (
	"github.com/pressroom/pressroom/internal/extract/dom"
)

// htmlEndAtTeaserList ends the content where a list of teasers begins,
// after an article's worth of text: teasers that alternate with one
// repeated short label (the source or section printed under each:
// "Morning Show", "Reuters"), at least three of each in a row. An
// article's paragraphs do not alternate with a repeated label.
func htmlEndAtTeaserList(blocks []dom.Block, labels []string) {
	var content []int
	for i := range blocks {
		if labels[i] == dom.LabelContent {
			content = append(content, i)
		}
	}
	chars := 0
	for k, i := range content {
		if chars >= htmlArticleChars && htmlTeaserRun(blocks, content[k:]) {
			for _, j := range content[k:] {
				labels[j] = dom.LabelLinks
			}
			return
		}
		chars += blocks[i].Chars
	}
}

// htmlArticleChars is the text an article holds before a list of teasers
// may end it.
const htmlArticleChars = 1000

// htmlTeaserRun reports whether the content blocks idx start with three
// teaser-and-label pairs: a longer block, then the same short label.
func htmlTeaserRun(blocks []dom.Block, idx []int) bool {
	if len(idx) < 6 {
		return false
	}
	label := blocks[idx[1]].Text
	for p := 0; p < 3; p++ {
		teaser, l := &blocks[idx[2*p]], &blocks[idx[2*p+1]]
		if l.Text != label || l.Chars > 40 || endsSentence(l.Text) || teaser.Chars < 2*l.Chars || teaser.Text == label {
			return false
		}
	}
	return true
}
