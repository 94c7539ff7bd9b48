package web

import (
	"slices"
	"strings"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/credit"
	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// htmlCreditFallback credits the author, in one ordered fallback, when no
// person's name was found where the metadata is read first or near the
// headline:
//  1. a person's name in a later author field (the first named only the
//     desk);
//  2. else the JSON-LD author's pen name or user name;
//  3. else the person printed with a credit cue elsewhere on the page
//     (htmlCreditAnywhere);
//  4. else the other fields' pen name, user name or desk ("Redaktion",
//     "jdoe", "Staff Report");
//  5. else the organisation the metadata credited (a wiki's contributors,
//     a foundation, a desk), which the metadata readers set apart as an
//     agency (credit.Reader.StatedCredit).
//
// The page states it is the author, so it stands as the page gives it,
// provided it is short and is no address. Wire services stay agencies:
// they are credited beside a writer, not instead; and a content system's
// default account ("admin") credits no one.
func htmlCreditFallback(x *article.Extraction, m *dom.Meta, ld htmlLD, blocks []dom.Block, ctx datetime.Context) {
	md := &x.Metadata
	if len(md.Authors) > 0 {
		return
	}
	printed, _ := htmlCreditAnywhere(blocks, md.SiteName, ctx)
	if a, rule := htmlStatedCredit(m, ld, md.SiteName, printed); len(a) > 0 {
		md.Authors = a
		if md.Agencies = slices.DeleteFunc(md.Agencies, func(o string) bool { return slices.Contains(a, o) }); len(md.Agencies) == 0 {
			md.Agencies = nil
		}
		x.Diagnostics.Fields = append(x.Diagnostics.Fields, article.FieldSource{
			Field: "authors", Value: strings.Join(a, "; "), Rule: rule, Confidence: 0.5})
		return
	}
	if a, agencies := page.CreditReader.StatedCredit(md.Agencies); len(a) > 0 {
		md.Authors, md.Agencies = a, agencies
		x.Diagnostics.Fields = append(x.Diagnostics.Fields, article.FieldSource{
			Field: "authors", Value: strings.Join(a, "; "), Rule: "metadata-credit", Confidence: 0.4})
	}
}

// htmlStatedCredit is steps 1 to 4 of htmlCreditFallback: the credit and
// the rule that found it.
func htmlStatedCredit(m *dom.Meta, ld htmlLD, site string, printed []string) ([]string, string) {
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
		cands[i].vals = slices.DeleteFunc(slices.Clone(cands[i].vals), func(v string) bool { return !page.CreditReader.CanStand(v) })
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
			if s, ok := credit.CleanValue(dom.CollapseSpace(strings.TrimSpace(v))); ok {
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
		if credit.AuthorLabel(l) {
			return m.Metas["twitter:data1"]
		}
	}
	return nil
}

// htmlLoneCue is the credit of a printed cue line that names no person: a
// pen name, user name or desk after "von", "By", "Autor:" (read by
// credit.Reader.Parse), unless it is the site's own name.
func htmlLoneCue(m credit.Match, site string) string {
	if len(m.Authors) != 1 || m.Label {
		return ""
	}
	a := m.Authors[0]
	if p, _ := htmlSplitCredits(m.Authors, site); len(p) > 0 {
		return "" // a person: the caller takes it
	}
	if credit.LooksLikeAddress(a) && strings.Contains(a, "/") {
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
		if b.Chars > 120 || b.Chars < 4 || !credit.OpensWithCue(b.Text) {
			continue
		}
		m, ok := page.ParseByline(b.Text, ctx)
		if !ok || !m.Cue || m.Label {
			continue
		}
		if p, _ := htmlSplitCredits(m.Authors, site); len(p) > 0 {
			return p, i
		}
	}
	return nil, -1
}
