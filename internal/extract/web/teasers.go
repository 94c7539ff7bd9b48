package web

import (
	"strings"

	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// htmlEndAtTeaserList ends the content where a list of teasers begins,
// after an article's worth of text: teasers that alternate with one
// repeated short label (the source or section printed under each:
// "Morning Show", "Reuters"), at least three of each in a row. An
// article's paragraphs do not alternate with a repeated label.
func htmlEndAtTeaserList(blocks []dom.Block, labels []string) {
	content := htmlContentBlocks(labels)
	chars := 0
	for k, i := range content {
		if chars >= page.ArticleChars && htmlTeaserRun(blocks, content[k:]) {
			for _, j := range content[k:] {
				labels[j] = dom.LabelLinks
			}
			return
		}
		chars += blocks[i].Chars
	}
}

// htmlContentBlocks returns the indexes of the blocks labelled content.
func htmlContentBlocks(labels []string) []int {
	var content []int
	for i, l := range labels {
		if l == dom.LabelContent {
			content = append(content, i)
		}
	}
	return content
}

// htmlTeaserRun reports whether the content blocks idx start with three
// teaser-and-label pairs: a longer block, then the same short label.
func htmlTeaserRun(blocks []dom.Block, idx []int) bool {
	if len(idx) < 6 {
		return false
	}
	label := blocks[idx[1]].Text
	for p := 0; p < 3; p++ {
		teaser, l := &blocks[idx[2*p]], &blocks[idx[2*p+1]]
		if l.Text != label || l.Chars > 40 || page.EndsSentence(l.Text) || teaser.Chars < 2*l.Chars || teaser.Text == label {
			return false
		}
	}
	return true
}

// htmlDropSlideshow drops a numbered slideshow from the content, after
// an article's worth of text: captions numbered "1/50 …", "2/50 …",
// "3/50 …" (or "1 of 50") against one total are a gallery of other
// stories, which pages put inside or after the article. The gallery runs
// from its first item to the end of its last, an item being as many
// blocks as the items before it took.
func htmlDropSlideshow(blocks []dom.Block, labels []string) {
	content := htmlContentBlocks(labels)
	chars := 0
	for c := 0; c < len(content); c++ {
		k, n, ok := slideNumber(blocks[content[c]].Text)
		if !ok || k != 1 || n < 3 || chars < page.ArticleChars {
			chars += blocks[content[c]].Chars
			continue
		}
		items := []int{c}
		for d := c + 1; d < len(content); d++ {
			if k2, n2, ok := slideNumber(blocks[content[d]].Text); ok && n2 == n && k2 == len(items)+1 {
				items = append(items, d)
			}
		}
		if len(items) < 3 {
			chars += blocks[content[c]].Chars
			continue
		}
		last := items[len(items)-1]
		stride := (last - c) / (len(items) - 1)
		for d := c; d < min(len(content), last+stride); d++ {
			labels[content[d]] = dom.LabelLinks
		}
		return
	}
}

// slideNumber reads the "k/n" or "k of n" a slideshow caption opens with.
func slideNumber(s string) (k, n int, ok bool) {
	num := func(s string) (int, string) {
		v, i := 0, 0
		for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
			v = v*10 + int(s[i]-'0')
			i++
		}
		if i == 0 {
			return -1, s
		}
		return v, s[i:]
	}
	k, rest := num(s)
	if k < 0 {
		return 0, 0, false
	}
	switch {
	case strings.HasPrefix(rest, "/"):
		rest = rest[1:]
	case strings.HasPrefix(rest, " / "):
		rest = rest[3:]
	case strings.HasPrefix(rest, " of "):
		rest = rest[4:]
	default:
		return 0, 0, false
	}
	n, rest = num(rest)
	if n < k || n <= 0 || rest != "" && rest[0] != ' ' {
		return 0, 0, false
	}
	return k, n, true
}
