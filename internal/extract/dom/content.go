package dom

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Block is one run of text between block-level boundaries, with the
// features the content scorer reads.
type Block struct {
	Node      *html.Node // the block-level element that holds the text
	Tag       atom.Atom  // Node's tag (p, h2, li, div …)
	Text      string
	Chars     int // runes, a Han or kana character counting as three (see TextLen)
	LinkChars int // the same inside <a>
	Words     int // see CountWords
	Index     int // position in document order

	// Context, from the block's ancestors.
	InArticle  bool // inside <article>, <main>, [itemprop=articleBody] or role=main
	InQuote    bool // inside <blockquote>
	InFigure   bool // inside <figure> or <figcaption>
	InList     bool
	InTable    bool
	NegAncs    []*html.Node // nearest ancestors with a negative class/id hint, outermost first
	Positive   bool         // some ancestor has a positive hint
	HeadingLvl int          // 1–6 for h1–h6, else 0
}

// LinkDensity is the share of the block's text that is link text.
func (b *Block) LinkDensity() float64 {
	if b.Chars == 0 {
		return 0
	}
	return float64(b.LinkChars) / float64(b.Chars)
}

// Segment splits the visible text of doc's body into blocks in document
// order. Elements that never hold article text (navigation, asides,
// headers and footers of the page, hidden elements, dialogs) are skipped
// with everything inside them.
func Segment(doc *html.Node) []Block {
	s := segmenter{}
	root := doc
	Find(doc, func(n *html.Node) bool {
		if n.DataAtom == atom.Body {
			root = n
			return false
		}
		return root == doc
	})
	s.walk(root, ctx{})
	s.flush()
	return s.blocks
}

type ctx struct {
	article, quote, figure, list, table, positive bool
	neg                                           []*html.Node
}

type segmenter struct {
	blocks []Block
	sb     strings.Builder
	owner  *html.Node
	octx   ctx
	links  int // runes of link text in sb
	inLink int
	brRun  int // consecutive <br> with no text between
}

// skipElement reports elements left out with their subtree.
func skipElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Nav, atom.Aside, atom.Header, atom.Footer, atom.Dialog, atom.Head, atom.Script,
		atom.Title, atom.Meta, atom.Link, atom.Input, atom.Label, atom.Menu, atom.Fieldset, atom.Img:
		return true
	}
	if Hidden(n) {
		return true
	}
	switch strings.ToLower(Attr(n, "role")) {
	case "navigation", "banner", "contentinfo", "complementary", "dialog", "search", "menu", "menubar", "alert":
		return true
	}
	return false
}

const maxNegAncestors = 6

func (s *segmenter) walk(n *html.Node, c ctx) {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch ch.Type {
		case html.TextNode:
			s.text(ch.Data, n, c)
		case html.ElementNode:
			s.element(ch, c)
		}
	}
}

func (s *segmenter) element(n *html.Node, c ctx) {
	// A <header> inside the article is the article's own: its headline,
	// byline and date, which the metadata reads from the blocks.
	articleHeader := n.DataAtom == atom.Header && c.article && !Hidden(n) && Attr(n, "role") == ""
	if !articleHeader && skipElement(n) {
		if n.DataAtom == atom.Img || n.DataAtom == atom.Input {
			return
		}
		// A skipped header or footer inside the article still separates text.
		s.flush()
		return
	}
	a := n.DataAtom
	if a == atom.Rt || a == atom.Rp {
		// The reading printed over a ruby base (furigana) is an
		// annotation: kept, it would split every word of the sentence.
		return
	}
	if a == atom.Br {
		s.brRun++
		if s.brRun >= 2 {
			s.flush()
		} else {
			s.sb.WriteByte(' ')
		}
		return
	}
	if inlineElement(a) {
		if a == atom.A {
			s.inLink++
			s.walk(n, c)
			s.inLink--
			return
		}
		s.walk(n, c)
		return
	}
	if (a == atom.Td || a == atom.Th) && !layoutCell(n) {
		// Cells of a row read as one line, as a table's text does when
		// copied; a cell holding paragraphs still splits at them.
		s.sb.WriteByte(' ')
		s.walk(n, c)
		s.sb.WriteByte(' ')
		return
	}
	s.flush()
	switch a {
	case atom.Article, atom.Main:
		c.article = true
	case atom.Blockquote:
		c.quote = true
	case atom.Figure, atom.Figcaption:
		c.figure = true
	case atom.Ul, atom.Ol, atom.Dl:
		c.list = true
	case atom.Table:
		c.table = true
	}
	if strings.EqualFold(Attr(n, "itemprop"), "articleBody") || strings.EqualFold(Attr(n, "role"), "main") {
		c.article = true
	}
	switch ClassHint(n) {
	case HintNegative:
		// The nearest few are enough to judge a block, and a bound keeps
		// hostile nesting from costing depth² per block.
		neg := c.neg
		if len(neg) >= maxNegAncestors {
			neg = neg[1:]
		}
		c.neg = append(neg[:len(neg):len(neg)], n)
	case HintPositive:
		c.positive = true
	}
	s.walk(n, c)
	s.flush()
}

// layoutCell reports a table cell used for page layout rather than data:
// it holds paragraphs, blocks or line breaks. Such a cell is a block of its
// own; merging it with its row would glue a menu to the story beside it.
func layoutCell(td *html.Node) bool {
	budget := 64
	var scan func(*html.Node) bool
	scan = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if budget--; budget < 0 {
				return false
			}
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.Br || !inlineElement(c.DataAtom) || scan(c) {
				return true
			}
		}
		return false
	}
	return scan(td)
}

func (s *segmenter) text(t string, parent *html.Node, c ctx) {
	if isBlankString(t) {
		if s.sb.Len() > 0 {
			s.sb.WriteByte(' ')
		}
		return
	}
	s.brRun = 0
	if s.owner == nil {
		s.owner = blockOwner(parent)
		s.octx = c
	}
	s.sb.WriteString(t)
	if s.inLink > 0 {
		s.links += TextLen(strings.TrimSpace(t))
	}
}

func isBlankString(t string) bool {
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case ' ', '\t', '\n', '\r', '\f':
		default:
			return false
		}
	}
	return true
}

// blockOwner returns the nearest block-level ancestor-or-self of n.
func blockOwner(n *html.Node) *html.Node {
	for ; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && !inlineElement(n.DataAtom) &&
			(n.DataAtom != atom.Td && n.DataAtom != atom.Th || layoutCell(n)) {
			return n
		}
	}
	return nil
}

func (s *segmenter) flush() {
	s.brRun = 0
	if s.sb.Len() == 0 {
		return
	}
	text := CollapseSpace(s.sb.String())
	s.sb.Reset()
	links := s.links
	s.links = 0
	owner, c := s.owner, s.octx
	s.owner = nil
	if text == "" || owner == nil {
		return
	}
	b := Block{
		Node:      owner,
		Tag:       owner.DataAtom,
		Text:      text,
		Chars:     TextLen(text),
		LinkChars: links,
		Words:     CountWords(text),
		Index:     len(s.blocks),
		InArticle: c.article,
		InQuote:   c.quote,
		InFigure:  c.figure,
		InList:    c.list,
		InTable:   c.table,
		NegAncs:   c.neg,
		Positive:  c.positive,
	}
	if b.LinkChars > b.Chars {
		b.LinkChars = b.Chars
	}
	if heading(owner.DataAtom) {
		b.HeadingLvl = int(owner.Data[1] - '0')
	}
	s.blocks = append(s.blocks, b)
}

// CountWords counts the words of collapsed text: the runs between spaces,
// plus, in the scripts that put no spaces between words (Chinese,
// Japanese), one for every character, as the text front-end counts them.
func CountWords(s string) int {
	n, wide := 0, 0
	in := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0xe3 && c <= 0xef {
			// Kana and Han are three-byte sequences led by E3–EF.
			if r, _ := utf8.DecodeRuneInString(s[i:]); spaceless(r) {
				wide++
			}
		}
		sp := c == ' '
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n + wide
}

// TextLen measures the amount of text in s, in runes, with a Han or kana
// character counting as three: one carries about as much as a short word
// of a spaced script, and the content thresholds (a paragraph of 60
// characters, a caption of 100) were set on those.
func TextLen(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if spaceless(r) {
			n += 3
		} else {
			n++
		}
		i += size
	}
	return n
}

// spaceless reports the characters of the scripts written without spaces
// between words.
func spaceless(r rune) bool {
	return r >= 0x3040 && r <= 0x30ff || // kana
		r >= 0x3400 && r <= 0x4dbf || r >= 0x4e00 && r <= 0x9fff || // Han
		r >= 0xf900 && r <= 0xfaff
}
