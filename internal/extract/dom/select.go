package dom

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
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
	LabelCaption   = "caption"
	LabelTitle     = "title"
)

// SelectOptions carry what the caller already knows about the page.
type SelectOptions struct {
	// Title is the article's headline, when known: text before the
	// element that prints it is unlikely to be the article.
	Title string
}

// Select chooses the article's blocks. It scores every element by the text
// under it: long, link-poor blocks count for it, link lists, teasers and
// blocks in page furniture (class/id hints) count against it, and the
// element with the best balance is the content root. A page that marks its
// body with itemprop=articleBody gets its root inside that mark. Inside the
// root, furniture and link lists are dropped, and short blocks are kept
// only between the first and last long ones (headings and list items just
// before a long block too), which is how short paragraphs survive and
// trailing boilerplate does not.
//
// It returns the content root (nil when there is no text at all) and one
// label per block, LabelContent for kept blocks.
func Select(doc *html.Node, blocks []Block, opt SelectOptions) (*html.Node, []string) {
	root, labels, score := selectIgnoring(doc, blocks, opt, bigNegatives(blocks))
	if root != nil && score <= 0 {
		// No element holds more prose than furniture: every paragraph sits
		// under a class named like furniture (a theme that calls its
		// wrappers "sidebar-layout" or "widget"). The words are then no
		// evidence, and the text alone decides.
		if all := allNegatives(blocks); len(all) > 0 {
			root, labels, _ = selectIgnoring(doc, blocks, opt, all)
		}
	}
	return root, labels
}

// allNegatives returns every negatively hinted ancestor of the blocks.
func allNegatives(blocks []Block) map[*html.Node]bool {
	all := map[*html.Node]bool{}
	for i := range blocks {
		for _, a := range blocks[i].NegAncs {
			all[a] = true
		}
	}
	return all
}

// selectIgnoring is Select with the negative hints of negIgnored set
// aside; it also returns the root's score.
func selectIgnoring(doc *html.Node, blocks []Block, opt SelectOptions, negIgnored map[*html.Node]bool) (*html.Node, []string, float64) {
	labels := make([]string, len(blocks))
	if len(blocks) == 0 {
		return nil, labels, 0
	}
	class := make([]int, len(blocks))
	titleIdx := findTitle(blocks, opt.Title)
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
		c := float64(b.Chars)
		// Link text counts against a block more than plain text counts
		// for it, so link lists score below zero and prose with a few
		// links well above.
		v := c*(1-ld) - 0.6*c*ld
		switch {
		case neg:
			class[i] = classBad
			v = -0.6 * c
		case b.InFigure || creditLine(b):
			// Captions and credits describe a picture, not the story.
			class[i] = classBad
			v = 0
		case teaser(b):
			v = -0.3 * c
		case ld > 0.5 && (b.Chars < 100 || ld > 0.75) || urlSoup(b):
			class[i] = classBad
		case b.Chars >= 60 && ld <= 0.5 && b.HeadingLvl == 0:
			class[i] = classGood
			if b.InArticle || b.Positive {
				v *= 1.25
			}
			if i < titleIdx {
				v *= 0.3
			}
		case b.Chars >= 100 && b.HeadingLvl == 0:
			// Sentences that are mostly links: neither evidence for nor
			// against, kept when inside the body.
		default:
			v = -0.1 * float64(min(b.Chars, 50))
		}
		own[b.Node] += v
	}
	// Rows of a data table are short one by one, but a table of them is
	// content: count its rows as prose.
	groups := proseGroups(blocks, class)
	for i := range blocks {
		b := &blocks[i]
		if class[i] == classNeutral && b.Tag == atom.Tr && groups[groupOf(b)] {
			class[i] = classGood
			own[b.Node] += float64(b.Chars) + 0.1*float64(min(b.Chars, 50))
		}
	}

	scope := articleBodyScope(doc, blocks, class)
	var best *html.Node
	bestScore := 0.0
	var score func(n *html.Node, eligible bool) float64
	score = func(n *html.Node, eligible bool) float64 {
		if n == scope {
			eligible = true
		}
		s := own[n]
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				s += score(c, eligible)
			}
		}
		if eligible && n.Type == html.ElementNode && (best == nil || s > bestScore) {
			best, bestScore = n, s
		}
		return s
	}
	score(doc, scope == nil)
	if best == nil {
		return nil, labels, 0
	}
	if scope == nil {
		best = widenLoneParagraph(best, blocks, class)
	}

	// One walk of the root's subtree instead of a walk up from every
	// block: depth times blocks is what hostile nesting would exploit.
	inRoot := map[*html.Node]bool{best: true}
	var mark func(*html.Node)
	mark = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				inRoot[c] = true
				mark(c)
			}
		}
	}
	mark(best)
	first, last := -1, -1
	for i := range blocks {
		b := &blocks[i]
		if !inRoot[b.Node] {
			labels[i] = LabelOutside
			continue
		}
		if class[i] == classBad {
			if b.InFigure || creditLine(b) {
				labels[i] = LabelCaption
				continue
			}
			if b.LinkDensity() > 0.5 {
				labels[i] = LabelLinks
			} else {
				labels[i] = LabelFurniture
			}
			// Furniture that encloses the root itself does not count.
			if anyNegInside(b.NegAncs, best, inRoot, negIgnored) || b.LinkDensity() > 0.5 || urlSoup(b) {
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
	// Sign-offs after the story (newsletter prompts, "share this",
	// "contributed to this report") are long enough to look like prose.
	for last > first && first >= 0 && boilerplateLine(&blocks[last]) {
		labels[last] = LabelEdge
		class[last] = classNeutral
		last--
		for last > first && (class[last] != classGood || labels[last] != LabelContent) {
			last--
		}
	}
	tail := trailingRun(blocks, labels, class, last)
	for i := range blocks {
		b := &blocks[i]
		inside := first >= 0 && i > first && (i < last || i <= tail)
		if labels[i] == LabelLinks && inside && linkedSentence(b) && !anyNegInside(b.NegAncs, best, inRoot, negIgnored) {
			labels[i] = LabelContent
			continue
		}
		if i == titleIdx {
			labels[i] = LabelTitle
			continue
		}
		if labels[i] != LabelContent || class[i] == classGood || inside {
			continue
		}
		if g := groupOf(b); g != nil && groups[g] {
			continue
		}
		if first >= 0 && i < first && leadsInto(blocks, b, i, first) {
			continue
		}
		labels[i] = LabelEdge
	}
	return best, labels, bestScore
}

// trailingRun returns the index of the last block of the unbroken run of
// short content blocks that follows the last long one in the same
// container (a closing list, a final short paragraph); last itself when
// there is none.
func trailingRun(blocks []Block, labels []string, class []int, last int) int {
	if last < 0 {
		return last
	}
	home := blocks[last].Node.Parent
	end := last
	for i := last + 1; i < len(blocks); i++ {
		b := &blocks[i]
		if labels[i] != LabelContent || class[i] != classNeutral || b.LinkDensity() > 0.3 || b.HeadingLvl > 0 || boilerplateLine(b) {
			break
		}
		n := b.Node
		if b.InList {
			for n != nil && n.DataAtom != atom.Ul && n.DataAtom != atom.Ol {
				n = n.Parent
			}
		}
		if n == nil || n.Parent != home {
			break
		}
		end = i
	}
	return end
}

// groupOf returns the table or list a block's row or item belongs to.
func groupOf(b *Block) *html.Node {
	switch b.Tag {
	case atom.Tr:
		for n := b.Node.Parent; n != nil; n = n.Parent {
			if n.DataAtom == atom.Table {
				return n
			}
		}
	case atom.Li, atom.Dd, atom.Dt:
		return b.Node.Parent
	}
	return nil
}

// proseGroups finds tables and lists whose rows together read as content
// (enough text, few links) even though each row is short.
func proseGroups(blocks []Block, class []int) map[*html.Node]bool {
	type agg struct{ n, chars, links int }
	st := map[*html.Node]*agg{}
	for i := range blocks {
		b := &blocks[i]
		g := groupOf(b)
		if g == nil || class[i] == classBad {
			continue
		}
		a := st[g]
		if a == nil {
			a = &agg{}
			st[g] = a
		}
		a.n++
		a.chars += b.Chars
		a.links += b.LinkChars
	}
	out := map[*html.Node]bool{}
	for g, a := range st {
		if a.n >= 3 && a.chars >= 150 && float64(a.links) <= 0.25*float64(a.chars) {
			out[g] = true
		}
	}
	return out
}

// findTitle returns the index of the first short block that prints the
// title, or -1.
func findTitle(blocks []Block, title string) int {
	if title == "" {
		return -1
	}
	nt := normText(title)
	for i := range blocks {
		b := &blocks[i]
		if b.Chars < 400 && normText(b.Text) == nt {
			return i
		}
	}
	return -1
}

func normText(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// articleBodyScope returns the common ancestor of the elements marked
// itemprop=articleBody when they hold real text, else nil.
func articleBodyScope(doc *html.Node, blocks []Block, class []int) *html.Node {
	var marks []*html.Node
	Find(doc, func(n *html.Node) bool {
		if Hidden(n) {
			return false
		}
		if strings.EqualFold(Attr(n, "itemprop"), "articleBody") {
			marks = append(marks, n)
			return false
		}
		return true
	})
	if len(marks) == 0 {
		return nil
	}
	lca := marks[0]
	for _, m := range marks[1:] {
		lca = commonAncestor(lca, m)
	}
	if lca == nil {
		return nil
	}
	good := 0
	for i := range blocks {
		if class[i] != classGood {
			continue
		}
		for _, m := range marks {
			if under(blocks[i].Node, m) {
				good += blocks[i].Chars
				break
			}
		}
	}
	if good < 150 {
		return nil
	}
	return lca
}

func commonAncestor(a, b *html.Node) *html.Node {
	seen := map[*html.Node]bool{}
	for n := a; n != nil; n = n.Parent {
		seen[n] = true
	}
	for n := b; n != nil; n = n.Parent {
		if seen[n] {
			return n
		}
	}
	return nil
}

// leadsInto reports whether block i, before the first long block, is a
// heading or list item directly followed by the body.
func leadsInto(blocks []Block, b *Block, i, first int) bool {
	if b.HeadingLvl == 1 {
		return false
	}
	if first-i == 1 && b.Tag == atom.P && b.Words >= 4 && b.LinkChars == 0 && sentenceEnd(b.Text) &&
		b.Node.Parent == blocks[first].Node.Parent {
		return true // a short opening paragraph
	}
	return first-i <= 2 && (b.HeadingLvl > 1 || b.InList && b.Chars >= 30)
}

func sentenceEnd(t string) bool {
	t = strings.TrimRight(t, " ”’\"')")
	return strings.HasSuffix(t, ".") || strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!")
}

func under(n, root *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == root {
			return true
		}
	}
	return false
}

func anyNegInside(ancs []*html.Node, root *html.Node, inRoot, ignored map[*html.Node]bool) bool {
	for _, a := range ancs {
		if a != root && !ignored[a] && inRoot[a] {
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

// widenLoneParagraph returns the root to use when the best-scoring element
// holds a single paragraph of prose: the story's other paragraphs sit
// beside it among blocks that score against it (captions, ad slots), so
// that one paragraph alone outscored its parent. The nearest ancestor, at
// most widenLevels up, that holds more paragraphs of prose is the root;
// the labelling inside it drops the furniture again.
func widenLoneParagraph(best *html.Node, blocks []Block, class []int) *html.Node {
	// A walk of the candidate's subtree, not a walk up from every block
	// (see the root's marking in selectIgnoring).
	goodAt := map[*html.Node]int{}
	for i := range blocks {
		if class[i] == classGood {
			goodAt[blocks[i].Node]++
		}
	}
	var good func(n *html.Node) int
	good = func(n *html.Node) int {
		count := goodAt[n]
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				count += good(c)
			}
		}
		return count
	}
	if good(best) != 1 {
		return best
	}
	n := best
	for level := 0; level < widenLevels && n.Parent != nil && n.Parent.Type == html.ElementNode; level++ {
		n = n.Parent
		if n.DataAtom == atom.Body {
			break
		}
		if good(n) >= 2 {
			return n
		}
	}
	return best
}

// widenLevels bounds how far up a lone paragraph's root may move: a
// paragraph's container and the container's wrapper.
const widenLevels = 2
