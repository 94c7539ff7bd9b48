package extract

import (
	"strings"

	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// maxSections bounds the sections listed for one article. An article is
// rarely filed deeper than two levels; further values come mostly from
// menus and category clouds (on the development pages a third and fourth
// found a few more labelled sections but halved the overlap).
const maxSections = 2

// newSectionList collects section names once each, in order, up to
// maxSections; the front page's name is none.
func newSectionList() *tagSet {
	return &tagSet{limit: maxSections, clean: func(s string) string {
		if s = cleanSection(s); lexicon.HomeSteps[strings.ToLower(s)] {
			return ""
		}
		return s
	}}
}

// htmlSections lists every section the page files the article under,
// primary (Metadata.Section) first: the stated articleSection values, the
// steps of its breadcrumb between the front page and the article, then
// the category links the page marks as the post's.
func htmlSections(m *dom.Meta, ld htmlLD, primary, site string) []string {
	if primary == "" {
		return nil
	}
	l := newSectionList()
	l.add(primary)
	for _, o := range ld.objs {
		switch v := o["articleSection"].(type) {
		case string:
			l.addList(v)
		case []any:
			for _, e := range v {
				if s, ok := e.(string); ok {
					l.addList(s)
				}
			}
		}
	}
	for _, k := range []string{"article:section", "og:article:section"} {
		for _, v := range m.Metas[k] {
			l.addList(v)
		}
	}
	for _, v := range m.Micro["articleSection"] {
		l.addList(v)
	}
	for _, steps := range breadcrumbTrails(m) {
		for i, s := range steps {
			if i == len(steps)-1 {
				break // the article itself
			}
			if strings.ContainsAny(s, "0123456789") || site != "" && htmlSameSite(s, site) {
				continue // an issue number or date, the site's name
			}
			l.add(s)
		}
	}
	for _, t := range m.TaxLinks {
		if t.Kind == "category" && (t.Rel || t.InMeta) {
			l.add(t.Text)
		}
	}
	return l.tags
}
