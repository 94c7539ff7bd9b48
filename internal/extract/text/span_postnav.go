package text

import (
	"strings"
	"unicode/utf8"
)

// endAtPostNavigation ends the body at a blog's links to the previous and
// next post ("« Older title", "Newer title ›", "← One → Other"): a short
// line opening with a left-pointing arrow or closing with a right-pointing
// one, without the matching mark a quotation would close with, and no
// sentence (a quotation's last line ends one: "… end. »"). What
// follows it is the blog's chrome: comments, tag clouds, the author's
// box. It counts only in the body's tail, under an article's worth of
// paragraphs, with less text after it than before.
func endAtPostNavigation(doc *document) {
	bs := doc.blocks
	total := bodyRunes(doc)
	before, paragraphs := 0, 0
	for i := doc.bodyStart; i < doc.bodyEnd; i++ {
		b := &bs[i]
		if b.label != labelBody {
			continue
		}
		if paragraphs >= postNavArticleMin && b.words <= postNavWords && !b.endsSentence && isPostNavigation(b.text) &&
			(total-before)*postNavTailShare <= total {
			cutBody(doc, i, labelNav, "layout:post-navigation")
			return
		}
		before += b.runes
		paragraphs++
	}
}

// A post-navigation line: at most postNavWords words, after at least
// postNavArticleMin body paragraphs, with at most 1/postNavTailShare of the
// body's text from it on.
const (
	postNavWords      = 15
	postNavArticleMin = 3
	postNavTailShare  = 3
)

// isPostNavigation reports a line opening with "«", "‹" or "←" that no
// closing "»", "›" or "→" answers, or closing with one of those that no
// opening mark answers: a link to the post before or after, not a quote.
func isPostNavigation(s string) bool {
	s = strings.TrimSpace(s)
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	switch {
	case first == '«' || first == '‹' || first == '←':
		return !strings.ContainsAny(s[utf8.RuneLen(first):], "»›")
	case last == '»' || last == '›' || last == '→':
		return !strings.ContainsAny(s[:len(s)-utf8.RuneLen(last)], "«‹")
	}
	return false
}

// bodyRunes counts the characters of the body span's body lines.
func bodyRunes(doc *document) int {
	n := 0
	for i := doc.bodyStart; i < doc.bodyEnd; i++ {
		if doc.blocks[i].label == labelBody {
			n += doc.blocks[i].runes
		}
	}
	return n
}

// cutBody ends the body at block i, relabelling the body lines from there
// on with l for the diagnostics.
func cutBody(doc *document, i int, l label, reason string) {
	for j := i; j < doc.bodyEnd; j++ {
		if b := &doc.blocks[j]; b.label == labelBody {
			b.label, b.reason = l, reason
		}
	}
	doc.bodyEnd = i
}
