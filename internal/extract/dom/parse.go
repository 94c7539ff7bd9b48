package dom

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Parse builds a tree from src (UTF-8) with golang.org/x/net/html's
// tokenizer and a small tree builder of its own, instead of html.Parse:
// html.Parse has no limits (deep nesting makes it quadratic) and spends time
// on rules that do not change which text a reader sees. The builder follows
// the HTML5 rules that matter for text: void elements, implied end tags of
// p, li, dt/dd, table cells and headings, and end tags that close inner
// elements or are ignored when nothing matches.
//
// To keep the tree small it drops comments, scripts (except JSON-LD), styles,
// SVG/MathML, templates, form controls and embedded objects, and it keeps
// only the attributes extraction reads.
//
// The returned node is an html.DocumentNode. Any input within the limits
// parses; exceeding one returns an error wrapping ErrLimit.
func Parse(src []byte, lim Limits) (*html.Node, error) {
	lim = lim.withDefaults()
	if len(src) > lim.MaxBytes {
		return nil, fmt.Errorf("%w: document of %d bytes (max %d)", ErrLimit, len(src), lim.MaxBytes)
	}
	b := builder{lim: lim, doc: &html.Node{Type: html.DocumentNode}}
	b.stack = append(make([]*html.Node, 0, 64), b.doc)
	z := html.NewTokenizer(bytes.NewReader(src))
	z.SetMaxBuf(lim.MaxTokenBytes)
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			err := z.Err()
			if errors.Is(err, io.EOF) {
				return b.doc, nil
			}
			if errors.Is(err, html.ErrBufferExceeded) {
				return nil, fmt.Errorf("%w: a token longer than %d bytes", ErrLimit, lim.MaxTokenBytes)
			}
			return nil, fmt.Errorf("dom: tokenize: %w", err)
		}
		if err := b.token(z, tt); err != nil {
			return nil, err
		}
	}
}

type builder struct {
	lim   Limits
	doc   *html.Node
	stack []*html.Node
	nodes int

	// skip > 0 while inside a dropped subtree whose tag is skipTag; nested
	// elements of the same name are counted so the right end tag ends it.
	skip    int
	skipTag atom.Atom
	skipRaw string // skipTag's name when it has no atom

	html, head, body *html.Node

	slab     []html.Node      // see newNode
	attrBuf  []html.Attribute // reused by token for each start tag
	attrSlab []html.Attribute // see newAttrs
}

// newNode hands out nodes from a block allocated many at a time: a page
// has thousands, and one allocation each is much of the parse's cost.
func (b *builder) newNode() *html.Node {
	if len(b.slab) == 0 {
		// Blocks grow with the page, so a short fragment stays small.
		b.slab = make([]html.Node, min(256, max(16, b.nodes/2)))
	}
	n := &b.slab[0]
	b.slab = b.slab[1:]
	return n
}

// newAttrs copies kept into a block shared by many elements, like
// newNode; the copy's capacity is its length, so an append to one
// element's attributes cannot reach its neighbour's.
func (b *builder) newAttrs(kept []html.Attribute) []html.Attribute {
	n := len(kept)
	if n > len(b.attrSlab) {
		b.attrSlab = make([]html.Attribute, max(n, min(128, max(16, b.nodes/4))))
	}
	attrs := b.attrSlab[:n:n]
	copy(attrs, kept)
	b.attrSlab = b.attrSlab[n:]
	return attrs
}

func (b *builder) top() *html.Node { return b.stack[len(b.stack)-1] }

func (b *builder) token(z *html.Tokenizer, tt html.TokenType) error {
	switch tt {
	case html.TextToken:
		if b.skip > 0 {
			return nil
		}
		return b.text(z.Text())
	case html.StartTagToken, html.SelfClosingTagToken:
		name, hasAttr := z.TagName()
		a := atom.Lookup(name)
		if b.skip > 0 {
			if b.sameAsSkip(a, name) && tt == html.StartTagToken {
				b.skip++
			}
			return nil
		}
		// The kept attributes are gathered in a reused buffer and copied
		// out once, at their final length (see newAttrs).
		kept := b.attrBuf[:0]
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			if key, ok := keptAttr(k); ok {
				kept = append(kept, html.Attribute{Key: key, Val: string(v)})
			}
		}
		b.attrBuf = kept
		var attrs []html.Attribute
		if len(kept) > 0 {
			attrs = b.newAttrs(kept)
		}
		return b.start(a, name, attrs, tt == html.SelfClosingTagToken)
	case html.EndTagToken:
		name, _ := z.TagName()
		a := atom.Lookup(name)
		if b.skip > 0 {
			if b.sameAsSkip(a, name) {
				b.skip--
			}
			return nil
		}
		b.end(a, name)
	}
	return nil
}

func (b *builder) sameAsSkip(a atom.Atom, name []byte) bool {
	if b.skipTag != 0 {
		return a == b.skipTag
	}
	return string(name) == b.skipRaw
}

// keptAttrs lists the attributes extraction reads (start: an <ol>'s first
// number, for the Markdown body; src, width, height: the lead image;
// aria-label: breadcrumbs); the rest (srcset, data-*, event handlers) are
// the bulk of a modern page's attribute bytes.
var keptAttrs = map[string]string{}

func init() {
	for _, k := range []string{"id", "class", "itemprop", "itemtype", "itemscope", "property", "name", "content",
		"href", "rel", "datetime", "hidden", "style", "aria-hidden", "lang", "type",
		"charset", "http-equiv", "role", "pubdate", "title", "rev", "xml:lang", "start",
		"src", "width", "height", "aria-label"} {
		keptAttrs[k] = k
	}
}

// keptAttr returns the key as a shared string when the attribute is kept,
// so the many class and href keys of a page are not each a new string.
func keptAttr(k []byte) (string, bool) {
	key, ok := keptAttrs[string(k)]
	return key, ok
}

func (b *builder) add(n *html.Node) error {
	b.nodes++
	if b.nodes > b.lim.MaxNodes {
		return fmt.Errorf("%w: more than %d nodes", ErrLimit, b.lim.MaxNodes)
	}
	b.top().AppendChild(n)
	return nil
}

func (b *builder) text(t []byte) error {
	p := b.top()
	if isBlank(t) {
		switch p.DataAtom {
		case atom.Html, atom.Head, atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr,
			atom.Ul, atom.Ol, atom.Dl, atom.Select:
			return nil
		}
		if p.Type == html.DocumentNode {
			return nil
		}
		t = []byte(" ")
	}
	if last := p.LastChild; last != nil && last.Type == html.TextNode {
		last.Data += string(t)
		return nil
	}
	n := b.newNode()
	n.Type, n.Data = html.TextNode, string(t)
	return b.add(n)
}

func isBlank(t []byte) bool {
	for _, c := range t {
		switch c {
		case ' ', '\t', '\n', '\r', '\f':
		default:
			return false
		}
	}
	return true
}

func attrVal(attrs []html.Attribute, key string) string {
	for _, a := range attrs {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// dropped reports whether an element and everything inside it is left out
// of the tree: nothing in it is article text or metadata.
func dropped(a atom.Atom, attrs []html.Attribute) bool {
	switch a {
	case atom.Script:
		return !bytes.Contains(bytes.ToLower([]byte(attrVal(attrs, "type"))), []byte("ld+json"))
	case atom.Style, atom.Svg, atom.Math, atom.Template, atom.Noscript, atom.Iframe,
		atom.Object, atom.Canvas, atom.Select, atom.Textarea, atom.Button, atom.Video,
		atom.Audio, atom.Map, atom.Noembed, atom.Noframes, atom.Xmp, atom.Applet, atom.Datalist:
		return true
	}
	return false
}

func (b *builder) start(a atom.Atom, name []byte, attrs []html.Attribute, selfClosing bool) error {
	if dropped(a, attrs) {
		if selfClosing && (a == atom.Svg || a == atom.Math) {
			return nil
		}
		b.skip, b.skipTag = 1, a
		if a == 0 {
			b.skipRaw = string(name)
		}
		return nil
	}
	switch a {
	case atom.Html, atom.Head, atom.Body:
		return b.startSection(a, attrs)
	}
	if b.body == nil && b.head != nil && b.inStack(b.head) && !headElement(a) {
		b.popTo(b.head)
	}
	b.implyEnds(a)

	n := b.newNode()
	n.Type, n.DataAtom, n.Data, n.Attr = html.ElementNode, a, a.String(), attrs
	if a == 0 {
		n.Data = string(name)
	}
	if err := b.add(n); err != nil {
		return err
	}
	if voidElement(a) || selfClosing && a == 0 {
		return nil
	}
	if len(b.stack) >= b.lim.MaxDepth {
		return fmt.Errorf("%w: elements nested deeper than %d", ErrLimit, b.lim.MaxDepth)
	}
	b.stack = append(b.stack, n)
	return nil
}

// startSection handles html, head and body: they exist once, and a repeated
// start tag only adds its attributes, as browsers do.
func (b *builder) startSection(a atom.Atom, attrs []html.Attribute) error {
	var slot **html.Node
	switch a {
	case atom.Html:
		slot = &b.html
	case atom.Head:
		slot = &b.head
	default:
		slot = &b.body
	}
	if *slot != nil {
		for _, at := range attrs {
			if attrVal((*slot).Attr, at.Key) == "" {
				(*slot).Attr = append((*slot).Attr, at)
			}
		}
		return nil
	}
	if a == atom.Body && b.head != nil && b.inStack(b.head) {
		b.popTo(b.head)
	}
	n := &html.Node{Type: html.ElementNode, DataAtom: a, Data: a.String(), Attr: attrs}
	if err := b.add(n); err != nil {
		return err
	}
	*slot = n
	b.stack = append(b.stack, n)
	return nil
}

func headElement(a atom.Atom) bool {
	switch a {
	case atom.Meta, atom.Link, atom.Title, atom.Base, atom.Script, atom.Style, atom.Noscript:
		return true
	}
	return false
}

func voidElement(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr, atom.Keygen:
		return true
	}
	return false
}

// closesP lists the start tags that end an open <p>.
func closesP(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center, atom.Details,
		atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption, atom.Figure,
		atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Header, atom.Hgroup, atom.Hr, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P,
		atom.Pre, atom.Section, atom.Summary, atom.Table, atom.Ul, atom.Li, atom.Dd, atom.Dt,
		atom.Listing, atom.Plaintext:
		return true
	}
	return false
}

func heading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// scopeBoundary reports elements that an implied or explicit end tag does
// not look past (HTML5 "has an element in scope").
func scopeBoundary(a atom.Atom) bool {
	switch a {
	case atom.Html, atom.Table, atom.Td, atom.Th, atom.Caption, atom.Template,
		atom.Marquee, atom.Object, atom.Applet, atom.Body:
		return true
	}
	return false
}

// special reports block-level elements that an unmatched inline end tag
// does not close (HTML5 "special" category, abridged).
func special(a atom.Atom) bool {
	return closesP(a) || scopeBoundary(a) || a == atom.Tbody || a == atom.Thead ||
		a == atom.Tfoot || a == atom.Tr || a == atom.Head
}

// maxScopeSearch bounds how far down the stack an end tag looks for its
// element, so hostile input cannot make each token cost the full depth.
const maxScopeSearch = 128

// find returns the stack index of the nearest open element a, looking no
// further than a boundary for which stop returns true; -1 when none.
func (b *builder) find(a atom.Atom, name string, stop func(atom.Atom) bool) int {
	lo := max(len(b.stack)-maxScopeSearch, 1)
	for i := len(b.stack) - 1; i >= lo; i-- {
		n := b.stack[i]
		if n.DataAtom == a && (a != 0 || n.Data == name) {
			return i
		}
		if stop(n.DataAtom) {
			return -1
		}
	}
	return -1
}

func (b *builder) popTo(n *html.Node) {
	for i := len(b.stack) - 1; i > 0; i-- {
		if b.stack[i] == n {
			b.stack = b.stack[:i]
			return
		}
	}
}

func (b *builder) inStack(n *html.Node) bool {
	for i := len(b.stack) - 1; i > 0; i-- {
		if b.stack[i] == n {
			return true
		}
	}
	return false
}

func (b *builder) closeIn(a atom.Atom, stop func(atom.Atom) bool) {
	if i := b.find(a, "", stop); i > 0 {
		b.stack = b.stack[:i]
	}
}

func (b *builder) implyEnds(a atom.Atom) {
	if closesP(a) {
		b.closeIn(atom.P, func(x atom.Atom) bool { return scopeBoundary(x) || x == atom.Button })
	}
	switch a {
	case atom.Li:
		b.closeIn(atom.Li, func(x atom.Atom) bool { return scopeBoundary(x) || x == atom.Ul || x == atom.Ol })
	case atom.Dd, atom.Dt:
		stop := func(x atom.Atom) bool { return scopeBoundary(x) || x == atom.Dl }
		b.closeIn(atom.Dd, stop)
		b.closeIn(atom.Dt, stop)
	case atom.Tr:
		stop := func(x atom.Atom) bool { return x == atom.Table || x == atom.Html }
		b.closeIn(atom.Tr, stop)
	case atom.Td, atom.Th:
		stop := func(x atom.Atom) bool { return x == atom.Tr || x == atom.Table || x == atom.Html }
		b.closeIn(atom.Td, stop)
		b.closeIn(atom.Th, stop)
	case atom.A:
		b.closeIn(atom.A, special)
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		if heading(b.top().DataAtom) {
			b.stack = b.stack[:len(b.stack)-1]
		}
	}
}

func (b *builder) end(a atom.Atom, name []byte) {
	switch {
	case voidElement(a), a == atom.Html, a == atom.Body:
		return
	case a == atom.Head:
		if b.head != nil {
			b.popTo(b.head)
		}
		return
	case a == atom.P:
		b.closeIn(atom.P, func(x atom.Atom) bool { return scopeBoundary(x) || x == atom.Button })
		return
	case a == atom.Li:
		b.closeIn(atom.Li, func(x atom.Atom) bool { return scopeBoundary(x) || x == atom.Ul || x == atom.Ol })
		return
	case heading(a):
		// Any open heading closes any heading, as in HTML5.
		lo := max(len(b.stack)-maxScopeSearch, 1)
		for i := len(b.stack) - 1; i >= lo; i-- {
			if heading(b.stack[i].DataAtom) {
				b.stack = b.stack[:i]
				return
			}
			if scopeBoundary(b.stack[i].DataAtom) {
				return
			}
		}
		return
	}
	var stop func(atom.Atom) bool
	if special(a) {
		stop = func(x atom.Atom) bool { return scopeBoundary(x) && x != a }
	} else {
		stop = special
	}
	if i := b.find(a, string(name), stop); i > 0 {
		b.stack = b.stack[:i]
	}
}
