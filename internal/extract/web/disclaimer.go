package web

import (
	"github.com/pressroom/pressroom/internal/extract/dom"
)

// htmlDropDisclaimers drops a short legal notice printed in the body: that
// the figures come without warranty, that the opinions are the authors'
// own, that the links are affiliate links, under which licence the site's
// content stands. The site prints the same notice under every article; a
// story that discusses such matters says more than a line.
func htmlDropDisclaimers(blocks []dom.Block, labels []string, lows []string) {
	for i := range blocks {
		b := &blocks[i]
		if labels[i] == dom.LabelContent && b.Words > 0 && b.Words <= disclaimerMaxWords && b.HeadingLvl == 0 &&
			containsAny(lows[i], disclaimerPhrases) {
			labels[i] = dom.LabelFurniture
		}
	}
}

// disclaimerMaxWords: a notice of a line or two.
const disclaimerMaxWords = 25

// disclaimerPhrases are the standard wording of such notices, in lower
// case, per language (en, de, fr, es, it, nl, pl).
var disclaimerPhrases = []string{
	"do not necessarily reflect", "does not necessarily reflect", "affiliate links", "affiliate link",
	"unless otherwise noted", "unless otherwise stated",
	"ohne gewähr", "keine gewähr", "affiliate-links", "affiliate-link", "sofern nicht anders ausgewiesen",
	"sofern nicht anders angegeben",
	"n'engagent que", "n’engagent que", "n'engage que", "n’engage que", "liens affiliés", "sauf mention contraire",
	"no reflejan necesariamente", "enlaces de afiliados", "enlaces de afiliado", "salvo que se indique lo contrario",
	"link di affiliazione", "salvo diversa indicazione",
	"linki afiliacyjne",
}
