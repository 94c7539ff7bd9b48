package extract

import (
	"strings"

	"github.com/pressroom/pressroom/internal/extract/dom"
)

// maxSections bounds the sections listed for one article: past the first
// two, a page's lists are its menu rather than the article's filing.
const maxSections = 2

// sectionList collects section names once each, in order, up to
// maxSections.
type sectionList struct {
	names []string
	seen  map[string]bool
}

func (l *sectionList) add(s string) {
	s = cleanSection(s)
	k := strings.ToLower(s)
	if s == "" || len(l.names) >= maxSections || l.seen[k] || homeSteps[k] {
		return
	}
	if l.seen == nil {
		l.seen = map[string]bool{}
	}
	l.seen[k] = true
	l.names = append(l.names, s)
}

// addList adds each of a comma-separated list of sections.
func (l *sectionList) addList(s string) {
	for _, part := range strings.Split(s, ",") {
		l.add(part)
	}
}

// htmlSections lists every section the page files the article under,
// primary (Metadata.Section) first: the stated articleSection values, the
// steps of its breadcrumb between the front page and the article, then
// the category links the page marks as the post's.
func htmlSections(m *dom.Meta, ld htmlLD, primary, site string) []string {
	if primary == "" {
		return nil
	}
	var l sectionList
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
	return l.names
}
