package extract

// The richer metadata of an HTML page: description, lead image, canonical
// URL, section, tags and the last-modified date. Each is taken from the
// page's structured data first (JSON-LD, OpenGraph, <meta>, microdata),
// then from what the page shows (tag links, breadcrumbs, figures).

import (
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/dom"
)

const (
	maxTags        = 30
	maxTagRunes    = 60
	maxDescRunes   = 1000
	maxSectionRune = 60
	// minLeadImage is the width or height, in CSS pixels, below which a
	// stated size marks an icon, avatar or button rather than a lead image.
	minLeadImage = 300
)

// htmlDescribe fills the richer metadata of md; note records each field's
// source. base resolves relative addresses.
func htmlDescribe(m *dom.Meta, ld htmlLD, base string, md *article.Metadata, note func(field, value, rule string, conf float64)) {
	if s, rule := htmlDescription(m, ld); s != "" {
		md.Description = s
		note("description", s, rule, 0.9)
	}
	if s := htmlCanonicalStated(m, ld, base); s != "" {
		md.CanonicalURL = s
		note("canonical_url", s, "canonical", 0.9)
	}
	ref := base
	if md.CanonicalURL != "" {
		ref = md.CanonicalURL
	}
	if s, rule := htmlImage(m, ld, ref); s != "" {
		md.Image = s
		note("image", s, rule, 0.8)
	}
	if s, rule := htmlSection(m, ld); s != "" {
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

// cleanDescription collapses white space, undoes a second level of HTML
// escaping and bounds the length; it returns "" for a value that is not
// prose (a URL, a lone word).
func cleanDescription(s string) string {
	s = dom.CollapseSpace(htmlUnescapeOnce(s))
	if s == "" || htmlLooksLikeURL(s) || len(strings.Fields(s)) < 3 {
		return ""
	}
	return truncateRunes(s, maxDescRunes)
}

func htmlDescription(m *dom.Meta, ld htmlLD) (string, string) {
	if s := cleanDescription(ld.str("description")); s != "" {
		return s, "jsonld:description"
	}
	for _, k := range []string{"og:description", "description", "twitter:description", "dc.description", "dcterms.description"} {
		for _, v := range m.Metas[k] {
			if s := cleanDescription(v); s != "" {
				return s, htmlMetaRule(k)
			}
		}
	}
	for _, v := range m.Micro["description"] {
		if s := cleanDescription(v); s != "" {
			return s, "itemprop:description"
		}
	}
	return "", ""
}

// htmlStandfirst is the description of a page that states none: the first
// paragraph of the body, which on a news page is the standfirst, trimmed to
// its first sentences as a summary is.
func htmlStandfirst(paras []string) string {
	for _, p := range paras {
		if len(strings.Fields(p)) < 8 {
			continue // a dateline, a credit, a heading
		}
		return truncateRunes(p, maxDescRunes)
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
func htmlCanonicalStated(m *dom.Meta, ld htmlLD, base string) string {
	og, _ := m.First("og:url")
	for _, c := range []string{m.Canonical, og, ld.str("url"), ldID(ld, "mainEntityOfPage")} {
		if s := htmlAbsURL(c, base); s != "" {
			return s
		}
	}
	return ""
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

// cleanTerm tidies one tag or section name; "" when it is not one.
func cleanTerm(s string) string {
	s = dom.CollapseSpace(htmlUnescapeOnce(s))
	s = strings.Trim(s, " ,;|#·•»›>/")
	if s == "" || utf8.RuneCountInString(s) > maxTagRunes || htmlLooksLikeURL(s) {
		return ""
	}
	return s
}

// homeSteps are a breadcrumb's first step, the site's front page.
var homeSteps = map[string]bool{"home": true, "startseite": true, "start": true, "accueil": true, "inicio": true,
	"home page": true, "homepage": true, "strona główna": true, "hauptseite": true, "startpagina": true}

func htmlSection(m *dom.Meta, ld htmlLD) (string, string) {
	if s := cleanSection(ld.str("articleSection")); s != "" {
		return s, "jsonld:articleSection"
	}
	for _, k := range []string{"article:section", "og:article:section", "parsely-section", "section", "category", "dc.subject"} {
		for _, v := range m.Metas[k] {
			if s := cleanSection(v); s != "" {
				return s, htmlMetaRule(k)
			}
		}
	}
	for _, v := range m.Micro["articleSection"] {
		if s := cleanSection(v); s != "" {
			return s, "itemprop:articleSection"
		}
	}
	for _, strong := range []bool{true, false} {
		for _, t := range m.TaxLinks {
			if t.Kind == "category" && (t.Rel || t.InMeta) == strong && (strong || t.InMeta) {
				if s := cleanSection(t.Text); s != "" {
					return s, "category-link"
				}
			}
		}
	}
	if s := breadcrumbSection(m, ld); s != "" {
		return s, "breadcrumb"
	}
	return "", ""
}

func cleanSection(s string) string {
	s = cleanTerm(s)
	if utf8.RuneCountInString(s) > maxSectionRune {
		return ""
	}
	return s
}

// breadcrumbSection is the first step of a breadcrumb trail after the
// front page: the section the article is filed in. The last step is the
// article itself and never counts.
func breadcrumbSection(m *dom.Meta, ld htmlLD) string {
	trails := append([][]string{}, m.Breadcrumbs...)
	for _, o := range m.JSONLD {
		for _, t := range dom.LDTypes(o) {
			if t == "BreadcrumbList" {
				trails = append(trails, ldBreadcrumb(o))
			}
		}
	}
	for _, steps := range trails {
		for i, s := range steps {
			if i == len(steps)-1 && len(steps) > 1 {
				break
			}
			s = cleanSection(s)
			if s == "" || homeSteps[strings.ToLower(s)] {
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

// tagSet collects tags once each, in order, up to maxTags.
type tagSet struct {
	tags []string
	seen map[string]bool
}

func (ts *tagSet) add(s string) {
	s = cleanTerm(s)
	if s == "" || len(ts.tags) >= maxTags {
		return
	}
	k := strings.ToLower(s)
	if ts.seen[k] {
		return
	}
	if ts.seen == nil {
		ts.seen = map[string]bool{}
	}
	ts.seen[k] = true
	ts.tags = append(ts.tags, s)
}

// addList adds a comma-separated (or semicolon-separated) keyword list.
func (ts *tagSet) addList(s string) {
	sep := ","
	if !strings.Contains(s, ",") && strings.Contains(s, ";") {
		sep = ";"
	}
	for _, t := range strings.Split(s, sep) {
		ts.add(t)
	}
}

// ldKeywords reads JSON-LD keywords: a comma-separated string or a list.
func ldKeywords(v any, ts *tagSet) {
	switch v := v.(type) {
	case string:
		ts.addList(v)
	case []any:
		for _, e := range v {
			switch e := e.(type) {
			case string:
				ts.add(e)
			case map[string]any:
				ts.add(dom.LDString(e, "name"))
			}
		}
	}
}

// htmlTags reads the page's tags: article:tag, JSON-LD keywords, tag links
// the page marks (rel=tag, or /tag/ links in a post metadata box), then the
// keywords <meta>.
func htmlTags(m *dom.Meta, ld htmlLD) ([]string, string) {
	var ts tagSet
	for _, v := range m.Metas["article:tag"] {
		ts.addList(v)
	}
	if len(ts.tags) > 0 {
		return ts.tags, "article:tag"
	}
	for _, o := range ld.objs {
		if kw, ok := o["keywords"]; ok {
			ldKeywords(kw, &ts)
			if len(ts.tags) > 0 {
				return ts.tags, "jsonld:keywords"
			}
		}
	}
	for _, t := range m.TaxLinks {
		if t.Kind == "tag" && t.Rel {
			ts.add(t.Text)
		}
	}
	if len(ts.tags) > 0 {
		return ts.tags, "a[rel=tag]"
	}
	for _, t := range m.TaxLinks {
		if t.Kind == "tag" && t.InMeta {
			ts.add(t.Text)
		}
	}
	if len(ts.tags) > 0 {
		return ts.tags, "tag-link"
	}
	for _, v := range m.Micro["keywords"] {
		ts.addList(v)
	}
	if len(ts.tags) > 0 {
		return ts.tags, "itemprop:keywords"
	}
	for _, k := range []string{"news_keywords", "keywords", "parsely-tags", "sailthru.tags"} {
		for _, v := range m.Metas[k] {
			ts.addList(v)
		}
		if len(ts.tags) > 0 {
			return ts.tags, htmlMetaRule(k)
		}
	}
	return nil, ""
}
