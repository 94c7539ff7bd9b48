package text

import (
	"strings"

	"github.com/pressroom/pressroom/internal/extract/lexicon"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// A subscription wall is a cluster of short lines, and only some of them say
// a paywall phrase ("Already a subscriber?"); the others are written in the
// same words: subscribe, access, account, sign in. markPaywallWall extends a
// paywall label over the neighbouring lines those words make up, so that the
// vocabulary needs no site's sentences. Lines before the phrase must be
// short or say two such words: the article's last paragraph may mention an
// account.

// paywallWords are lexicon.PaywallWords of every language, folded.
var paywallWords = func() []string {
	var ws []string
	seen := map[string]bool{} // "account" is English, Italian and Dutch
	for _, l := range lexicon.Languages {
		for _, w := range lexicon.PaywallWords[l] {
			if w = page.FoldLower(w); !seen[w] {
				seen[w] = true
				ws = append(ws, w)
			}
		}
	}
	return ws
}()

// paywallWordCount counts the distinct paywall words in a folded line.
func paywallWordCount(lower string) int {
	n := 0
	for _, w := range paywallWords {
		for from := 0; ; {
			i := strings.Index(lower[from:], w)
			if i < 0 {
				break
			}
			i += from
			if page.BoundaryBefore(lower, i) && page.BoundaryAfter(lower, i+len(w)) {
				n++
				break
			}
			from = i + 1
		}
	}
	return n
}

const (
	wallMaxWords    = 45 // as for a paywall phrase
	wallShortBefore = 12 // words of a line before the phrase with one paywall word
)

func markPaywallWall(bs []block) {
	for i := range bs {
		if bs[i].label != labelPaywall || bs[i].reason != "vocabulary:paywall" {
			continue
		}
		for j := i + 1; j < len(bs) && extendWall(&bs[j], false); j++ {
		}
		for j := i - 1; j >= 0 && extendWall(&bs[j], true); j-- {
		}
	}
}

// extendWall labels b part of a wall when it is; it reports whether the
// wall may go on past b: chrome (a "Sign in" button) is passed over.
func extendWall(b *block, before bool) bool {
	if b.label != labelNone {
		return b.label == labelPaywall || isChrome(b.label) && b.words <= 5
	}
	if b.words > wallMaxWords {
		return false
	}
	n := paywallWordCount(b.lower)
	if n == 0 || before && n < 2 && b.words > wallShortBefore {
		return false
	}
	b.label, b.reason = labelPaywall, "layout:paywall-wall"
	return true
}
