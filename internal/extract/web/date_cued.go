package web

import (
	"strings"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// htmlCuedDate finds, anywhere on a page that states no date in its
// metadata and prints none near its headline, a short block whose words
// call a full date the publication's ("Veröffentlicht am: …", "Posted …
// by", "Gespeichert von X am …", "Datum: …") or its author's ("Von X am
// …"); failing that, one that calls it an update. Blog and CMS templates
// print these under the article, after the body.
func htmlCuedDate(blocks []dom.Block, ctx datetime.Context) (*article.Date, int) {
	upd, updAt := (*article.Date)(nil), -1
	for i := range blocks {
		b := &blocks[i]
		if b.Chars > 160 || b.Chars < 6 || b.LinkChars*2 > b.Chars {
			continue
		}
		m, ok := datetime.Find(b.Text, ctx)
		if !ok || !m.HasYear || m.Relative || m.Confidence < 0.5 {
			continue
		}
		before := page.FoldLower(b.Text[:m.Start])
		switch cue := lexicon.DateCue(before); {
		case cue > 0 || page.CreditBefore(b.Text[:m.Start], ctx):
			d := m.Date
			return &d, i
		case cue < 0 && upd == nil:
			d := m.Date
			upd, updAt = &d, i
		}
	}
	return upd, updAt
}

// htmlBareDate is the last resort of a page that states no date anywhere
// else: the first block after the headline that is little but a full date
// ("10.11.2021", "28.01.22 / 0 Kommentare", "⋅ November 22, 2011 ⋅"), not
// a link (a teaser's date is printed with its link).
func htmlBareDate(blocks []dom.Block, labels []string, ctx datetime.Context) (*article.Date, int) {
	from := 0
	for i, l := range labels {
		if l == dom.LabelTitle {
			from = i + 1
			break
		}
	}
	for i := from; i < len(blocks); i++ {
		b := &blocks[i]
		if b.Chars > 60 || b.Chars < 6 || b.LinkChars > 0 {
			continue
		}
		m, ok := datetime.Find(b.Text, ctx)
		if !ok || !m.HasYear || m.Relative || m.Confidence < 0.5 {
			continue
		}
		if (m.End-m.Start)*2 >= len(strings.TrimSpace(b.Text)) {
			d := m.Date
			return &d, i
		}
	}
	return nil, -1
}

// htmlPrintedRevision is the date a page prints under its headline when
// that is its metadata's modified date and not the published one: the
// page dates itself by its revision, and that is the date readers see.
func htmlPrintedRevision(published *article.Date, meta *dom.Meta, ld htmlLD, blocks []dom.Block, labels []string, ctx datetime.Context) (*article.Date, int) {
	if published == nil {
		return nil, -1
	}
	mod, _ := htmlModified(meta, ld)
	if mod == nil || !mod.Time.After(published.Time) || mod.Day() == published.Day() {
		return nil, -1
	}
	d, i := htmlVisibleDate(blocks, labels, ctx)
	if d == nil || d.Day() != mod.Day() {
		return nil, -1
	}
	if htmlPrintedAsUpdate(blocks, i) {
		return nil, -1
	}
	return d, i
}

// htmlPrintedOverGeneric is the date printed under the headline when the
// metadata's only date is a generic one (<meta name="date">, "dc.date",
// "dcterms.date"), which content systems fill with the document's last
// change as often as with its publication, and the two disagree.
func htmlPrintedOverGeneric(published *article.Date, fields []article.FieldSource, blocks []dom.Block, labels []string, ctx datetime.Context) (*article.Date, int) {
	if published == nil {
		return nil, -1
	}
	rule := ""
	for _, f := range fields {
		if f.Field == "published" {
			rule = f.Rule
		}
	}
	if rule != "meta:date" && rule != "meta:dc.date" && rule != "meta:dcterms.date" {
		return nil, -1
	}
	d, i := htmlVisibleDate(blocks, labels, ctx)
	if d == nil || d.Day() == published.Day() {
		return nil, -1
	}
	if htmlPrintedAsUpdate(blocks, i) {
		return nil, -1
	}
	return d, i
}

// htmlPrintedAsUpdate reports a date printed in block i as an update
// ("Updated …", "Aktualisiert …", in the block or the one before): the
// page says it is the revision, and the publication date stands.
func htmlPrintedAsUpdate(blocks []dom.Block, i int) bool {
	for j := max(0, i-1); j <= i; j++ {
		if lexicon.DateCue(page.FoldLower(blocks[j].Text)) < 0 {
			return true
		}
	}
	return false
}
