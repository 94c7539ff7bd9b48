package text

import (
	"strings"

	"github.com/pressroom/pressroom/internal/extract/page"
)

// dropTrailingList ends the body before the list it closes with: a short
// heading ("You may also like", "Mehr zum Thema:", "À lire …") over two or
// more short lines that are no sentences, teaser titles, running to the
// end of the body. An article's own closing list says more per item.
func dropTrailingList(doc *document) {
	bs := doc.blocks
	n, from := 0, doc.bodyEnd
	for i := doc.bodyEnd - 1; i > doc.bodyStart; i-- {
		b := &bs[i]
		if b.label != labelBody {
			continue
		}
		if b.endsSentence || b.words > trailingItemWords || b.runes >= 120 {
			break
		}
		n, from = n+1, i
	}
	h := from - 1
	for h > doc.bodyStart && bs[h].label != labelBody {
		h--
	}
	if n < trailingListMin || h <= doc.bodyStart || !listHeading(&bs[h]) {
		return
	}
	for i := h; i < doc.bodyEnd; i++ {
		if bs[i].label == labelBody {
			bs[i].label, bs[i].reason = labelRelated, "layout:trailing-list"
		}
	}
	doc.bodyEnd = h
}

// A trailing list: at least trailingListMin lines of at most
// trailingItemWords words under a heading of at most listHeadingWords.
const (
	trailingListMin   = 2
	trailingItemWords = 12
	listHeadingWords  = 8
)

// listHeading reports a line shaped like the heading of a list: short,
// ending with a colon, an ellipsis, a question or exclamation mark, or
// nothing, never with a full stop.
func listHeading(b *block) bool {
	t := strings.TrimRight(b.text, " ")
	return b.words <= listHeadingWords && !strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "。")
}

// endAtAppendix ends the body at a short label ending with a colon
// ("More information:", "Contact:") under the article when only a small
// tail without prose follows it: the page's appendix, as
// htmlEndAtAppendix reads it in markup.
func endAtAppendix(doc *document) {
	bs := doc.blocks
	total := bodyRunes(doc)
	before := 0
	for i := doc.bodyStart; i < doc.bodyEnd; i++ {
		b := &bs[i]
		if b.label != labelBody {
			continue
		}
		if before >= page.ArticleChars && b.words <= page.AppendixLabelWords && strings.HasSuffix(b.text, ":") &&
			page.AppendixSmallTail(total-before-b.runes, before) && !proseAfter(doc, i+1) {
			cutBody(doc, i, labelRelated, "layout:appendix")
			return
		}
		before += b.runes
	}
}

// proseAfter reports a paragraph of prose in the body from block i on.
func proseAfter(doc *document, i int) bool {
	for ; i < doc.bodyEnd; i++ {
		if b := &doc.blocks[i]; b.label == labelBody && b.words >= page.AppendixProseWords && b.endsSentence {
			return true
		}
	}
	return false
}
