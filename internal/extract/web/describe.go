package web

// The richer metadata of an HTML page: description, lead image, canonical
// URL, section, tags and the last-modified date. Each is taken from the
// page's structured data first (JSON-LD, OpenGraph, <meta>, microdata),
// then from what the page shows (tag links, breadcrumbs, figures).

import (
	"net/url"
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
	"github.com/pressroom/pressroom/internal/extract/page"
)

const (
	maxDescRunes = 1000
	// minLeadImage is the width or height, in CSS pixels, below which a
	// stated size marks an icon, avatar or button rather than a lead image.
	minLeadImage = 300
)

// htmlDescribe fills the richer metadata of md; note records each field's
// source. base resolves relative addresses.
func htmlDescribe(m *dom.Meta, ld htmlLD, base string, md *article.Metadata, note func(field, value, rule string, conf float64)) {
	if s, rule := htmlCanonicalStated(m, ld, base); s != "" {
		md.CanonicalURL = s
		note("canonical_url", s, rule, 0.9)
	}
	ref := base
	if md.CanonicalURL != "" {
		ref = md.CanonicalURL
	}
	if s, rule := htmlImage(m, ld, ref); s != "" {
		md.Image = s
		note("image", s, rule, 0.8)
	}
	if s, rule := htmlSection(m, ld, md.SiteName, ref); s != "" {
		md.Section = s
		note("section", s, rule, 0.8)
	}
	if tags, rule := htmlTags(m, ld); len(tags) > 0 {
		md.Tags = tags
		note("tags", strings.Join(tags, "; "), rule, 0.8)
	}
	if d, rule := htmlModified(m, ld); d != nil {
		md.Modified = d
		note("modified", d.Time.Format(time.RFC3339), rule, 0.9)
	}
}

// cleanDescription keeps the heading of a description laid out over
// several lines (descHeadingLine), collapses white space, undoes a second
// level of HTML escaping, drops markup some CMSs leave in the value and
// bounds the length; it returns "" for a value that is not prose (a URL,
// a lone word). Prose may name a URL, an address or "km/h": only a value
// that is nothing but an address is refused.
func cleanDescription(s string) string {
	s = page.UnescapeOnce(descHeadingLine(descLineBreaks(s)))
	if markupInside(s) {
		s = page.StripMarkup(s)
	}
	s = dom.CollapseSpace(s)
	if s == "" || !descProse(s) {
		return ""
	}
	return page.TruncateRunes(s, maxDescRunes)
}

// descProse reports a value long enough to describe something: three
// words, or, in a script written without spaces (Chinese, Japanese,
// Thai), ten letters.
func descProse(s string) bool {
	words := strings.Fields(s)
	if len(words) >= 3 {
		return true
	}
	if len(words) == 1 && page.LooksLikeURL(s) {
		return false
	}
	n := 0
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar) {
			n++
		}
	}
	return n >= 10
}

// markupInside reports a value that holds tags ("<p>", "</strong>"),
// which some CMSs leave in a description; a lone "<" in prose is not one.
func markupInside(s string) bool {
	for k := 0; k+1 < len(s); k++ {
		if c := s[k+1]; s[k] == '<' && (c == '/' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return strings.IndexByte(s[k:], '>') > 0
		}
	}
	return false
}

// htmlDescriptions lists the stated descriptions, most trusted first: the
// description <meta>, which sites write for search result snippets and so
// for this page; OpenGraph's, which sharing tools sometimes fill with a
// teaser; then JSON-LD's, which is as often the site's as the article's.
func htmlDescriptions(m *dom.Meta, ld htmlLD) []page.DescCand {
	var out []page.DescCand
	for _, k := range []string{"description", "og:description", "twitter:description", "dc.description", "dcterms.description"} {
		for _, v := range m.Metas[k] {
			if s := cleanDescription(v); s != "" {
				out = append(out, page.DescCand{Value: s, Rule: htmlMetaRule(k)})
				break
			}
		}
	}
	if s := cleanDescription(ld.str("description")); s != "" {
		out = append(out, page.DescCand{Value: s, Rule: "jsonld:description"})
	}
	for _, v := range m.Micro["description"] {
		if s := cleanDescription(v); s != "" {
			out = append(out, page.DescCand{Value: s, Rule: "itemprop:description"})
			break
		}
	}
	return out
}

// htmlPickDescription returns the first stated description that is
// neither damaged (when an intact one is stated), a byline nor the site's
// generic one (its longest agreeing copy),
// else the visible standfirst, else the first paragraph of the body.
func htmlPickDescription(cands []page.DescCand, blocks []dom.Block, title string, paras []string) (string, string, float64) {
	cands = page.DescWithoutCredits(page.DescIntact(cands), title, paras)
	if len(cands) > 0 {
		c := page.DescLongestAgreeing(cands, page.DescNotGeneric(cands, title, paras))
		return c.Value, c.Rule, 0.9
	}
	if s := htmlDek(blocks); s != "" {
		return s, "standfirst:class", 0.7
	}
	if s := htmlStandfirst(paras); s != "" {
		return s, "first-paragraph", 0.5
	}
	return "", "", 0
}

// htmlStandfirst is the description of a page that states none: the first
// paragraph of the body, which on a news page is the standfirst, trimmed to
// its first sentences as a summary is.
func htmlStandfirst(paras []string) string {
	for _, p := range paras {
		if len(strings.Fields(p)) < 8 {
			continue // a dateline, a credit, a heading
		}
		return page.TruncateRunes(p, maxDescRunes)
	}
	return ""
}

// htmlAbsURL resolves ref against base and returns it when it is an http(s)
// address.
func htmlAbsURL(ref, base string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if !u.IsAbs() {
		b, err := url.Parse(base)
		if err != nil || !b.IsAbs() {
			return ""
		}
		u = b.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	return u.String()
}

// htmlCanonicalStated is the canonical address the page states: <link
// rel=canonical>, og:url, or the JSON-LD url; "" when it states none.
func htmlCanonicalStated(m *dom.Meta, ld htmlLD, base string) (string, string) {
	og, _ := m.First("og:url")
	for _, c := range []struct{ value, rule string }{{m.Canonical, "link[rel=canonical]"}, {og, "og:url"},
		{ld.str("url"), "jsonld:url"}, {ldID(ld, "mainEntityOfPage"), "jsonld:mainEntityOfPage"}} {
		if s := htmlAbsURL(c.value, base); s != "" {
			return s, c.rule
		}
	}
	return "", ""
}

// ldID returns the @id (or the string) of the first ranked object's key.
func ldID(ld htmlLD, key string) string {
	for _, o := range ld.objs {
		switch v := o[key].(type) {
		case string:
			return v
		case map[string]any:
			if s, ok := v["@id"].(string); ok {
				return s
			}
		}
	}
	return ""
}

// ldImage reads a JSON-LD image: a URL, an ImageObject, or a list of
// either.
func ldImage(v any, depth int) string {
	if depth > 3 {
		return ""
	}
	switch v := v.(type) {
	case string:
		return v
	case []any:
		for _, e := range v {
			if s := ldImage(e, depth+1); s != "" {
				return s
			}
		}
	case map[string]any:
		for _, k := range []string{"url", "contentUrl", "@id"} {
			if s, ok := v[k].(string); ok && s != "" {
				return s
			}
		}
	}
	return ""
}

func htmlImage(m *dom.Meta, ld htmlLD, base string) (string, string) {
	for _, o := range ld.objs {
		if s := htmlAbsURL(ldImage(o["image"], 0), base); s != "" {
			return s, "jsonld:image"
		}
	}
	for _, k := range []string{"og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"} {
		for _, v := range m.Metas[k] {
			if s := htmlAbsURL(v, base); s != "" {
				return s, htmlMetaRule(k)
			}
		}
	}
	for _, v := range m.Micro["image"] {
		if s := htmlAbsURL(v, base); s != "" {
			return s, "itemprop:image"
		}
	}
	for _, img := range m.Images {
		small := img.Width > 0 && img.Width < minLeadImage || img.Height > 0 && img.Height < minLeadImage/2
		if small || !img.InFigure && img.Width == 0 || iconLike(img.Src) {
			continue
		}
		if s := htmlAbsURL(img.Src, base); s != "" {
			return s, "figure-image"
		}
	}
	return "", ""
}

// iconLike reports image addresses of page furniture.
func iconLike(src string) bool {
	s := strings.ToLower(src)
	for _, w := range []string{"logo", "icon", "avatar", "sprite", "pixel", "spacer", "blank.", ".svg", "badge", "button"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func htmlSection(m *dom.Meta, ld htmlLD, site, pageURL string) (string, string) {
	if s := firstSection(ld.str("articleSection")); s != "" {
		return s, "jsonld:articleSection"
	}
	for _, k := range []string{"article:section", "og:article:section", "parsely-section", "section", "category", "dc.subject"} {
		for _, v := range m.Metas[k] {
			if s := firstSection(v); s != "" {
				return s, htmlMetaRule(k)
			}
		}
	}
	for _, v := range m.Micro["articleSection"] {
		if s := firstSection(v); s != "" {
			return s, "itemprop:articleSection"
		}
	}
	for _, strong := range []bool{true, false} {
		for _, t := range m.TaxLinks {
			if t.Kind == "category" && (t.Rel || t.InMeta) == strong && (strong || t.InMeta) {
				if s := page.CleanSection(t.Text); s != "" {
					return s, "category-link"
				}
			}
		}
	}
	if s := breadcrumbSection(m, ld, site); s != "" {
		return s, "breadcrumb"
	}
	if s := page.URLSection(pageURL); s != "" {
		return s, "url-path"
	}
	return "", ""
}

// firstSection is the first of a comma-separated list of sections, which
// some CMSs write into a single value.
func firstSection(s string) string {
	if i := strings.IndexByte(s, ','); i >= 0 {
		s = s[:i]
	}
	return page.CleanSection(s)
}

// breadcrumbSection is the first step of a breadcrumb trail after the
// front page: the section the article is filed in. The last step is the
// article itself and never counts.
func breadcrumbSection(m *dom.Meta, ld htmlLD, site string) string {
	for _, steps := range breadcrumbTrails(m) {
		for i, s := range steps {
			if i == len(steps)-1 && len(steps) > 1 {
				break
			}
			s = page.CleanSection(s)
			if s == "" || lexicon.HomeSteps[strings.ToLower(s)] || site != "" && htmlSameSite(s, site) {
				continue
			}
			if i == len(steps)-1 {
				break // a lone step is the page itself
			}
			return s
		}
	}
	return ""
}

// breadcrumbTrails lists the page's breadcrumb trails, marked up and in
// JSON-LD.
func breadcrumbTrails(m *dom.Meta) [][]string {
	trails := append([][]string{}, m.Breadcrumbs...)
	for _, o := range m.JSONLD {
		for _, t := range dom.LDTypes(o) {
			if t == "BreadcrumbList" {
				trails = append(trails, ldBreadcrumb(o))
			}
		}
	}
	return trails
}

func ldBreadcrumb(o map[string]any) []string {
	items, _ := o["itemListElement"].([]any)
	var steps []string
	for _, it := range items {
		e, ok := it.(map[string]any)
		if !ok {
			continue
		}
		name := dom.LDString(e, "name")
		if name == "" {
			if item, ok := e["item"].(map[string]any); ok {
				name = dom.LDString(item, "name")
			}
		}
		if name != "" {
			steps = append(steps, name)
		}
	}
	return steps
}

// ldKeywords reads JSON-LD keywords: a comma-separated string or a list.
func ldKeywords(v any, ts *page.TagSet) {
	switch v := v.(type) {
	case string:
		ts.AddList(v)
	case []any:
		for _, e := range v {
			switch e := e.(type) {
			case string:
				ts.Add(e)
			case map[string]any:
				ts.Add(dom.LDString(e, "name"))
			}
		}
	}
}

// htmlTags reads the page's tags: article:tag, JSON-LD keywords, tag links
// the page marks (rel=tag, or /tag/ links in a post metadata box), then the
// keywords <meta>.
func htmlTags(m *dom.Meta, ld htmlLD) ([]string, string) {
	var ts page.TagSet
	for _, v := range m.Metas["article:tag"] {
		ts.AddList(v)
	}
	if len(ts.Tags) > 0 {
		return ts.Tags, "article:tag"
	}
	for _, o := range ld.objs {
		if kw, ok := o["keywords"]; ok {
			ldKeywords(kw, &ts)
			if len(ts.Tags) > 0 {
				return ts.Tags, "jsonld:keywords"
			}
		}
	}
	for _, t := range m.TaxLinks {
		if t.Kind == "tag" && t.Rel {
			ts.Add(t.Text)
		}
	}
	if len(ts.Tags) > 0 {
		return ts.Tags, "a[rel=tag]"
	}
	for _, t := range m.TaxLinks {
		if t.Kind == "tag" && t.InMeta {
			ts.Add(t.Text)
		}
	}
	if len(ts.Tags) > 0 {
		return ts.Tags, "tag-link"
	}
	for _, v := range m.Micro["keywords"] {
		ts.AddList(v)
	}
	if len(ts.Tags) > 0 {
		return ts.Tags, "itemprop:keywords"
	}
	for _, k := range []string{"news_keywords", "keywords", "parsely-tags", "sailthru.tags"} {
		for _, v := range m.Metas[k] {
			ts.AddList(v)
		}
		if len(ts.Tags) > 0 {
			return ts.Tags, htmlMetaRule(k)
		}
	}
	return nil, ""
}

// dekWords are class and id words of the element that holds a page's
// visible standfirst (dek) under the headline.
var dekWords = map[string]bool{"lead": true, "lede": true, "intro": true, "excerpt": true, "teaser": true,
	"standfirst": true, "dek": true, "deck": true, "summary": true, "subtitle": true, "subheadline": true,
	"subhead": true, "strapline": true, "abstract": true, "description": true, "sapo": true, "chapo": true,
	"chapeau": true, "vorspann": true, "anriss": true, "subline": true}

// hasDekHint reports whether n or one of its two closest ancestors is
// named as a standfirst.
func hasDekHint(n *html.Node) bool {
	for d := 0; n != nil && d < 3; n, d = n.Parent, d+1 {
		for _, w := range strings.FieldsFunc(strings.ToLower(dom.Attr(n, "class")+" "+dom.Attr(n, "id")), func(r rune) bool {
			return r == ' ' || r == '-' || r == '_'
		}) {
			if dekWords[w] {
				return true
			}
		}
	}
	return false
}

// htmlDek finds the page's visible standfirst: a prose block named as one
// (class "lead", "standfirst", "excerpt" …) among the blocks that follow
// the headline.
func htmlDek(blocks []dom.Block) string {
	from := 0
	for i := range blocks {
		if blocks[i].HeadingLvl == 1 {
			from = i + 1
			break
		}
	}
	for i := from; i < min(len(blocks), from+8); i++ {
		b := &blocks[i]
		if b.Words < 6 || b.Words > 120 || b.HeadingLvl > 0 && b.HeadingLvl < 2 || b.LinkDensity() > 0.3 || b.InFigure {
			continue
		}
		if hasDekHint(b.Node) {
			return page.TruncateRunes(b.Text, maxDescRunes)
		}
	}
	return ""
}

// htmlSameSite reports a breadcrumb step that names the site itself
// ("Example", "example.com").
func htmlSameSite(step, site string) bool {
	a, b := strings.ToLower(step), strings.ToLower(site)
	return strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}
