package web

import (
	"strings"

	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// htmlSections lists every section the page files the article under,
// primary (Metadata.Section) first: the stated articleSection values, the
// steps of its breadcrumb between the front page and the article, then
// the category links the page marks as the post's.
func htmlSections(m *dom.Meta, ld htmlLD, primary, site string) []string {
	if primary == "" {
		return nil
	}
	l := page.NewSectionList()
	l.Add(primary)
	for _, o := range ld.objs {
		switch v := o["articleSection"].(type) {
		case string:
			l.AddList(v)
		case []any:
			for _, e := range v {
				if s, ok := e.(string); ok {
					l.AddList(s)
				}
			}
		}
	}
	for _, k := range []string{"article:section", "og:article:section"} {
		for _, v := range m.Metas[k] {
			l.AddList(v)
		}
	}
	for _, v := range m.Micro["articleSection"] {
		l.AddList(v)
	}
	for _, steps := range breadcrumbTrails(m) {
		for i, s := range steps {
			if i == len(steps)-1 {
				break // the article itself
			}
			if strings.ContainsAny(s, "0123456789") || site != "" && htmlSameSite(s, site) {
				continue // an issue number or date, the site's name
			}
			l.Add(s)
		}
	}
	for _, t := range m.TaxLinks {
		if t.Kind == "category" && (t.Rel || t.InMeta) {
			l.Add(t.Text)
		}
	}
	return l.Tags
}
