package web

import (
	"strings"
	"time"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// htmlArticleTypes rank JSON-LD types by how surely they describe the
// page's article.
var htmlArticleTypes = map[string]int{
	"NewsArticle": 3, "ReportageNewsArticle": 3, "AnalysisNewsArticle": 3, "OpinionNewsArticle": 3,
	"ReviewNewsArticle": 3, "BackgroundNewsArticle": 3, "AskPublicNewsArticle": 3,
	"Article": 3, "BlogPosting": 3, "LiveBlogPosting": 3, "TechArticle": 3, "ScholarlyArticle": 3,
	"Report": 2, "SocialMediaPosting": 2, "DiscussionForumPosting": 2, "Review": 2, "Blog": 1,
	"WebPage": 1, "ItemPage": 1, "CollectionPage": 0, "AboutPage": 0,
}

// htmlLD is the page's JSON-LD, ranked: the objects that describe the
// article first.
type htmlLD struct {
	objs []map[string]any
	byID map[string]map[string]any
}

func htmlRankLD(m *dom.Meta) htmlLD {
	type cand struct {
		o     map[string]any
		score int
	}
	var cs []cand
	for _, o := range m.JSONLD {
		best := -1
		for _, t := range dom.LDTypes(o) {
			if s, ok := htmlArticleTypes[t]; ok && s > best {
				best = s
			}
		}
		if best < 0 {
			continue
		}
		if best <= 1 && o["headline"] == nil && o["articleBody"] == nil && o["datePublished"] == nil {
			continue
		}
		if o["headline"] != nil {
			best++
		}
		cs = append(cs, cand{o, best})
	}
	// Stable insertion sort: few objects, keep document order among equals.
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].score > cs[j-1].score; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
	ld := htmlLD{byID: m.ByID}
	for _, c := range cs {
		ld.objs = append(ld.objs, c.o)
	}
	return ld
}

// str returns the first non-empty string property key among the ranked
// objects.
func (ld htmlLD) str(key string) string {
	for _, o := range ld.objs {
		if s := dom.LDString(o, key); s != "" {
			return s
		}
	}
	return ""
}

// people returns the credits of key ("author", "creator") of the first
// object that has any, resolving {"@id": …} references and telling persons
// from organisations by their @type where stated.
func (ld htmlLD) people(key string) (persons, orgs []string) {
	for _, o := range ld.objs {
		v, ok := o[key]
		if !ok {
			continue
		}
		var items []any
		switch v := v.(type) {
		case []any:
			items = v
		default:
			items = []any{v}
		}
		for _, it := range items {
			switch it := it.(type) {
			case string:
				persons = append(persons, it)
			case map[string]any:
				if id, ok := it["@id"].(string); ok && it["name"] == nil {
					if ref, ok := ld.byID[id]; ok {
						it = ref
					}
				}
				name := dom.LDString(it, "name")
				if name == "" {
					continue
				}
				// A site run by one person types its author both
				// ["Person", "Organization"]: the person wins.
				org, person := false, false
				for _, t := range dom.LDTypes(it) {
					if t == "Organization" || t == "NewsMediaOrganization" || t == "Corporation" {
						org = true
					}
					person = person || t == "Person"
				}
				org = org && !person
				if org {
					orgs = append(orgs, name)
				} else {
					persons = append(persons, name)
				}
			}
		}
		if len(persons)+len(orgs) > 0 {
			return persons, orgs
		}
	}
	return nil, nil
}

func (ld htmlLD) publisher() string {
	for _, o := range ld.objs {
		p, ok := o["publisher"]
		if !ok {
			continue
		}
		if m, ok := p.(map[string]any); ok {
			if id, ok := m["@id"].(string); ok && m["name"] == nil {
				if ref, ok := ld.byID[id]; ok {
					p = ref
				}
			}
		}
		if s := dom.LDString(map[string]any{"p": p}, "p"); s != "" {
			return s
		}
	}
	return ""
}

// htmlMetadata chooses each field from the page's stated metadata, most
// reliable source first, and records where it came from.
func htmlMetadata(m *dom.Meta, ld htmlLD, d *article.Dump, diag *article.Diagnostics) article.Metadata {
	var md article.Metadata
	note := func(field, value, rule string, conf float64) {
		diag.Fields = append(diag.Fields, article.FieldSource{Field: field, Value: value, Rule: rule, Confidence: conf})
	}

	// Site name first: the title needs it to strip " | Site" suffixes.
	// The publisher named in JSON-LD is the formal name; og:site_name is
	// often a brand or domain.
	ogSite, k := m.First("og:site_name", "application-name", "twitter:app:name:iphone")
	ogSite = dom.CollapseSpace(ogSite)
	if s := ld.publisher(); s != "" {
		md.SiteName = dom.CollapseSpace(s)
		note("site_name", md.SiteName, "jsonld:publisher", 0.9)
	} else if ogSite != "" {
		md.SiteName = ogSite
		note("site_name", md.SiteName, htmlMetaRule(k), 0.8)
	}
	sites := []string{md.SiteName}
	if ogSite != "" && ogSite != md.SiteName {
		sites = append(sites, ogSite)
	}

	md.Title = htmlTitle(m, ld, sites, htmlHostName(d.URL), note)
	if md.SiteName == "" {
		if s := htmlSiteFromTitle(m.Title, md.Title); s != "" {
			md.SiteName = s
			note("site_name", s, "title-suffix", 0.6)
		}
	}

	persons, orgs, rule := htmlAuthors(m, ld, md.SiteName)
	if len(persons)+len(orgs) > 0 {
		md.Authors, md.Agencies = persons, orgs
		note("authors", strings.Join(persons, "; "), rule, 0.8)
	}

	if p, rule := htmlPublished(m, ld); p != nil {
		md.Published = p
		note("published", p.Time.Format(time.RFC3339), rule, 0.9)
	}

	md.Language = htmlLanguage(m, ld)
	if md.Language != "" {
		note("language", md.Language, "html[lang]", 0.9)
	}

	// The request's URL stays as sent; the page's own is CanonicalURL.
	md.URL = d.URL
	htmlDescribe(m, ld, d.URL, &md, note)
	return md
}

func htmlAuthors(m *dom.Meta, ld htmlLD, site string) (persons, orgs []string, rule string) {
	// A source that names only organisations (or a handle) does not end
	// the search: a later one may name the person. The first such
	// organisations are kept for when none does.
	var orgsOnly []string
	orgsRule := ""
	if p, o := ld.people("author"); len(p)+len(o) > 0 {
		pp, po := htmlSplitCredits(p, site)
		_, oo := htmlSplitCredits(o, site)
		if len(pp) > 0 {
			return pp, append(po, oo...), "jsonld:author"
		}
		orgsOnly, orgsRule = append(po, oo...), "jsonld:author"
	}
	defer func() {
		if len(persons)+len(orgs) == 0 && len(orgsOnly) > 0 {
			orgs, rule = orgsOnly, orgsRule
		}
	}()
	try := func(vals []string, r string) bool {
		if len(vals) == 0 {
			return false
		}
		p, o := htmlSplitCredits(vals, site)
		if len(p) == 0 {
			if len(orgsOnly) == 0 && len(o) > 0 {
				orgsOnly, orgsRule = o, r
			}
			return false
		}
		persons, orgs, rule = p, o, r
		return true
	}
	for _, k := range []string{"author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dc:creator", "byl", "byline", "dcterms.creator", "dcterms:creator"} {
		vals := m.Metas[k]
		if k == "article:author" {
			// Often a profile URL; keep only names.
			var names []string
			for _, v := range vals {
				if !page.LooksLikeURL(v) {
					names = append(names, v)
				}
			}
			vals = names
		}
		if try(vals, htmlMetaRule(k)) {
			return persons, orgs, rule
		}
	}
	if try(m.Micro["author"], "itemprop:author") {
		return persons, orgs, rule
	}
	if try(m.RelAuthor, "a[rel=author]") {
		return persons, orgs, rule
	}
	return nil, nil, ""
}

func htmlPublished(m *dom.Meta, ld htmlLD) (*article.Date, string) {
	for _, k := range []string{"datePublished", "dateCreated"} {
		if s := ld.str(k); s != "" {
			if d, ok := datetime.Parse(s); ok {
				return d, "jsonld:" + k
			}
		}
	}
	for _, k := range []string{"article:published_time", "og:published_time", "article:published", "published_time",
		"datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date", "pub_date",
		"parsely-pub-date", "sailthru.date", "dc.date.issued", "dc.date", "dcterms.date", "dcterms.issued",
		"dc.date.created", "dcterms.created", "article.published", "original-publish-date", "cxenseparse:recs:publishtime",
		"displaydate"} {
		for _, v := range m.Metas[k] {
			if d, ok := datetime.Parse(v); ok {
				return d, htmlMetaRule(k)
			}
		}
	}
	for _, k := range []string{"datePublished", "dateCreated"} {
		for _, v := range m.Micro[k] {
			if d, ok := datetime.Parse(v); ok {
				return d, "itemprop:" + k
			}
		}
	}
	for _, t := range m.Times {
		if t.Pubdate {
			if d, ok := datetime.Parse(t.Datetime); ok {
				return d, "time[pubdate]"
			}
		}
	}
	for _, t := range m.Times {
		if d, ok := datetime.Parse(t.Datetime); ok {
			return d, "time[datetime]"
		}
	}
	return nil, ""
}

// htmlModified reads the last-modified date, a last resort for the
// published date (after the date printed near the headline): it is at
// least a date the article existed on.
func htmlModified(m *dom.Meta, ld htmlLD) (*article.Date, string) {
	if s := ld.str("dateModified"); s != "" {
		if d, ok := datetime.Parse(s); ok {
			return d, "jsonld:dateModified"
		}
	}
	for _, k := range []string{"article:modified_time", "og:updated_time", "last-modified", "dc.date.modified"} {
		for _, v := range m.Metas[k] {
			if d, ok := datetime.Parse(v); ok {
				return d, htmlMetaRule(k)
			}
		}
	}
	return nil, ""
}

func htmlLanguage(m *dom.Meta, ld htmlLD) string {
	cands := []string{m.Lang}
	if s, _ := m.First("content-language", "og:locale", "dc.language", "language"); s != "" {
		cands = append(cands, s)
	}
	cands = append(cands, ld.str("inLanguage"))
	for _, c := range cands {
		c = strings.ToLower(strings.TrimSpace(c))
		if len(c) >= 2 && c[0] >= 'a' && c[0] <= 'z' && c[1] >= 'a' && c[1] <= 'z' && (len(c) == 2 || c[2] == '-' || c[2] == '_') {
			return c[:2]
		}
	}
	return ""
}
