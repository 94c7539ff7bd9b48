package web

import (
	"strings"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// htmlVisibleWindow is how many blocks around the headline are searched
// for a printed date or byline.
const htmlVisibleWindow = 8

// htmlHeadArea returns the range of block indexes around the headline (or
// before the body when no headline was found) where pages print the date
// and byline.
func htmlHeadArea(labels []string) (lo, hi int) {
	t := -1
	first := -1
	for i, l := range labels {
		if l == dom.LabelTitle && t < 0 {
			t = i
		}
		if l == dom.LabelContent && first < 0 {
			first = i
		}
	}
	switch {
	case t >= 0:
		return max(0, t-2), min(len(labels), t+htmlVisibleWindow)
	case first >= 0:
		return max(0, first-htmlVisibleWindow), first
	}
	return 0, 0
}

// htmlVisibleDate finds a date printed near the headline, for pages that
// state none in their metadata: first a whole block in a machine form,
// then a written date ("31. Mai 2012", "02.07.2025", "2 de julio de
// 2025") read by the same parser as text dumps.
func htmlVisibleDate(blocks []dom.Block, labels []string, ctx datetime.Context) (*article.Date, int) {
	lo, hi := htmlHeadArea(labels)
	for i := lo; i < hi; i++ {
		b := &blocks[i]
		if b.Chars > 100 || labels[i] == dom.LabelContent && b.Chars > 60 {
			// A long block's date counts only when it opens the block,
			// as a dateline does ("27.1.2022 - …").
			if m, ok := datetime.Find(b.Text, ctx); ok && m.Start == 0 && m.HasYear && !m.Relative && m.Confidence >= 0.5 {
				d := m.Date
				return &d, i
			}
			continue
		}
		if d, ok := datetime.Parse(b.Text); ok {
			return d, i
		}
		t := b.Text
		for j := 0; j+8 <= len(t); j++ {
			if (t[j] == '1' || t[j] == '2') && (j == 0 || t[j-1] == ' ' || t[j-1] == '(') {
				if d, ok := datetime.ParseISO(t[j:]); ok {
					return d, i
				}
			}
		}
		// A year-less or relative date printed on a page is as often a
		// teaser's or a comment's as the article's.
		if m, ok := datetime.Find(t, ctx); ok && m.HasYear && !m.Relative && m.Confidence >= 0.5 {
			d := m.Date
			return &d, i
		}
	}
	return nil, -1
}

// htmlVisibleByline finds a credit near the headline, for pages that name
// no author in their metadata: "By …", "von …", "Autor: …", or a lone
// "Autor" label with the name in the next block. The credit is read by the
// same parser as text dumps; a line without a cue is no credit here.
func htmlVisibleByline(blocks []dom.Block, labels []string, site string, ctx datetime.Context) (persons, orgs []string, at int) {
	lo, hi := htmlBylineArea(blocks, labels)
	lone, loneAt := "", -1
	for i := lo; i < hi; i++ {
		b := &blocks[i]
		if b.Chars > 120 || b.Chars < 3 {
			continue
		}
		m, ok := page.ParseByline(b.Text, ctx)
		if !ok || !m.Cue && !m.Prep {
			continue
		}
		// A line ending in a full stop is prose ("… Empfinden von
		// Schmerzen."), not a credit naming no person.
		if loneAt < 0 && !strings.HasSuffix(strings.TrimSpace(b.Text), ".") {
			lone, loneAt = htmlLoneCue(m, site), i
		}
		if m.Label {
			if i+1 >= len(blocks) || blocks[i+1].Chars > 80 {
				continue
			}
			i++
			if m, ok = page.ParseByline(blocks[i].Text, ctx); !ok {
				continue
			}
		}
		p, o := htmlSplitCredits(m.Authors, site)
		if len(p) > 0 {
			return p, append(o, m.Agencies...), i
		}
	}
	if p, o, i := htmlNameUnderHeadline(blocks, labels, site, ctx); len(p) > 0 {
		return p, o, i
	}
	// A person stacked with a date beats a pen name printed after a cue.
	if p, o, i := htmlStackedName(blocks, labels, site, ctx); len(p) > 0 || lone == "" {
		return p, o, i
	}
	return []string{lone}, nil, loneAt
}

// htmlNameUnderHeadline finds a credit printed without a cue: a short line
// that is only a person's name (and perhaps a date), among the first few
// blocks under the headline, before any paragraph of the body.
func htmlNameUnderHeadline(blocks []dom.Block, labels []string, site string, ctx datetime.Context) (persons, orgs []string, at int) {
	t := -1
	for i, l := range labels {
		if l == dom.LabelTitle {
			t = i
			break
		}
	}
	if t < 0 {
		return nil, nil, -1
	}
	for i := t + 1; i < len(blocks) && i <= t+4; i++ {
		b := &blocks[i]
		if labels[i] == dom.LabelContent && b.Chars > 60 {
			break // the body has begun: a name after it is a caption or a quote
		}
		// Subheadings and links are name-shaped too; credits are
		// neither.
		if b.Chars > 50 || b.Chars < 5 || b.HeadingLvl > 0 || b.LinkChars > 0 {
			continue
		}
		m, ok := page.ParseByline(b.Text, ctx)
		if !ok || len(m.Authors) == 0 {
			continue
		}
		if p, o := htmlSplitCredits(m.Authors, site); len(p) > 0 {
			return p, append(o, m.Agencies...), i
		}
	}
	return nil, nil, -1
}
