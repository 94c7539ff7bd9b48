package web

import (
	"github.com/pressroom/pressroom/internal/extract/dom"
)

// htmlDropPrompts drops a prompt printed inside the body: after the
// article's first paragraph, a short block that says a phrase of the
// newsletter or paywall vocabulary ("sign up to our newsletter"). The
// container's choice trims such lines only at the end.
func htmlDropPrompts(blocks []dom.Block, labels []string) {
	for i := htmlOpening(blocks, labels, false) + 1; i > 0 && i < len(blocks); i++ {
		if labels[i] == dom.LabelContent && dom.PromptLine(&blocks[i]) {
			labels[i] = dom.LabelEdge
		}
	}
}
