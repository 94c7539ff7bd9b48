package web

import (
	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
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
			containsAny(lows[i], lexicon.DisclaimerPhrases) {
			labels[i] = dom.LabelFurniture
		}
	}
}

// disclaimerMaxWords: a notice of a line or two.
const disclaimerMaxWords = 25
