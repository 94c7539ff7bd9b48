package web

import (
	"strings"

	"github.com/pressroom/pressroom/internal/extract/credit"
	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// Printed credits the cue-based readers miss: a byline pushed down by a
// bar of share buttons, and a bare name stacked with its date or agency.

// htmlBylineArea is htmlHeadArea for credits: after the headline it
// counts htmlVisibleWindow blocks that are not mostly links, since a row
// of share buttons or section links between the headline and the byline
// does not move the byline away from the headline; and a title block
// below the start of the body is not the headline.
func htmlBylineArea(blocks []dom.Block, labels []string) (lo, hi int) {
	t := htmlHeadline(labels)
	if t < 0 {
		for i, l := range labels {
			if l == dom.LabelContent {
				return max(0, i-htmlVisibleWindow), i
			}
		}
		return 0, 0
	}
	n := 0
	for hi = t + 1; hi < len(blocks) && n < htmlVisibleWindow; hi++ {
		if blocks[hi].LinkDensity() < 0.5 {
			n++
		}
	}
	return max(0, t-2), hi
}

// htmlHeadline returns the index of the headline block, or -1: the first
// title block, unless it comes after the start of the body (a teaser
// repeating the title, or naming the site the title was taken from).
func htmlHeadline(labels []string) int {
	for i, l := range labels {
		switch l {
		case dom.LabelTitle:
			return i
		case dom.LabelContent:
			return -1
		}
	}
	return -1
}

// htmlStackedName finds a credit printed without a cue but stacked with
// what only a credit carries: a name alone on its line with a date or a
// wire service on the next ("JANE ROE" / "Associated Press, May 2"), or a
// name followed by a separator and a short dated tail on one line
// ("Jane Roe • 8h", "Jane Roe · 3 min read"). A name may be a link (to the
// author's page); the tail or the next line is what tells it from a menu.
func htmlStackedName(blocks []dom.Block, labels []string, site string, ctx datetime.Context) (persons, orgs []string, at int) {
	lo, hi := htmlBylineArea(blocks, labels)
	t := htmlHeadline(labels)
	for i := lo; i < hi; i++ {
		b := &blocks[i]
		if b.Chars > 60 || b.Chars < 5 || b.HeadingLvl > 0 || labels[i] == dom.LabelTitle || labels[i] == dom.LabelContent && b.Chars > 40 {
			continue
		}
		name, ok := credit.NameBeforeTail(b.Text)
		if !ok {
			// Over a date, only under the headline: above it, kickers
			// and section names sit over dates too.
			if i+1 >= len(blocks) || !htmlCreditCompanion(&blocks[i+1], t >= 0 && i > t, ctx) {
				continue
			}
			name = b.Text
		}
		name = credit.CutGluedBy(name)
		m, ok := page.ParseByline(name, ctx)
		if !ok || len(m.Authors) == 0 || m.Rest != strings.TrimSpace(name) || !credit.OnlyNames(m.Rest) {
			continue // more on the line than names: a category, a topic
		}
		if p, o := htmlSplitCredits(m.Authors, site); len(p) > 0 {
			return p, append(o, m.Agencies...), i
		}
	}
	return nil, nil, -1
}

// htmlCreditCompanion reports a short block that names only a wire
// service, or with dateToo that is a date: the line a bare name is
// stacked over in a credit.
func htmlCreditCompanion(b *dom.Block, dateToo bool, ctx datetime.Context) bool {
	if b.Chars > 60 || b.Chars < 4 {
		return false
	}
	if dateToo {
		if m, ok := datetime.Find(b.Text, ctx); ok && m.Confidence >= 0.5 {
			return true
		}
	}
	m, ok := page.ParseByline(b.Text, ctx)
	return ok && len(m.Authors) == 0 && len(m.Agencies) > 0
}
