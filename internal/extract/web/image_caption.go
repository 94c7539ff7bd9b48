package web

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/pressroom/pressroom/internal/extract/dom"
)

// imageCaptionMaxWords: what a caption says under a picture; a paragraph
// of the story beside an image is longer, or shares its box with more.
const imageCaptionMaxWords = 60

// imageBoxMaxNodes bounds the walk that looks for the picture: a box that
// holds one image and its caption is small.
const imageBoxMaxNodes = 64

// imageCaptionMaxBoxes: a story has a picture or two with captions;
// pictures each over its own text are a gallery or the steps of a how-to,
// whose text is the article's.
const imageCaptionMaxBoxes = 2

// htmlDropImageCaptions drops a caption printed without <figure>: after
// the body's first paragraph, a short text that shares a small box (its
// element or one of its two nearest ancestors) with an image printed
// above it and with no other text but its credit, such as
// <div><img><span>Picture: …</span></div>. Prose that wraps around an
// inline image stays: the image must stand on a branch of its own. The
// picture between a standfirst and the first paragraph is left alone: it
// leads the article, and the corpora disagree on its caption.
func htmlDropImageCaptions(blocks []dom.Block, labels []string) {
	type span struct{ lo, hi int }
	var boxes []span
	for i := htmlOpening(blocks, labels, true) + 1; i > 0 && i < len(blocks); i++ {
		b := &blocks[i]
		if labels[i] != dom.LabelContent {
			continue
		}
		if b.HeadingLvl > 0 || b.InTable || b.InQuote || b.Words > imageCaptionMaxWords || endsWithColon(b.Text) {
			continue
		}
		box := imageBox(b.Node)
		if box == nil {
			continue
		}
		lo, hi, ok := captionAlone(blocks, labels, i, box)
		if ok {
			boxes = append(boxes, span{lo, hi})
			i = hi
		}
	}
	if len(boxes) > imageCaptionMaxBoxes {
		return
	}
	for _, s := range boxes {
		for j := s.lo; j <= s.hi; j++ {
			labels[j] = dom.LabelCaption
		}
	}
}

func endsWithColon(s string) bool {
	s = strings.TrimRight(s, " \u00a0")
	return strings.HasSuffix(s, ":") || strings.HasSuffix(s, "：")
}

// imageBox returns the nearest of n, its parent and its grandparent that
// holds an image beside n's text, or nil.
func imageBox(n *html.Node) *html.Node {
	if !hasOwnText(n) && hasImage(n) {
		return n
	}
	for a, up := n.Parent, 0; a != nil && up < 2; a, up = a.Parent, up+1 {
		if a.Type != html.ElementNode || a.DataAtom == atom.Body {
			return nil
		}
		if hasImage(a) {
			return a
		}
	}
	return nil
}

// hasOwnText reports text directly in n, where an image inside n would
// stand in the flow of a paragraph rather than above its caption.
func hasOwnText(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return true
		}
	}
	return false
}

// hasImage reports an <img> or <picture> in n's subtree, looking at no
// more than imageBoxMaxNodes elements: a big box is not a caption's.
func hasImage(n *html.Node) bool {
	seen, found := 0, false
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if seen++; seen > imageBoxMaxNodes {
				return false
			}
			if c.DataAtom == atom.Img || c.DataAtom == atom.Picture {
				found = true
				return false
			}
			if !walk(c) {
				return false
			}
		}
		return true
	}
	walk(n)
	return found && seen <= imageBoxMaxNodes
}

// captionAlone reports that the blocks inside box, around block i, are
// all a caption's: few, short, no heading among them, after the image,
// and far from all the text kept on the page. It returns their range.
func captionAlone(blocks []dom.Block, labels []string, i int, box *html.Node) (lo, hi int, ok bool) {
	const maxBlocks = 3 // a caption, its credit, a line of rights
	lo, hi = i, i
	for lo > 0 && hi-lo < maxBlocks && isWithin(blocks[lo-1].Node, box) {
		lo--
	}
	for hi+1 < len(blocks) && hi-lo < maxBlocks && isWithin(blocks[hi+1].Node, box) {
		hi++
	}
	if hi-lo+1 > maxBlocks {
		return lo, hi, false
	}
	words := 0
	for j := lo; j <= hi; j++ {
		if blocks[j].HeadingLvl > 0 {
			return lo, hi, false
		}
		words += blocks[j].Words
	}
	if words > imageCaptionMaxWords || !imageFirst(box, blocks[lo].Node) {
		return lo, hi, false
	}
	rest := 0
	for j := range blocks {
		if (j < lo || j > hi) && labels[j] == dom.LabelContent {
			rest += blocks[j].Words
		}
	}
	return lo, hi, rest >= 3*words
}

// imageFirst reports whether an image comes before text's element in
// box, in document order, on a branch of box that holds no text: a
// picture above its caption, not one inside a line of text.
func imageFirst(box, text *html.Node) bool {
	for c := box.FirstChild; c != nil; c = c.NextSibling {
		if c == text || isWithin(text, c) {
			return false
		}
		if c.Type == html.ElementNode && (c.DataAtom == atom.Img || c.DataAtom == atom.Picture || hasImage(c) && dom.Text(c) == "") {
			return true
		}
	}
	return false
}

// isWithin reports whether n is box or inside it.
func isWithin(n, box *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == box {
			return true
		}
	}
	return false
}
