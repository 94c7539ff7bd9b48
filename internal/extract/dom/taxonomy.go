package dom

import (
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TaxLink is a link that files the page under a tag or a category: by its
// rel (rel=tag, rel=category) or by its address (/tag/…, /category/…).
type TaxLink struct {
	Text string
	Kind string // "tag" or "category"
	// Rel: the page said so with rel=tag or rel=category. Otherwise the
	// link's address says so, and InMeta tells whether it sits in a box of
	// post metadata (class "tags", "entry-meta", "cat-links" …) rather than
	// in a menu.
	Rel    bool
	InMeta bool
}

// Image is one <img> that may be the article's lead image.
type Image struct {
	Src           string // as written; the extractor resolves it
	Width, Height int    // from the attributes; 0 when not stated
	InFigure      bool   // inside a <figure>
}

const (
	maxTaxLinks    = 64
	maxBreadcrumbs = 4
	maxImages      = 16
	maxTaxText     = 80
)

// taxPathKinds maps a path segment naming a taxonomy to its kind. Blog
// engines and CMSs spell it in the site's language.
var taxPathKinds = map[string]string{
	"tag": "tag", "tags": "tag", "tagged": "tag", "schlagwort": "tag", "schlagworte": "tag", "stichwort": "tag",
	"stichworte": "tag", "etiqueta": "tag", "etiquetas": "tag", "mot-cle": "tag", "mots-cles": "tag", "topic": "tag",
	"topics": "tag", "keyword": "tag", "keywords": "tag", "thema": "tag", "themen": "tag", "tagi": "tag",
	"category": "category", "categories": "category", "kategorie": "category", "kategorien": "category",
	"rubrik": "category", "rubriken": "category", "categorie": "category", "categoria": "category",
	"categorias": "category", "rubrique": "category", "kategoria": "category", "section": "category",
}

// taxStems are substrings every taxPathKinds key or tag query holds: most
// links hold none and are passed over without parsing.
var taxStems = []string{"tag", "categor", "kategor", "rubri", "schlagw", "stichw", "topic", "them", "keyword",
	"etiquet", "mot-cl", "section"}

// hasTaxStem reports whether href holds one of taxStems in any letter case.
// Every link of the page is asked, so an ASCII address is read once, in
// place: only at a letter that starts a stem are the stems compared.
func hasTaxStem(href string) bool {
	for i := 0; i < len(href); i++ {
		if href[i] >= 0x80 {
			return containsAny(strings.ToLower(href), taxStems)
		}
	}
	for i := 0; i < len(href); i++ {
		c := href[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if taxStemStart[c] {
			for _, st := range taxStems {
				if st[0] == c && len(href)-i >= len(st) && strings.EqualFold(href[i:i+len(st)], st) {
					return true
				}
			}
		}
	}
	return false
}

// taxStemStart marks the bytes a taxStems entry starts with.
var taxStemStart = func() (set [256]bool) {
	for _, st := range taxStems {
		set[st[0]] = true
	}
	return set
}()

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// taxPath returns the kind a link's address files it under, or "".
func taxPath(href string) string {
	if !hasTaxStem(href) {
		return ""
	}
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return ""
	}
	segs := strings.Split(strings.Trim(strings.ToLower(u.Path), "/"), "/")
	// The taxonomy segment must be followed by the term: /tag/ alone is an
	// index of all tags.
	for i := 0; i+1 < len(segs); i++ {
		if k := taxPathKinds[segs[i]]; k != "" && segs[i+1] != "" {
			return k
		}
	}
	if u.Query().Get("tag") != "" {
		return "tag"
	}
	return ""
}

// metaBoxWords are class and id words of the boxes blogs and news sites
// put post metadata in; a taxonomy link inside one is the page's own.
var metaBoxWords = []string{"tags", "tag-list", "taglist", "tags-links", "tag-links", "cat-links", "categories",
	"category", "entry-meta", "post-meta", "postmeta", "entry-footer", "entry-tags", "entry-categories",
	"post-tags", "post-categories", "article-tags", "article-topics", "topics", "keywords", "filed", "postinfo",
	"post-info", "meta", "entry-utility", "schlagworte", "stichworte"}

// inMetaBox reports whether a close ancestor of n is a post metadata box.
func inMetaBox(n *html.Node) bool {
	depth := 0
	for p := n.Parent; p != nil && depth < 6; p = p.Parent {
		depth++
		if p.DataAtom == atom.Nav || p.DataAtom == atom.Body {
			return false
		}
		if metaBoxHint(Attr(p, "class")) || metaBoxHint(Attr(p, "id")) {
			return true
		}
	}
	return false
}

// metaBoxHint reports whether a class or id value holds a metaBoxWords
// word (words split at spaces and underscores, any letter case). An ASCII
// value, nearly every one, is read in place, without a lower-cased copy.
func metaBoxHint(hint string) bool {
	if hint == "" {
		return false
	}
	ascii := true
	for i := 0; i < len(hint) && ascii; i++ {
		ascii = hint[i] < 0x80
	}
	if !ascii {
		hint = strings.ToLower(hint)
	}
	for len(hint) > 0 {
		end := strings.IndexAny(hint, " _")
		if end < 0 {
			end = len(hint)
		}
		if w := hint[:end]; w != "" && isMetaBoxWord(w) {
			return true
		}
		hint = hint[min(end+1, len(hint)):]
	}
	return false
}

// isMetaBoxWord compares w with metaBoxWords; w is ASCII or lower-cased.
func isMetaBoxWord(w string) bool {
	for _, mw := range metaBoxWords {
		// Equal lengths: a non-ASCII w cannot fold onto an ASCII word.
		if len(w) == len(mw) && strings.EqualFold(w, mw) {
			return true
		}
		if (mw == "tags" || mw == "entry-meta" || mw == "post-meta") && len(w) > len(mw) && w[len(mw)] == '-' &&
			strings.EqualFold(w[:len(mw)], mw) {
			return true
		}
	}
	return false
}

// readTaxLink records a link filing the page under a tag or a category.
func (m *Meta) readTaxLink(n *html.Node) {
	if len(m.TaxLinks) >= maxTaxLinks {
		return
	}
	rel := strings.ToLower(Attr(n, "rel"))
	var t TaxLink
	switch {
	case hasWord(rel, "category"):
		t = TaxLink{Kind: "category", Rel: true}
	case hasWord(rel, "tag"):
		t = TaxLink{Kind: "tag", Rel: true}
	default:
		k := taxPath(Attr(n, "href"))
		if k == "" {
			return
		}
		t = TaxLink{Kind: k}
	}
	t.Text = strings.TrimLeft(textPrefix(n, maxTaxText), "#")
	if t.Text == "" || len(t.Text) > maxTaxText {
		return
	}
	t.InMeta = inMetaBox(n)
	m.TaxLinks = append(m.TaxLinks, t)
}

// isBreadcrumb reports an element that holds a breadcrumb trail.
func isBreadcrumb(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id", "aria-label":
			// Every element is asked: no lower-casing ("Breadcrumbs" and
			// "breadcrumb" both hold "readcrumb").
			if strings.Contains(a.Val, "readcrumb") || strings.Contains(a.Val, "READCRUMB") {
				return true
			}
		case "itemtype":
			if strings.HasSuffix(a.Val, "BreadcrumbList") {
				return true
			}
		}
	}
	return false
}

// readBreadcrumb returns the steps of a breadcrumb trail: its links' (or
// list items') texts in order.
func readBreadcrumb(n *html.Node) []string {
	var steps []string
	Find(n, func(c *html.Node) bool {
		if c == n || len(steps) >= 12 {
			return len(steps) < 12
		}
		if c.DataAtom == atom.A && homeLink(Attr(c, "href")) {
			return false // the front page, often named after the site
		}
		if c.DataAtom == atom.A || c.DataAtom == atom.Li && FindFirst(c, atom.A) == nil {
			if s := textPrefix(c, maxTaxText); s != "" && len(s) <= maxTaxText {
				steps = append(steps, s)
			}
			return false
		}
		return true
	})
	return steps
}

// FindFirst returns the first element below n with atom a, or nil.
func FindFirst(n *html.Node, a atom.Atom) *html.Node {
	var found *html.Node
	Find(n, func(c *html.Node) bool {
		if found != nil {
			return false
		}
		if c != n && c.DataAtom == a {
			found = c
			return false
		}
		return true
	})
	return found
}

// readImage records an <img> that could be the lead image.
func (m *Meta) readImage(n *html.Node) {
	if len(m.Images) >= maxImages || Hidden(n) {
		return
	}
	src := strings.TrimSpace(Attr(n, "src"))
	if src == "" || strings.HasPrefix(src, "data:") {
		return
	}
	img := Image{Src: src}
	img.Width, _ = strconv.Atoi(strings.TrimSuffix(Attr(n, "width"), "px"))
	img.Height, _ = strconv.Atoi(strings.TrimSuffix(Attr(n, "height"), "px"))
	for p, d := n.Parent, 0; p != nil && d < 4; p, d = p.Parent, d+1 {
		if p.DataAtom == atom.Figure {
			img.InFigure = true
			break
		}
	}
	m.Images = append(m.Images, img)
}

// within reports whether n is root or lies at most a dozen levels below
// it, as a breadcrumb's own inner lists do; it bounds the walk, which every
// element after a breadcrumb takes.
func within(n, root *html.Node) bool {
	if root == nil {
		return false
	}
	for p, d := n, 0; p != nil && d <= 12; p, d = p.Parent, d+1 {
		if p == root {
			return true
		}
	}
	return false
}

// homeLink reports a link to a site's front page.
func homeLink(href string) bool {
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return false
	}
	p := strings.Trim(u.Path, "/")
	return (u.Host != "" || p == "" && u.RawQuery == "" && u.Fragment == "") && (p == "" || strings.HasPrefix(p, "index."))
}
