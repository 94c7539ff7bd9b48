package web

import (
	"strings"

	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// htmlEndAtTeaserGrid ends the content where a grid of teasers begins,
// after an article's worth of text: the same few blocks repeated at least
// three times in a row (a linked headline, a kicker, an excerpt), each
// unit shaped like the one before it, with an excerpt of about the same
// length (templates cut teasers to a fixed size), and a link in every
// unit or an excerpt cut off with an ellipsis. An article's own sections differ in shape and
// length from one to the next and are not links to elsewhere.
//
// The grid and everything after it go, unless prose follows the grid:
// then the grid was a box of links inside the article, and only it goes.
func htmlEndAtTeaserGrid(blocks []dom.Block, labels []string) {
	start, chars := -1, 0
	for i := range blocks {
		if labels[i] != dom.LabelContent {
			continue
		}
		if chars >= page.ArticleChars {
			start = i
			break
		}
		chars += blocks[i].Chars
	}
	if start < 0 {
		return
	}
	for s := start; s < len(blocks); s++ {
		for size := teaserGridMinUnit; size <= teaserGridMaxUnit; size++ {
			end := teaserGridEnd(blocks, labels, s, size)
			if end < 0 {
				continue
			}
			from := s
			// The grid's own heading ("Related stories") goes with it.
			if p := s - 1; p >= 0 && labels[p] == dom.LabelContent && (blocks[p].HeadingLvl > 0 || appendixLabel(&blocks[p])) &&
				blocks[p].Words <= page.AppendixLabelWords {
				from = p
			}
			var after []int
			for i := end; i < len(blocks); i++ {
				if labels[i] == dom.LabelContent {
					after = append(after, i)
				}
			}
			if htmlProseAmong(blocks, after) {
				for i := from; i < end; i++ {
					if labels[i] == dom.LabelContent {
						labels[i] = dom.LabelLinks
					}
				}
				return
			}
			for i := from; i < len(blocks); i++ {
				if labels[i] == dom.LabelContent {
					labels[i] = dom.LabelLinks
				}
			}
			return
		}
	}
}

const (
	// A teaser is a headline and an excerpt at least (a lone block
	// repeated is a list's items or a story's paragraphs), at most a
	// kicker, a headline, a date line, an excerpt and a "read more".
	teaserGridMinUnit = 2
	teaserGridMaxUnit = 6
	// teaserGridUnits: a teaser repeated this often in a row is a grid.
	teaserGridUnits = 3
	// An excerpt is a sentence or two: beyond a label, short of a
	// paragraph of the story; a teaser's other blocks (its headline, a
	// kicker, a date) are a line each.
	teaserExcerptMin = 80
	teaserExcerptMax = 400
	teaserTitleMax   = 120
	// teaserExcerptSpread: the longest of the grid's excerpts is at most
	// this much longer than the shortest.
	teaserExcerptSpread = 1.35
)

// teaserSig is the shape of a block that a repeated teaser repeats.
type teaserSig struct {
	tag           string
	heading       int
	linked, neg   bool
	inList, empty bool
}

func sigOf(b *dom.Block) teaserSig {
	return teaserSig{tag: b.Tag.String(), heading: b.HeadingLvl, linked: b.LinkDensity() > 0.5, neg: len(b.NegAncs) > 0,
		inList: b.InList, empty: b.Chars == 0}
}

// teaserGridEnd returns the end (exclusive) of a grid of teasers of size
// blocks each that starts at block s, or -1 when there is none.
func teaserGridEnd(blocks []dom.Block, labels []string, s, size int) int {
	need := teaserGridUnits
	if s+need*size > len(blocks) {
		return -1
	}
	same := func(u int) bool {
		for j := 0; j < size; j++ {
			i := s + u*size + j
			if i >= len(blocks) || labels[i] == dom.LabelOutside || sigOf(&blocks[i]) != sigOf(&blocks[s+j]) {
				return false
			}
		}
		return true
	}
	for u := 0; u < need; u++ {
		if !same(u) {
			return -1
		}
	}
	// The excerpt is the unit's longest block; the others are short.
	ex := s
	for j := s; j < s+size; j++ {
		if blocks[j].Chars > blocks[ex].Chars {
			ex = j
		}
	}
	lo, hi := 0, 0
	linked, cut := true, false
	for u := 0; u < need; u++ {
		e := &blocks[ex+u*size]
		if e.Chars < teaserExcerptMin || e.Chars > teaserExcerptMax {
			return -1
		}
		linked = linked && teaserUnitLinked(blocks[s+u*size:s+(u+1)*size])
		cut = cut || teaserCut(e)
		if u == 0 || e.Chars < lo {
			lo = e.Chars
		}
		hi = max(hi, e.Chars)
		for j := s + u*size; j < s+(u+1)*size; j++ {
			if j != ex+u*size && (2*blocks[j].Chars > e.Chars || blocks[j].Chars > teaserTitleMax) {
				return -1 // two long blocks: paragraphs, not a teaser
			}
		}
	}
	if !linked && !cut || float64(hi) > teaserExcerptSpread*float64(lo) {
		return -1
	}
	u := need
	for same(u) {
		u++
	}
	return s + u*size
}

// teaserUnitLinked reports whether a block of a unit holds a link.
func teaserUnitLinked(unit []dom.Block) bool {
	for i := range unit {
		if unit[i].LinkChars > 0 {
			return true
		}
	}
	return false
}

// teaserCut reports an excerpt cut off with an ellipsis.
func teaserCut(excerpt *dom.Block) bool {
	t := strings.TrimRight(excerpt.Text, " ]»")
	return strings.HasSuffix(t, "...") || strings.HasSuffix(t, "…")
}
