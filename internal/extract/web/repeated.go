package web

import (
	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// htmlDropRepeatedFurniture drops a kept block whose text the page prints
// again outside the content, under an element named like furniture (a
// newsletter box, a donation appeal, a cookie notice): a template's
// promotion repeated in a popup or a sidebar, not a sentence of the story.
// The article's opening is exempt: a page teases its own story in its
// boxes of related links with the story's lead.
func htmlDropRepeatedFurniture(blocks []dom.Block, labels []string) {
	furniture := map[string]bool{}
	for i := range blocks {
		if labels[i] == dom.LabelOutside && len(blocks[i].NegAncs) > 0 && blocks[i].Chars >= repeatedMinChars {
			furniture[blocks[i].Text] = true
		}
	}
	if len(furniture) == 0 {
		return
	}
	chars := 0
	for i := range blocks {
		if labels[i] != dom.LabelContent {
			continue
		}
		if chars >= page.ArticleChars && furniture[blocks[i].Text] {
			labels[i] = dom.LabelFurniture
		}
		chars += blocks[i].Chars
	}
}

// repeatedMinChars: a sentence's length; short labels repeat by nature.
const repeatedMinChars = 40
