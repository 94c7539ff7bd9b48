package web

import (
	"github.com/pressroom/pressroom/internal/extract/dom"
)

// htmlEndAtMoreInfo ends the content at a heading that says only "More
// information" near its end: what follows is the site's box of pointers
// (a book's reference, links to its other pages), even when said in
// sentences, which the appendix rule keeps.
func htmlEndAtMoreInfo(blocks []dom.Block, labels []string) {
	htmlEndAtClosingHeading(blocks, labels, moreInfoHeading)
}

func moreInfoHeading(b *dom.Block) bool {
	return lineSaysOnly(b, moreInfoHeadings)
}

// moreInfoHeadings, in lower case, per language (en, de, fr, es, it, pt,
// nl, pl).
var moreInfoHeadings = []string{
	"more information", "further information", "additional information", "more info",
	"weitere informationen", "mehr informationen", "weiterführende informationen", "zusätzliche informationen",
	"plus d'informations", "plus d’informations", "pour en savoir plus", "informations complémentaires",
	"más información", "información adicional", "ulteriori informazioni", "maggiori informazioni",
	"mais informações", "informações adicionais", "meer informatie", "więcej informacji", "dodatkowe informacje",
}
