package dom

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Meta is the structured metadata a page states about itself, gathered in
// one walk and left uninterpreted: choosing between sources is the
// extractor's job.
type Meta struct {
	Lang      string              // <html lang>
	Title     string              // <title>
	Canonical string              // <link rel=canonical href>
	Metas     map[string][]string // <meta> content by lower-cased name, property, itemprop or http-equiv
	JSONLD    []map[string]any    // every JSON-LD object, flattened, in order
	ByID      map[string]map[string]any
	Micro     map[string][]string // microdata itemprop values outside <meta> (headline, author, datePublished …)
	Times     []Time
	H1        []string // visible <h1> texts
	RelAuthor []string // text of links with rel=author

	TaxLinks    []TaxLink  // links filing the page under a tag or category
	Breadcrumbs [][]string // breadcrumb trails, each its steps in order
	Images      []Image    // <img> elements in document order

	microTries map[string]int
}

// Time is one <time> element.
type Time struct {
	Datetime string // its datetime attribute, or its text when absent
	Pubdate  bool   // has the pubdate attribute or itemprop=datePublished
	Node     *html.Node
}

// ReadMeta gathers the metadata of a parsed document.
func ReadMeta(doc *html.Node) *Meta {
	m := &Meta{Metas: map[string][]string{}, Micro: map[string][]string{}, ByID: map[string]map[string]any{},
		microTries: map[string]int{}}
	var crumb *html.Node
	Find(doc, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Html:
			if m.Lang == "" {
				m.Lang = strings.TrimSpace(Attr(n, "lang"))
				if m.Lang == "" {
					m.Lang = strings.TrimSpace(Attr(n, "xml:lang"))
				}
			}
		case atom.Title:
			if m.Title == "" {
				m.Title = Text(n)
			}
			return false
		case atom.Meta:
			content, ok := attrOK(n, "content")
			if !ok {
				return false
			}
			content = strings.TrimSpace(content)
			for _, k := range []string{"name", "property", "itemprop", "http-equiv"} {
				if key := strings.ToLower(strings.TrimSpace(Attr(n, k))); key != "" {
					// One attribute may carry several space-separated keys
					// (property="og:title twitter:title").
					for _, f := range strings.Fields(key) {
						m.Metas[f] = append(m.Metas[f], content)
					}
				}
			}
			return false
		case atom.Link:
			rel := strings.ToLower(Attr(n, "rel"))
			if m.Canonical == "" && hasWord(rel, "canonical") {
				m.Canonical = strings.TrimSpace(Attr(n, "href"))
			}
			return false
		case atom.Script:
			for _, o := range ParseJSONLD(textOf(n)) {
				m.JSONLD = append(m.JSONLD, o)
				if id, ok := o["@id"].(string); ok && id != "" {
					if _, dup := m.ByID[id]; !dup {
						m.ByID[id] = o
					}
				}
			}
			return false
		case atom.Time:
			if len(m.Times) >= maxMetaItems {
				break
			}
			t := Time{Datetime: strings.TrimSpace(Attr(n, "datetime")), Node: n}
			if t.Datetime == "" {
				t.Datetime = textPrefix(n, 100)
			}
			t.Pubdate = HasAttr(n, "pubdate") || strings.EqualFold(Attr(n, "itemprop"), "datePublished")
			m.Times = append(m.Times, t)
		case atom.H1:
			if !Hidden(n) && len(m.H1) < maxMetaItems {
				if s := textPrefix(n, 500); s != "" {
					m.H1 = append(m.H1, s)
				}
			}
		case atom.A:
			if hasWord(strings.ToLower(Attr(n, "rel")), "author") && len(m.RelAuthor) < maxMetaItems {
				if s := textPrefix(n, 200); s != "" {
					m.RelAuthor = append(m.RelAuthor, s)
				}
			}
			m.readTaxLink(n)
		case atom.Img:
			m.readImage(n)
		}
		if len(m.Breadcrumbs) < maxBreadcrumbs && n.Type == html.ElementNode && !within(n, crumb) && isBreadcrumb(n) {
			if steps := readBreadcrumb(n); len(steps) > 0 {
				m.Breadcrumbs = append(m.Breadcrumbs, steps)
				crumb = n // its inner list is the same trail
			}
		}
		if ip := Attr(n, "itemprop"); ip != "" {
			m.readMicrodata(n, ip)
		}
		return true
	})
	return m
}

const (
	maxMetaItems   = 32 // <time>, <h1> and rel=author texts kept
	maxMicroValues = 8
	maxMicroText   = 300
)

// textPrefix is Text for at most limit bytes of source text: enough to see
// that a value is too long to be a name or a date.
func textPrefix(n *html.Node, limit int) string {
	var sb strings.Builder
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				sb.WriteString(c.Data)
			case html.ElementNode:
				sb.WriteByte(' ')
				if !walk(c) {
					return false
				}
			}
			if sb.Len() > limit {
				return false
			}
		}
		return true
	}
	walk(n)
	return CollapseSpace(sb.String())
}

func (m *Meta) readMicrodata(n *html.Node, ip string) {
	for _, p := range strings.Fields(ip) {
		switch p {
		case "headline", "author", "creator", "datePublished", "dateCreated", "dateModified", "publisher",
			"description", "keywords", "articleSection", "image":
		default:
			continue
		}
		if m.microTries[p] >= maxMicroValues {
			continue // each value walks a subtree; a few are plenty
		}
		m.microTries[p]++
		v := Attr(n, "content")
		if v == "" {
			v = Attr(n, "datetime")
		}
		if v == "" && p == "image" {
			if v = Attr(n, "src"); v == "" {
				v = Attr(n, "href")
			}
		}
		if v == "" && (p == "author" || p == "creator" || p == "publisher") && HasAttr(n, "itemscope") {
			Find(n, func(c *html.Node) bool {
				if v == "" && hasWord(Attr(c, "itemprop"), "name") {
					v = Attr(c, "content")
					if v == "" {
						v = textPrefix(c, maxMicroText)
					}
				}
				return v == ""
			})
		}
		if v == "" {
			v = textPrefix(n, maxMicroText)
		}
		if v = strings.TrimSpace(v); v != "" && len(v) < maxMicroText {
			m.Micro[p] = append(m.Micro[p], v)
		}
	}
}

// First returns the first non-empty <meta> content for any of keys, tried
// in order, and the key it came from.
func (m *Meta) First(keys ...string) (string, string) {
	for _, k := range keys {
		for _, v := range m.Metas[k] {
			if v != "" {
				return v, k
			}
		}
	}
	return "", ""
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func textOf(n *html.Node) string {
	var sb strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			sb.WriteString(c.Data)
		}
	}
	return sb.String()
}

func hasWord(s, w string) bool {
	for _, f := range strings.Fields(s) {
		if f == w {
			return true
		}
	}
	return false
}

// Hidden reports whether an element is hidden from readers by its own
// attributes: hidden, aria-hidden=true, or an inline display:none or
// visibility:hidden.
func Hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "style":
			if strings.Contains(a.Val, "none") || strings.Contains(a.Val, "hidden") {
				st := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
				if strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
					return true
				}
			}
		}
	}
	return false
}
