package text

// The body span: its start after the header, its end at the article's
// closers, and its extension over interstitials.

import (
	"strings"
)

// trimHeader moves the body start past the headline, byline and date when
// the densest span began before them (a standfirst is prose too).
func trimHeader(doc *document) {
	end := -1
	for _, f := range []field{doc.meta.title, doc.meta.byline, doc.meta.date} {
		if f.idx >= doc.bodyStart && f.idx < doc.bodyEnd && f.idx-doc.bodyStart <= 6 && f.idx > end {
			end = f.idx
		}
	}
	if end < 0 {
		return
	}
	// More than a dek's worth of prose before the credit means the credit
	// was found inside the article; leave the body alone.
	if bodyCount(doc, doc.bodyStart, end) > 2 || longerThanDek(doc, doc.bodyStart, end) {
		return
	}
	for i := doc.bodyStart; i <= end; i++ {
		b := &doc.blocks[i]
		if b.label == labelBody {
			b.label, b.reason = labelSubtitle, "header:before-credit"
		}
	}
	doc.bodyStart = end + 1
	for doc.bodyStart < doc.bodyEnd && doc.blocks[doc.bodyStart].label != labelBody {
		doc.bodyStart++
	}
}

// extendBody pulls in strong paragraphs just outside the body span when
// only furniture separates them from it: a gallery or a box of links in
// the middle of an article costs the span more than the paragraphs beyond
// it bring. It never crosses the headline, a comment section, a paywall, a
// footer or a related-links heading.
func extendBody(doc *document) {
	dropHeaderCaption(doc)
	if doc.bodyEnd <= doc.bodyStart {
		return
	}
	bs := doc.blocks
	stop := func(b *block) bool {
		switch b.label {
		case labelComments, labelPaywall, labelFooter, labelTitle, labelByline, labelDate, labelSubtitle:
			return true
		case labelRelated:
			return b.words <= 5
		}
		return false
	}
	strong := func(b *block) bool {
		return b.label == labelNone && b.score >= extendMinScore && b.endsSentence
	}
	for j := doc.bodyEnd; j < len(bs) && j-doc.bodyEnd < extendReach; j++ {
		// After the article, share and sign-up prompts mean it is over.
		if l := bs[j].label; stop(&bs[j]) || l == labelShare || l == labelNewsletter || l == labelFollow {
			break
		}
		if strong(&bs[j]) {
			for k := doc.bodyEnd; k <= j; k++ {
				if bs[k].label == labelNone && (bs[k].score > 0 || bs[k].cells >= 2 || k == j) {
					bs[k].label, bs[k].reason = labelBody, "extended"
				}
			}
			doc.bodyEnd = j + 1
		}
	}
	floor := 0
	for _, f := range []field{doc.meta.title, doc.meta.byline, doc.meta.date} {
		if f.idx >= floor && f.idx < doc.bodyStart {
			floor = f.idx + 1
		}
	}
	// Backwards, a dek and a caption under the headline look like strong
	// paragraphs too; only a run of them worth an article's opening counts.
	var gain float32
	strongCount, to := 0, -1
	for j := doc.bodyStart - 1; j >= floor && doc.bodyStart-j <= extendReach; j-- {
		if stop(&bs[j]) || isCreditOrDate(doc, j) {
			break // a second header (a repeated credit or date) is no article text
		}
		if bs[j].label == labelNone && bs[j].score > 0 {
			gain += bs[j].score
		}
		if strong(&bs[j]) {
			strongCount++
			if gain >= extendBackMin {
				to = j
			}
		}
	}
	if to >= 0 {
		for k := to; k < doc.bodyStart; k++ {
			if bs[k].label == labelNone && (bs[k].score > 0 || bs[k].cells >= 2 || k == to) {
				bs[k].label, bs[k].reason = labelBody, "extended"
			}
		}
		doc.bodyStart = to
	}
}

// isCreditOrDate reports a short line that is a date or a credit.
func isCreditOrDate(doc *document, i int) bool {
	b := &doc.blocks[i]
	if b.words > 12 || b.cells >= 2 {
		return false
	}
	if _, ok := doc.dateOf(i); ok {
		return true
	}
	m, ok := doc.bylineOf(i)
	return ok && len(m.Authors) > 0 && (m.Cue || b.words <= 4)
}

// Body extension: how far past the span to look, and how strong a
// paragraph must be to be worth the detour.
const (
	extendReach    = 12
	extendMinScore = 3
	extendBackMin  = 5
)

// endAtComments ends the body at a comment section once the span holds an
// article's worth of text: what follows a comment heading is readers'
// text, teasers or more chrome, however long.
//
// A bar of share buttons (four or more in a row) after an article's worth
// of text ends it too: mid-article share bars are rare, end-of-article ones
// are the rule, and what follows them is comments and promotions.
func endAtComments(doc *document) {
	var sum float32
	bs := doc.blocks
	for i := doc.bodyStart; i < doc.bodyEnd; i++ {
		b := &bs[i]
		if sum >= scoreArticleMin {
			if b.label == labelComments {
				doc.bodyEnd = i
				return
			}
			if b.label == labelShare {
				n := 0
				for j := i; j < doc.bodyEnd && (bs[j].label == labelShare || bs[j].label == labelFollow || bs[j].label == labelCounter); j++ {
					n++
				}
				if n >= shareBarMin {
					doc.bodyEnd = i
					return
				}
			}
		}
		if b.score > 0 {
			sum += b.score
		}
	}
}

// densestSpan returns the maximum-sum run of block scores, [start, end).
func densestSpan(bs []block) (int, int) {
	bestSum, bestStart, bestEnd := float32(0), 0, 0
	sum, start := float32(0), 0
	for i := range bs {
		if sum <= 0 {
			sum, start = 0, i
		}
		sum += bs[i].score
		if sum > bestSum {
			bestSum, bestStart, bestEnd = sum, start, i+1
		}
	}
	return bestStart, bestEnd
}

// refineBody labels the blocks of the body span: boilerplate keeps its
// label, lists under a "related" heading and captions next to credits are
// dropped, the rest is body. A paywall line ends the body.
func refineBody(doc *document) {
	bs := doc.blocks
	end := doc.bodyEnd
	inList := false // under a "related" heading, until prose resumes
	for i := doc.bodyStart; i < end; i++ {
		b := &bs[i]
		if b.label == labelPaywall && i > doc.bodyStart {
			end = i
			break
		}
		if b.words <= 5 && (b.label == labelRelated || b.label != labelNone && strings.HasSuffix(b.text, ":")) {
			inList = true // "Related", "You may also like", "More:"
		}
		if b.label != labelNone {
			continue
		}
		linkLike := !strings.HasSuffix(strings.TrimRight(b.text, "\"'”’) "), ".") && b.words <= 15 && b.runes < 160
		if !linkLike {
			inList = false
		}
		switch {
		case inList || i > 0 && bs[i-1].group == b.group && bs[i-1].label == labelRelated && linkLike:
			inList = true
			b.label, b.reason = labelRelated, "layout:related-list"
		case i+1 < len(bs) && bs[i+1].group == b.group && bs[i+1].label == labelCaption && b.runes < 400:
			b.label, b.reason = labelCaption, "layout:caption-before-credit"
		case i > 0 && bs[i-1].group == b.group && bs[i-1].label == labelCaption && bs[i-1].reason != "layout:caption-before-credit" && b.words <= 6:
			b.label, b.reason = labelCaption, "layout:credit-after-caption"
		case b.isUpperLine() && b.words >= 7 && b.cells < 2:
			b.label, b.reason = labelRelated, "layout:all-caps-promo"
		default:
			b.label, b.reason = labelBody, "span"
		}
	}
	for i := end; i < doc.bodyEnd; i++ {
		if bs[i].label == labelNone || bs[i].label == labelBody {
			bs[i].label, bs[i].reason = labelPaywall, "after-paywall"
		}
	}
	doc.bodyEnd = end
}
