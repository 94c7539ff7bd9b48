package web

import (
	"slices"

	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// htmlKeepLead keeps the lead paragraph (standfirst) that a page prints
// between the headline and the body: templates put it in the article's
// header, beside the headline, the byline and the date, so it falls
// outside the container the body was chosen from. A lead is prose without
// links right under the headline, before the first content block; at most
// two are kept, and none when the gap holds another long block that is
// neither a lead, a caption nor furniture (then the gap is teasers or
// another story, not a header).
func htmlKeepLead(blocks []dom.Block, labels []string) {
	title := slices.Index(labels, dom.LabelTitle)
	if title < 0 {
		return
	}
	first := slices.Index(labels[title+1:], dom.LabelContent)
	if first < 0 || first+1 > htmlLeadGap {
		return
	}
	first += title + 1
	var leads []int
	for i := title + 1; i < first; i++ {
		b := &blocks[i]
		switch {
		case b.Chars < htmlLeadMinChars || b.InFigure:
		case len(leads) < 2 && i-title <= htmlLeadNearTitle && htmlLeadShape(b):
			leads = append(leads, i)
		case len(b.NegAncs) > 0 || b.HeadingLvl > 0:
		default:
			return
		}
	}
	// On a short page (a paywalled teaser, a brief) a lead is a summary
	// of a story the page does not hold, and would be much of the body.
	body := 0
	for i := first; i < len(labels); i++ {
		if labels[i] == dom.LabelContent {
			body += blocks[i].Chars
		}
	}
	if body < htmlLeadMinBody {
		return
	}
	for _, i := range leads {
		if labels[i] == dom.LabelOutside || labels[i] == dom.LabelEdge {
			labels[i] = dom.LabelContent
		}
	}
}

const (
	// htmlLeadGap bounds the blocks between the headline and the body
	// (byline, date, share buttons, a picture and its caption).
	htmlLeadGap = 16
	// htmlLeadNearTitle: the lead comes right under the headline, at most
	// a kicker, a byline and a date away.
	htmlLeadNearTitle = 5
	htmlLeadMinChars  = 80
	htmlLeadMinBody   = 800
	htmlLeadSentences = 2
)

// htmlLeadShape reports a block that reads as a lead: prose without links,
// a paragraph rather than a story, not a list or table row; a heading only
// when it is a sentence's length (templates mark some standfirsts h2).
func htmlLeadShape(b *dom.Block) bool {
	if b.LinkChars > 0 || len(b.NegAncs) > 0 || b.InList || b.InTable || b.Words < 10 || b.Chars > 1200 {
		return false
	}
	if b.HeadingLvl == 1 || b.HeadingLvl > 1 && b.Words < 15 {
		return false
	}
	// As on the text path (keepStandfirst): a one-sentence dek summarises
	// the headline and stays out; a lead paragraph opens the article.
	return b.Words >= page.StandfirstWords || page.SentenceCount(b.Text) >= htmlLeadSentences
}
