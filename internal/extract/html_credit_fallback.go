package extract

import (
	"slices"
	"strings"

	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// htmlAuthorLabels are the generic words a page's "twitter:label1" gives
// the credit in "twitter:data1" (WordPress SEO plugins write it in the
// site's language).
var htmlAuthorLabels = map[string]bool{
	"written by": true, "author": true, "verfasst von": true, "geschrieben von": true, "autor": true,
	"autorin": true, "écrit par": true, "auteur": true, "escrito por": true, "scritto da": true,
	"geschreven door": true, "napisane przez": true, "autor:": true, "skrevet af": true, "skrevet av": true,
	"skriven av": true, "written by:": true,
}

// htmlCreditFallback is the author when no person's name was found where
// the metadata is read first or near the headline: a person's name in a
// later author field (the first named only the desk), else the JSON-LD
// author's pen name or user name, else the person printed with a credit
// cue elsewhere on the page (printed, see htmlCreditAnywhere), else the
// other fields' pen name, user name or desk ("Redaktion", "jdoe", "Staff
// Report"). The page states it is the author, so it stands as the page
// gives it, provided it is short and is no address.
func htmlCreditFallback(m *dom.Meta, ld htmlLD, site string, printed []string) ([]string, string) {
	p, _ := ld.people("author")
	cands := []struct {
		vals []string
		rule string
	}{
		{p, "jsonld:author"}, {htmlTwitterAuthor(m), "meta:twitter:data1"},
		{m.Metas["author"], "meta:author"}, {m.Metas["article:author"], "meta:article:author"},
		{m.Metas["dc.creator"], "meta:dc.creator"}, {m.Micro["author"], "itemprop:author"},
		{m.RelAuthor, "a[rel=author]"},
	}
	for i := range cands {
		cands[i].vals = slices.DeleteFunc(slices.Clone(cands[i].vals), notAuthorCredit)
	}
	for _, c := range cands {
		if p, _ := htmlSplitCredits(c.vals, site); len(p) > 0 {
			return p, c.rule
		}
	}
	for k, c := range cands {
		if k == 1 && len(printed) > 0 {
			return printed, "visible-credit-anywhere"
		}
		for _, v := range c.vals {
			if s, ok := htmlLoneCredit(v); ok {
				return []string{s}, c.rule + ":lone"
			}
		}
	}
	if len(printed) > 0 {
		return printed, "visible-credit-anywhere"
	}
	return nil, ""
}

// htmlTwitterAuthor returns "twitter:data1" when "twitter:label1" says it
// is the author.
func htmlTwitterAuthor(m *dom.Meta) []string {
	for _, l := range m.Metas["twitter:label1"] {
		if htmlAuthorLabels[strings.ToLower(strings.TrimSpace(l))] {
			return m.Metas["twitter:data1"]
		}
	}
	return nil
}

// htmlLoneCredit cleans one credit: the cue goes ("By …"), and what is
// left must be one to six words, without a link, a handle or a sentence.
func htmlLoneCredit(v string) (string, bool) {
	s := dom.CollapseSpace(htmlStripByline(strings.TrimSpace(v)))
	s = strings.Trim(s, " ,;:|-–—")
	if s == "" || len(s) > 60 || strings.ContainsAny(s, "@<>{}?!\"") {
		return "", false
	}
	low := strings.ToLower(s)
	if strings.HasPrefix(low, "http") || strings.HasPrefix(low, "www.") || strings.Contains(low, "://") {
		return "", false
	}
	if n := len(strings.Fields(s)); n > 6 {
		return "", false
	}
	return s, true
}

// htmlLoneCue is the credit of a printed cue line that names no person: a
// pen name, user name or desk after "von", "By", "Autor:" (see
// loneCredit), unless it is the site's own name.
func htmlLoneCue(m bylineMatch, site string) string {
	if len(m.authors) != 1 || m.label {
		return ""
	}
	a := m.authors[0]
	if p, _ := htmlSplitCredits(m.authors, site); len(p) > 0 {
		return "" // a person: the caller takes it
	}
	if htmlLooksLikeURL(a) && strings.Contains(a, "/") {
		return ""
	}
	return a
}

// htmlCreditAnywhere finds, when nothing near the headline names the
// author, a block anywhere on the page that opens with an explicit credit
// cue ("Autorin: …", "Author: …", "Auteur : …", "Written by …") and names
// a person. (A cue alone, its value in the next block, is too often a
// recipe card's or a form's label this far from the headline.)
// Pages print it under the article, or in a box beside it; a preposition
// ("von", "par") is too common a word to be trusted that far away.
func htmlCreditAnywhere(blocks []dom.Block, site string, ctx datetime.Context) ([]string, int) {
	for i := range blocks {
		b := &blocks[i]
		if b.Chars > 120 || b.Chars < 4 || !htmlOpensWithCue(b.Text) {
			continue
		}
		m, ok := parseByline(b.Text, ctx)
		if !ok || !m.cue || m.label {
			continue
		}
		if p, _ := htmlSplitCredits(m.authors, site); len(p) > 0 {
			return p, i
		}
	}
	return nil, -1
}

// htmlOpensWithCue reports a text that starts with a credit cue that is
// not also an ordinary word.
func htmlOpensWithCue(s string) bool {
	low := foldLower(strings.TrimSpace(s))
	for _, c := range lexicon.Cues {
		if c.Preposition || c.Glued {
			continue
		}
		if rest, ok := strings.CutPrefix(low, c.Text); ok && (rest == "" || rest[0] == ' ' || rest[0] == ':') {
			return true
		}
	}
	return false
}
