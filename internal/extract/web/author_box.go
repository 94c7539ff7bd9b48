package web

import (
	"slices"
	"strings"

	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// htmlEndAtAuthorBox ends the content at the heading of a box about the
// author ("About the author", "Zum Autor") near its end: the box's short
// biography, and what the page prints after it, are the site's, not the
// story's. Written in sentences, the biography passes the appendix rule;
// the heading alone says what it is. Near the end means what follows is
// small beside the article, as for an appendix: a byline labelled
// "Author" above the story stays.
func htmlEndAtAuthorBox(blocks []dom.Block, labels []string) {
	htmlEndAtClosingHeading(blocks, labels, authorBoxHeading)
}

// htmlEndAtClosingHeading ends the content at the first block that heading
// accepts past an article's worth of text, when what follows it is small
// beside the text above (page.AppendixSmallTail).
func htmlEndAtClosingHeading(blocks []dom.Block, labels []string, heading func(*dom.Block) bool) {
	content := htmlContentBlocks(labels)
	total := htmlCharsOf(blocks, content)
	before := 0
	for k, i := range content {
		b := &blocks[i]
		if before >= page.ArticleChars && heading(b) && page.AppendixSmallTail(total-before-b.Chars, before) {
			for _, j := range content[k:] {
				labels[j] = dom.LabelFurniture
			}
			return
		}
		before += b.Chars
	}
}

// authorBoxHeading reports a line that says only "about the author" in
// one of its usual forms.
func authorBoxHeading(b *dom.Block) bool {
	return lineSaysOnly(b, lexicon.AuthorBoxHeadings)
}

// lineSaysOnly reports a line of a few words that, in lower case and
// without a closing colon, is one of phrases.
func lineSaysOnly(b *dom.Block, phrases []string) bool {
	if b.Words == 0 || b.Words > page.AppendixLabelWords {
		return false
	}
	t := strings.ToLower(strings.TrimSpace(strings.TrimRight(strings.TrimSpace(b.Text), ":")))
	return slices.Contains(phrases, t)
}

// htmlCharsOf sums the characters of the blocks idx.
func htmlCharsOf(blocks []dom.Block, idx []int) int {
	n := 0
	for _, i := range idx {
		n += blocks[i].Chars
	}
	return n
}
