package web

import (
	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// htmlEndAtMoreInfo ends the content at a heading that says only "More
// information" near its end: what follows is the site's box of pointers
// (a book's reference, links to its other pages), even when said in
// sentences, which the appendix rule keeps.
func htmlEndAtMoreInfo(blocks []dom.Block, labels []string) {
	htmlEndAtClosingHeading(blocks, labels, moreInfoHeading)
}

func moreInfoHeading(b *dom.Block) bool {
	return lineSaysOnly(b, lexicon.MoreInfoHeadings)
}
