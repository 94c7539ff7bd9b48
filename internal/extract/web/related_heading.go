package web

import (
	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// htmlDropRelatedSections drops a section of links to other articles that
// sits inside the body: after the article's first paragraph, a short
// heading or label that opens with the related-articles vocabulary ("Mehr
// zum Thema", "Read also:"), and the lines under it up to the next
// sentence of prose or heading of its rank. The lines go only when the
// section holds links (its teasers) or heads nothing at all: a section of
// the article's own that happens to start so is written in sentences or
// without links.
func htmlDropRelatedSections(blocks []dom.Block, labels []string) {
	for i := htmlOpening(blocks, labels, false) + 1; i > 0 && i < len(blocks); i++ {
		if labels[i] != dom.LabelContent || !relatedHeading(&blocks[i]) {
			continue
		}
		end, linked := relatedSectionEnd(blocks, labels, i)
		if !linked && htmlContentBetween(labels, i+1, end) {
			continue
		}
		for j := i; j < end; j++ {
			if labels[j] == dom.LabelContent {
				labels[j] = dom.LabelLinks
			}
		}
		i = end - 1
	}
}

// relatedHeading reports a heading or a label of a few words that opens
// with the related-articles vocabulary. A table's cells are left alone: a
// column may well be headed "Previous …".
func relatedHeading(b *dom.Block) bool {
	if b.InTable || b.Words == 0 || b.Words > orphanHeadingMaxWords || b.HeadingLvl == 0 && page.EndsSentence(b.Text) && b.Text[len(b.Text)-1] != ':' {
		return false
	}
	return page.Vocab.Scan(page.FoldLower(b.Text)).Prefix&page.VRelated != 0
}

// relatedSectionEnd returns where the section headed at i ends: at the
// first kept sentence of prose, or the next kept heading of its rank or
// higher; linked tells whether a block of the section carries links.
func relatedSectionEnd(blocks []dom.Block, labels []string, i int) (end int, linked bool) {
	rank := blocks[i].HeadingLvl
	for j := i + 1; j < len(blocks); j++ {
		b := &blocks[j]
		if labels[j] == dom.LabelOutside {
			return j, linked
		}
		if labels[j] == dom.LabelContent {
			if b.HeadingLvl > 0 && (rank == 0 || b.HeadingLvl <= rank) {
				return j, linked
			}
			if b.HeadingLvl == 0 && b.Words >= appendixSentenceWords && b.LinkDensity() < 0.5 && page.EndsSentence(b.Text) {
				return j, linked
			}
		}
		if b.LinkChars > 0 {
			linked = true
		}
	}
	return len(blocks), linked
}

// htmlContentBetween reports whether a block in [from, to) is kept.
func htmlContentBetween(labels []string, from, to int) bool {
	for j := from; j < to; j++ {
		if labels[j] == dom.LabelContent {
			return true
		}
	}
	return false
}
