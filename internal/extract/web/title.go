package web

import (
	"strings"

	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// htmlTitle chooses the headline: JSON-LD headline, then og:title and its
// relatives, then microdata; when two structured sources disagree the one
// printed in an <h1> wins, and metadata cut short is repaired from the
// <h1>. Only without structured data is <title> used, with the site name
// stripped.
func htmlTitle(m *dom.Meta, ld htmlLD, sites []string, host string, note func(string, string, string, float64)) string {
	type cand struct{ v, rule string }
	var cands []cand
	add := func(v, rule string) {
		if v = dom.CollapseSpace(page.UnescapeOnce(v)); v != "" {
			cands = append(cands, cand{v, rule})
		}
	}
	add(ld.str("headline"), "jsonld:headline")
	if s, k := m.First("og:title", "twitter:title", "dc.title", "sailthru.title", "parsely-title"); s != "" {
		add(htmlStripHost(htmlStripSite(s, sites, nil), host), htmlMetaRule(k))
	}
	if v := m.Micro["headline"]; len(v) > 0 {
		add(v[0], "itemprop:headline")
	}
	if len(cands) > 0 {
		best := cands[0]
		// Structured sources disagree: the one printed on the page wins.
		if len(cands) > 1 && !htmlSameTitle(cands[0].v, cands[1].v) {
			// The one the <h1> prints after a kicker's element is the
			// headline without the kicker; else the one printed whole.
			printed := -1
			for k, c := range cands[:2] {
				if printed < 0 && htmlH1EndsWith(c.v, m.H1) {
					printed = k
				}
			}
			for k, c := range cands[:2] {
				if printed < 0 && htmlOnPage(c.v, m.H1) {
					printed = k
				}
			}
			if printed >= 0 {
				best = cands[printed]
			}
		}
		// Metadata cut short ("…") is repaired from the visible heading.
		if strings.HasSuffix(best.v, "...") || strings.HasSuffix(best.v, "…") {
			stem := strings.TrimRight(best.v, ".… ")
			for _, h := range m.H1 {
				if len(stem) > 20 && strings.HasPrefix(h, stem) {
					note("title", h, "h1+"+best.rule, 0.9)
					return h
				}
			}
		}
		// Metadata that wraps the visible headline with a label or the
		// site name gives way to it, the JSON-LD headline too: a kicker
		// ("Chronik: …", "Ortsteil - …") is the template's, not the
		// headline's.
		if h := htmlH1Within(best.v, m.H1); h != "" {
			note("title", h, "h1-within-"+best.rule, 0.9)
			return h
		}
		conf := 0.85
		if htmlOnPage(best.v, m.H1) {
			conf = 0.95
		} else if h := htmlH1Reworded(best.v, m.H1); h != "" {
			note("title", h, "h1-reworded-"+best.rule, 0.8)
			return h
		}
		note("title", best.v, best.rule, conf)
		return best.v
	}
	if m.Title != "" {
		// <title> is often a site label or an SEO variant; a headline-shaped
		// <h1> that it does not match is the headline readers see.
		t := htmlStripHost(htmlStripSite(dom.CollapseSpace(m.Title), sites, m.H1), host)
		if h := htmlH1Within(t, m.H1); h != "" {
			// "Label: <h1>", "<h1> (Ref) - Site": the <h1> without them.
			note("title", h, "h1-within-title", 0.8)
			return h
		}
		if len(m.H1) == 0 {
			t = htmlTitleBeforeBars(t)
		}
		if t != "" && (len(m.H1) == 0 || htmlOnPage(t, m.H1) || len(strings.Fields(m.H1[0])) < 4) {
			note("title", t, "title", 0.7)
			return t
		}
	}
	if len(m.H1) > 0 {
		note("title", m.H1[0], "h1", 0.6)
		return m.H1[0]
	}
	return ""
}

// htmlOnPage reports whether a title is printed as a visible <h1>, alone
// or with a section label ("Opinion | …").
func htmlOnPage(t string, h1 []string) bool {
	nt := htmlNormTitle(t)
	for _, h := range h1 {
		nh := htmlNormTitle(h)
		if nh == nt || len(nh) > 20 && strings.HasSuffix(nt, nh) {
			return true
		}
	}
	return false
}

// htmlMetaRule names a <meta> source in diagnostics: OpenGraph and
// similar properties by their own name ("og:title"), the rest as
// "meta:name".
func htmlMetaRule(key string) string {
	for _, p := range []string{"og:", "article:", "twitter:"} {
		if strings.HasPrefix(key, p) {
			return key
		}
	}
	return "meta:" + key
}

// htmlSameTitle compares titles ignoring case, spacing and quote styles.
func htmlSameTitle(a, b string) bool {
	return htmlNormTitle(a) == htmlNormTitle(b)
}

// htmlTitleFolds folds typographic quotes and dashes for comparisons. It
// is built once and only read.
var htmlTitleFolds = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"", "–", "-", "—", "-", "\u00a0", " ")

func htmlNormTitle(s string) string {
	s = htmlTitleFolds.Replace(strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}

// htmlTitleSeps separate a headline from the site name in <title>.
var htmlTitleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " // ", " » ", " : "}

// htmlStripSite removes a site-name part from a title: the part that
// matches the site name, or, failing that, whatever is not a visible h1.
func htmlStripSite(t string, sites []string, h1 []string) string {
	for _, sep := range htmlTitleSeps {
		if !strings.Contains(t, sep) {
			continue
		}
		parts := strings.Split(t, sep)
		// Of the parts printed as an <h1>, the longest: a page may print
		// its site name as an <h1> too.
		match := ""
		for _, h := range h1 {
			for _, p := range parts {
				if htmlSameTitle(p, h) && len(p) > len(match) {
					match = p
				}
			}
		}
		if match != "" {
			return strings.TrimSpace(match)
		}
		for _, site := range sites {
			if site == "" {
				continue
			}
			if htmlIsSiteName(parts[len(parts)-1], site) {
				return strings.TrimSpace(strings.Join(parts[:len(parts)-1], sep))
			}
			if htmlIsSiteName(parts[0], site) {
				return strings.TrimSpace(strings.Join(parts[1:], sep))
			}
		}
	}
	return t
}

// htmlSiteFromTitle returns what <title> adds to the headline on one side
// of a separator ("Headline | Site"), when that is short enough to be a
// name.
func htmlSiteFromTitle(full, headline string) string {
	full = dom.CollapseSpace(full)
	if headline == "" || full == "" {
		return ""
	}
	for _, sep := range htmlTitleSeps {
		i := strings.LastIndex(full, sep)
		if i < 0 {
			continue
		}
		head, tail := full[:i], full[i+len(sep):]
		if htmlSameTitle(head, headline) && len(strings.Fields(tail)) <= 5 {
			return strings.TrimSpace(tail)
		}
		if j := strings.Index(full, sep); htmlSameTitle(full[j+len(sep):], headline) && len(strings.Fields(full[:j])) <= 5 {
			return strings.TrimSpace(full[:j])
		}
	}
	return ""
}

// htmlIsSiteName reports whether a title part names the site: the same
// words, a part of the name, or the name with a few words around it
// ("Site.com", "The Site Online").
func htmlIsSiteName(part, site string) bool {
	p, s := htmlNormTitle(part), htmlNormTitle(site)
	if p == "" || s == "" {
		return false
	}
	return p == s || strings.Contains(s, p) || strings.Contains(p, s) && len(p) <= len(s)+12
}
