package web

import (
	"slices"
	"strings"

	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// htmlDropConsentPlaceholders drops what a page prints in place of an
// embedded post or video it has not loaded yet: a short block that speaks
// of the reader's privacy, of their consent and of the outside content
// ("To protect your data we blocked the content from …; agree to load
// it"), and the label of a few words above it ("External content",
// "Enable Twitter"). The text belongs to the page's consent tool, not to
// the story, and sits where the embed goes, often mid-body.
func htmlDropConsentPlaceholders(blocks []dom.Block, labels []string, lows []string) {
	for i := range blocks {
		if labels[i] != dom.LabelContent || !consentPlaceholder(&blocks[i], lows[i]) {
			continue
		}
		labels[i] = dom.LabelFurniture
		if j := htmlPrevContent(labels, i); j >= 0 && consentLabel(&blocks[j]) {
			labels[j] = dom.LabelFurniture
		}
	}
}

// consentPlaceholderMaxWords: a notice of a few sentences, not an article
// about privacy.
const consentPlaceholderMaxWords = 80

// consentPlaceholder reports a short block that names all three themes;
// low is its text in lower case.
func consentPlaceholder(b *dom.Block, low string) bool {
	if b.Words == 0 || b.Words > consentPlaceholderMaxWords || b.HeadingLvl > 0 {
		return false
	}
	return containsAny(low, lexicon.ConsentPrivacyWords) && containsAny(low, lexicon.ConsentAgreeWords) && containsAny(low, lexicon.ConsentOutsideWords)
}

// consentLabel reports the placeholder's label or button: a line of one
// to three words that is not a sentence or the lead-in to a list.
func consentLabel(b *dom.Block) bool {
	t := strings.TrimSpace(b.Text)
	return b.Words > 0 && b.Words <= 3 && !page.EndsSentence(t) && !strings.HasSuffix(t, ":")
}

// htmlPrevContent returns the kept block before i, or -1.
func htmlPrevContent(labels []string, i int) int {
	for j := i - 1; j >= 0; j-- {
		if labels[j] == dom.LabelContent {
			return j
		}
	}
	return -1
}

// htmlNoticeLows returns, for each kept block of notice length (see
// consentPlaceholderMaxWords), its text in lower case, and "" for the
// others: the notice rules read it, lowering each block once.
func htmlNoticeLows(blocks []dom.Block, labels []string) []string {
	lows := make([]string, len(blocks))
	for i := range blocks {
		if labels[i] == dom.LabelContent && blocks[i].Words <= consentPlaceholderMaxWords {
			lows[i] = strings.ToLower(blocks[i].Text)
		}
	}
	return lows
}

// containsAny reports whether s contains one of subs.
func containsAny(s string, subs []string) bool {
	return slices.ContainsFunc(subs, func(sub string) bool { return strings.Contains(s, sub) })
}
