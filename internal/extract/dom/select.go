package dom

import (
	"golang.org/x/net/html"
)

// Block classes used while choosing the content.
const (
	classNeutral = iota
	classGood
	classBad
)

// Labels for blocks that are not content; Select returns one per block.
const (
	LabelContent   = ""
	LabelOutside   = "outside-content"
	LabelLinks     = "link-list"
	LabelFurniture = "page-furniture"
	LabelEdge      = "before-or-after-body"
)

// Select chooses the article's blocks. It scores every element by the text
// under it: long, link-poor blocks count for it, link lists and blocks in
// page furniture (class/id hints) count against it, and the element with
// the best balance is the content root. Inside the root, furniture and
// link lists are dropped, and short blocks are kept only between the first
// and last long ones (headings and list items just before a long block
// too), which is how short paragraphs survive and trailing boilerplate
// does not.
//
// It returns the content root (nil when there is no text at all) and one
// label per block, LabelContent for kept blocks.
func Select(doc *html.Node, blocks []Block) (*html.Node, []string) {
	labels := make([]string, len(blocks))
	if len(blocks) == 0 {
		return nil, labels
	}
	class := make([]int, len(blocks))
	negIgnored := bigNegatives(blocks)
	own := make(map[*html.Node]float64, len(blocks))
	for i := range blocks {
		b := &blocks[i]
		ld := b.LinkDensity()
		neg := false
		for _, a := range b.NegAncs {
			if !negIgnored[a] {
				neg = true
				break
			}
		}
		var v float64
		switch {
		case neg || ld > 0.5 && b.Chars > 0:
			class[i] = classBad
			v = -0.6 * float64(b.Chars)
		case b.Chars >= 60 && ld <= 0.3 && b.HeadingLvl == 0:
			class[i] = classGood
			v = float64(b.Chars) * (1 - ld)
			if b.InArticle || b.Positive {
				v *= 1.25
			}
		default:
			v = -0.1 * float64(min(b.Chars, 50))
		}
		own[b.Node] += v
	}

	var best *html.Node
	bestScore := 0.0
	var score func(n *html.Node) float64
	score = func(n *html.Node) float64 {
		s := own[n]
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				s += score(c)
			}
		}
		if n.Type == html.ElementNode && (best == nil || s > bestScore) {
			best, bestScore = n, s
		}
		return s
	}
	score(doc)
	if best == nil {
		return nil, labels
	}

	first, last := -1, -1
	for i := range blocks {
		b := &blocks[i]
		if !under(b.Node, best) {
			labels[i] = LabelOutside
			continue
		}
		if class[i] == classBad {
			if b.LinkDensity() > 0.5 {
				labels[i] = LabelLinks
			} else {
				labels[i] = LabelFurniture
			}
			// Furniture that encloses the root itself does not count.
			if anyNegInside(b.NegAncs, best, negIgnored) || b.LinkDensity() > 0.5 {
				continue
			}
			labels[i] = LabelContent
			class[i] = classNeutral
		}
		if class[i] == classGood {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	for i := range blocks {
		if labels[i] != LabelContent || class[i] == classGood {
			continue
		}
		if first >= 0 && i > first && i < last {
			continue
		}
		if first >= 0 && i < first && leadsInto(blocks, labels, class, i, first) {
			continue
		}
		labels[i] = LabelEdge
	}
	return best, labels
}

// leadsInto reports whether block i, before the first long block, is a
// heading or list item directly followed (through other short content
// blocks) by the body.
func leadsInto(blocks []Block, labels []string, class []int, i, first int) bool {
	b := &blocks[i]
	if b.HeadingLvl == 1 {
		return false
	}
	return first-i <= 2 && (b.HeadingLvl > 1 || b.InList && b.Chars >= 30)
}

func under(n, root *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == root {
			return true
		}
	}
	return false
}

func anyNegInside(ancs []*html.Node, root *html.Node, ignored map[*html.Node]bool) bool {
	for _, a := range ancs {
		if a != root && !ignored[a] && under(a, root) {
			return true
		}
	}
	return false
}

// bigNegatives finds negatively hinted elements that hold most of the
// page's prose: a wrapper named "has-sidebar" or "page-with-comments" is
// not furniture, whatever its class says.
func bigNegatives(blocks []Block) map[*html.Node]bool {
	total := 0
	prose := map[*html.Node]int{}
	for i := range blocks {
		b := &blocks[i]
		if b.Chars < 60 || b.LinkDensity() > 0.3 {
			continue
		}
		total += b.Chars
		for _, a := range b.NegAncs {
			prose[a] += b.Chars
		}
	}
	ignored := map[*html.Node]bool{}
	for n, c := range prose {
		if float64(c) > 0.5*float64(total) {
			ignored[n] = true
		}
	}
	return ignored
}
