package text

import (
	"strings"

	"github.com/pressroom/pressroom/internal/extract/page"
)

// The classifier follows the shallow-text-feature line of work
// (boilerpipe: length and density of a block and its neighbours; jusText:
// stop-word density, then smoothing by context). Every block gets a content
// score: positive for prose, negative for chrome. The body is the span with
// the largest total score (a maximum-sum subarray, so short real paragraphs
// and single boilerplate lines inside the article are carried along by
// their neighbours), and then blocks inside the span that the vocabulary or
// the layout marks as boilerplate are dropped.

// Score weights. They were tuned on the development set as a whole; each
// one is a general property of prose versus page chrome.
const (
	scoreBarrier     = -8   // comment sections and paywalls end an article
	scoreBoiler      = -2.5 // a line of known boilerplate vocabulary
	scoreNav         = -1.5 // menu entry
	scoreLenPivot    = 60   // effective length at which a line scores zero
	scoreLenScale    = 40   // characters per point above the pivot
	scoreLenCap      = 700
	scoreMin         = -1.5
	scoreSentence    = 0.8 // ends like a sentence
	scoreStopHigh    = 1.0 // function-word density of running text
	scoreStopLow     = -1.5
	scoreHeadline    = -1.5 // Title Case Without A Full Stop: a link to another story
	scoreListItem    = -0.5 // short line inside a run of short lines
	scoreStandalone  = 1.0  // short line with blank lines around it
	scoreRepeated    = -1.0 // short line that occurs more than once
	scoreDigits      = -1.0 // more digits than letters
	scoreListOutlier = 0.3  // factor for a long line among short ones
	scoreTableRow    = -0.2 // a table row: neither prose nor chrome
	scoreArticleMin  = 10   // positive score of a span that holds an article
	shareBarMin      = 4    // share buttons in a row that end an article
)

// classify labels the blocks that vocabulary and layout identify, scores
// the rest and finds the body span.
func classify(doc *document) {
	bs := doc.blocks
	for i := range bs {
		b := &bs[i]
		b.stop = 0
		if doc.langIdx >= 0 {
			b.stop = int(b.stopHits[doc.langIdx])
		}
		b.label, b.reason = vocabularyLabel(b)
		if b.label == labelNone && isCounter(b) {
			b.label, b.reason = labelCounter, "layout:counter"
		}
		if b.label == labelNone && isCommenter(b) {
			b.label, b.reason = labelComments, "layout:commenter"
		}
		if b.label == labelNone && isShareCommand(b) {
			b.label, b.reason = labelShare, "vocabulary:share-command"
		}
	}
	markPaywallWall(bs)
	markOwnSitePromos(doc)
	markGalleries(bs)
	markCreditedCaptions(bs)
	for i := range bs {
		// Three copies of a line: alt text of a gallery, a repeated promo.
		if bs[i].dup >= 2 && bs[i].label == labelNone && !isLongProse(&bs[i]) {
			bs[i].label, bs[i].reason = labelDuplicate, "layout:repeated-thrice"
		}
	}
	for i := range bs {
		bs[i].score = contentScore(doc, &bs[i])
	}
	neutralisePreformatted(doc, codeRuns(bs, preformattedRuns(bs)))
	releaseTableCells(doc)
	damplistOutliers(bs)
	doc.bodyStart, doc.bodyEnd = densestSpan(bs)
	endAtComments(doc)
	refineBody(doc)
	dropTrailingList(doc)
	endAtTeaserRun(doc)
	endAtDatedCards(doc)
	dropFinalIsland(doc)
	endAtAppendix(doc)
	endAtPostNavigation(doc)
	dropTrailingStubs(doc)
	dropTrailingBox(doc)
	dropSiteBlurb(doc)
	endAtDatedCards(doc) // again: the furniture under the cards may have hidden them
}

// damplistOutliers lowers the score of a long line inside a long run of
// short lines: a teaser or a contact blurb in a menu, not article prose,
// which comes in paragraphs or in runs of long lines.
func damplistOutliers(bs []block) {
	for i := 0; i < len(bs); {
		j := i
		long := 0
		rows := 0
		for j < len(bs) && bs[j].group == bs[i].group {
			if bs[j].effectiveLength() >= 100 {
				long++
			}
			if bs[j].cells >= 2 {
				rows++
			}
			j++
		}
		if rows*3 >= j-i {
			i = j
			continue // a table with notes, not a menu
		}
		if n := j - i; n >= 6 && long*5 < n {
			for k := i; k < j; k++ {
				if bs[k].score > 0 {
					bs[k].score *= scoreListOutlier
				}
			}
		}
		i = j
	}
}

// vocabularyLabel labels a line by the boilerplate vocabulary it holds. Long
// lines are prose that happens to mention a word, so the longer the line the
// stronger the evidence must be.
func vocabularyLabel(b *block) (label, string) {
	h := b.vocab
	if h.Any == 0 {
		return labelNone, ""
	}
	if h.Any&page.VPaywall != 0 && b.words <= 45 {
		return labelPaywall, "vocabulary:paywall"
	}
	if h.Whole&page.BoilerKinds != 0 {
		return labelFor(h.Whole & page.BoilerKinds), "vocabulary:line"
	}
	if h.Cover >= 0.6 && b.words <= 20 && h.Any&page.BoilerKinds != 0 {
		return labelFor(h.Any & page.BoilerKinds), "vocabulary:covered"
	}
	const prefixKinds = page.VComments | page.VCaption | page.VSponsor | page.VAd | page.VEnd | page.VFollow | page.VShare | page.VNewsletter | page.VReadTime
	if h.Prefix&prefixKinds != 0 && b.words <= 25 {
		return labelFor(h.Prefix & prefixKinds), "vocabulary:prefix"
	}
	// "Related: …", "More:", "Most read" head a list or a link; a sentence
	// that merely starts with "Next up is…" is prose.
	if h.Prefix&page.VRelated != 0 && b.words <= 25 && !b.endsSentence {
		return labelRelated, "vocabulary:prefix"
	}
	if h.Any&(page.VNewsletter|page.VFollow) != 0 && b.words <= 30 {
		return labelFor(h.Any & (page.VNewsletter | page.VFollow)), "vocabulary:prompt"
	}
	if h.Any&page.VShare != 0 && b.words <= 15 {
		return labelShare, "vocabulary:share"
	}
	if h.Any&page.VCaption != 0 && b.words <= 60 {
		return labelCaption, "vocabulary:credit"
	}
	if h.Any&page.VLegal != 0 && b.words <= 20 {
		return labelFooter, "vocabulary:legal"
	}
	// Cookie and consent banners run long but are never an article's.
	if h.Any&page.VLegal != 0 && b.words <= 80 && (strings.Contains(b.lower, "cookie") || strings.Contains(b.lower, "consent")) {
		return labelFooter, "vocabulary:consent"
	}
	if h.Any&page.VReadTime != 0 && b.words <= 8 {
		return labelCounter, "vocabulary:reading-time"
	}
	return labelNone, ""
}

// isCounter reports lines that are only numbers: share and comment counts,
// pagination, "1 / 23".
func isCounter(b *block) bool {
	if b.cjk > 0 {
		return false
	}
	if b.letters == 0 {
		return true
	}
	return b.digits > 0 && b.words <= 3 && b.letters <= 6 && !b.endsSentence
}

// markOwnSitePromos labels the short lines that name the page's own site
// and are no sentence: "Also on example.com: <another headline>", "More
// at example.com". An article names its own address in a sentence, if
// at all.
func markOwnSitePromos(doc *document) {
	if doc.url == nil {
		return
	}
	host := strings.TrimPrefix(strings.ToLower(doc.url.Hostname()), "www.")
	if strings.Count(host, ".") == 0 {
		return // no domain name a line would print
	}
	for i := range doc.blocks {
		b := &doc.blocks[i]
		if b.label != labelNone || b.words < 4 || b.words > 30 || b.endsSentence {
			continue
		}
		if k := strings.Index(b.lower, " "+host); k >= 0 && ownSiteNameEnds(b.lower, k+1+len(host)) {
			b.label, b.reason = labelRelated, "layout:own-site-promo"
		}
	}
}

// ownSiteNameEnds reports whether the site's name ends at i, as a name
// and not as the host of an address ("example.com/page").
func ownSiteNameEnds(lower string, i int) bool {
	return i == len(lower) || lower[i] != '/' && lower[i] != '.' && page.BoundaryAfter(lower, i)
}

// isShareCommand reports a short line that opens with a share button's
// label and is no sentence: "Print this article", "Share it with
// friends", "Facebook Twitter". The vocabulary knows the buttons' one-word
// labels; a template's wording of the rest of the line is no vocabulary.
func isShareCommand(b *block) bool {
	if b.words < 2 || b.cjk > 0 {
		return false
	}
	if b.words <= 5 && !b.endsSentence {
		start, end := page.ContentBounds(b.lower)
		first := b.lower[start:end]
		if i := strings.IndexFunc(first, notLabelRune); i > 0 {
			first = first[:i]
		}
		return page.Vocab.Scan(first).Whole&page.VShare != 0
	}
	// A short exclamation with a share button's word: "Like it? Share it
	// with a friend!"
	if b.words <= 10 && strings.HasSuffix(strings.TrimSpace(b.text), "!") {
		for _, w := range strings.FieldsFunc(b.lower, notLabelRune) {
			if page.Vocab.Scan(w).Whole&page.VShare != 0 {
				return true
			}
		}
	}
	return false
}

// notLabelRune separates the words of a button's label.
func notLabelRune(r rune) bool { return !page.IsWordRune(r) && r != '+' && r != '-' }

// CommenterSuffixes end the "name says:" line that heads a comment.
var CommenterSuffixes = []string{" says:", " said:", " wrote:", " writes:", " dice:", " disse:", " schreibt:"}

// isCommenter reports the "name says:" line that heads each comment in
// the most common blog templates.
func isCommenter(b *block) bool {
	if b.words > 4 {
		return false
	}
	for _, suffix := range CommenterSuffixes {
		if strings.HasSuffix(b.lower, suffix) {
			return true
		}
	}
	return false
}

// markGalleries labels lines repeated back to back: slideshow captions and
// credits are printed twice by many templates, prose never is.
func markGalleries(bs []block) {
	for i := 1; i < len(bs); i++ {
		if bs[i].lower == bs[i-1].lower && bs[i].group == bs[i-1].group && !isLongProse(&bs[i]) {
			for _, j := range []int{i - 1, i} {
				if bs[j].label == labelNone {
					bs[j].label, bs[j].reason = labelDuplicate, "layout:repeated"
				}
			}
		}
	}
}

// isLongProse reports a paragraph too long and too sentence-like to be a
// caption or a promo: repeated, it is still the article's text (a template
// that repeats a paragraph, or a page of placeholder text), and dropping
// every copy can leave no body at all.
func isLongProse(b *block) bool {
	return b.endsSentence && b.effectiveLength() >= page.LongProseMin
}

// effectiveLength counts a CJK character three times: a Chinese word
// averages under two characters where an English one takes six with its
// space, and the length thresholds are Latin-based.
func (b *block) effectiveLength() int { return b.runes + 2*b.cjk }

// contentScore is the block's evidence of being article prose.
func contentScore(doc *document, b *block) float32 {
	switch b.label {
	case labelPaywall, labelComments:
		return scoreBarrier
	case labelNone:
	case labelNav, labelCounter:
		return scoreNav
	case labelDuplicate:
		if b.cells >= 2 {
			return scoreTableRow // a table header repeated by a sticky-header script
		}
		return scoreBoiler
	default:
		return scoreBoiler
	}
	if b.cells >= 2 && b.words >= 3 {
		// A table row: neither prose nor chrome. Left neutral, a table
		// inside an article is carried by the prose around it.
		return scoreTableRow
	}
	l := b.effectiveLength()
	if l > scoreLenCap {
		l = scoreLenCap
	}
	s := float32(l-scoreLenPivot) / scoreLenScale
	if s < scoreMin {
		s = scoreMin
	}
	if b.endsSentence {
		s += scoreSentence
	}
	if doc.langIdx >= 0 && b.words >= 4 && b.cjk == 0 {
		d := b.stopDensity()
		switch {
		case d >= 0.3:
			s += scoreStopHigh
		case d < 0.1 && b.words >= 6:
			s += scoreStopLow
		}
	}
	if b.words >= 4 && b.titleCaseRatio() >= 0.8 && !b.endsSentence {
		s += scoreHeadline
	}
	if b.digits > b.letters {
		s += scoreDigits
	}
	if b.groupLen >= 3 && l < 80 {
		s += scoreListItem
	} else if b.blankBefore && b.blankAfter && l < 80 {
		s += scoreStandalone
	}
	if b.dup > 0 && l < 100 {
		s += scoreRepeated
	}
	// A headline glued to its teaser ("Strike PossibleThe union said")
	// is a link in a list, not a paragraph; innerText produces it when two
	// inline elements touch.
	if s > 0 && b.glued {
		s *= scoreListOutlier
	}
	return s
}
