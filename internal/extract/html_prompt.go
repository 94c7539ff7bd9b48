package extract

import (
	"github.com/pressroom/pressroom/internal/extract/dom"
)

// htmlDropPrompts drops a prompt printed inside the body: after the
// article's first paragraph, a short block that says a phrase of the
// newsletter or paywall vocabulary ("sign up to our newsletter"). The
// container's choice trims such lines only at the end.
func htmlDropPrompts(blocks []dom.Block, labels []string) {
	opened := false
	for i := range blocks {
		b := &blocks[i]
		if labels[i] != dom.LabelContent {
			continue
		}
		if !opened {
			opened = b.HeadingLvl == 0 && b.Words >= appendixSentenceWords && endsSentence(b.Text)
			continue
		}
		if dom.PromptLine(b) {
			labels[i] = dom.LabelEdge
		}
	}
}
