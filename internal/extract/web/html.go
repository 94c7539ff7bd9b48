// Package web is the front-end for HTML pages, over package dom: the
// metadata a page states (JSON-LD, OpenGraph, <meta>, microdata: meta.go,
// title*.go, describe.go, sections.go), the content dom selects, trimmed of
// teasers, slideshows and appendices (teasers.go, appendix.go, lead.go),
// then the dates and credits printed near the headline (visible.go,
// credit*.go, date_cued.go), and the Markdown body (markdown.go).
//
// Extract is its entry point; package extract calls it when the sniff
// finds a page.
package web

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// Extract extracts an article from an HTML dump: structured metadata
// first, then the main content blocks. It never panics; a page it cannot
// parse within limits, or one without article text, yields an Err wrapping
// article.ErrUnextractable.
func Extract(d *article.Dump) (x article.Extraction) {
	x = article.Extraction{Input: article.InputHTML}
	x.Diagnostics.Input = article.InputHTML
	defer func() {
		if r := recover(); r != nil {
			x = article.Extraction{Input: article.InputHTML,
				Err: fmt.Errorf("extract: html: %w: internal error: %v", article.ErrUnextractable, r)}
		}
	}()
	src, cs := dom.Decode(d.Body, d.ContentType)
	if cs != "utf-8" {
		x.Diagnostics.Notes = append(x.Diagnostics.Notes, "charset "+cs)
	}
	doc, err := dom.Parse(src, dom.DefaultLimits)
	if err != nil {
		x.Err = fmt.Errorf("extract: html: %w: %w", article.ErrUnextractable, err)
		return x
	}
	meta := dom.ReadMeta(doc)
	ld := htmlRankLD(meta)
	x.Metadata = htmlMetadata(meta, ld, d, &x.Diagnostics)
	x.Metadata.Sections = htmlSections(meta, ld, x.Metadata.Section, x.Metadata.SiteName)

	blocks := dom.Segment(doc)
	_, labels := dom.Select(doc, blocks, dom.SelectOptions{Title: x.Metadata.Title})
	htmlEndAtTeaserList(blocks, labels)
	htmlEndAtTeaserGrid(blocks, labels)
	htmlDropSlideshow(blocks, labels)
	htmlDropRepeatedFurniture(blocks, labels)
	htmlEndAtAppendix(blocks, labels)
	htmlDropOrphanHeadings(blocks, labels)
	htmlDropImageCaptions(blocks, labels)
	htmlDropSourceLines(blocks, labels)
	htmlDropPrompts(blocks, labels)
	htmlDropRelatedSections(blocks, labels)
	lows := htmlNoticeLows(blocks, labels)
	htmlDropConsentPlaceholders(blocks, labels, lows)
	htmlDropCommentLogin(blocks, labels, lows)
	htmlDropDisclaimers(blocks, labels, lows)
	htmlEndAtAuthorBox(blocks, labels)
	htmlEndAtMoreInfo(blocks, labels)
	htmlKeepLead(blocks, labels)
	var kept []int
	x.Paragraphs, kept = htmlBody(blocks, labels, x.Metadata.Title, &x.Diagnostics)
	if alt := htmlLDBody(ld, x.Paragraphs); alt != nil {
		x.Paragraphs = alt
		x.BodyMarkdown = ParagraphsMarkdown(alt)
		x.Diagnostics.Notes = append(x.Diagnostics.Notes, "body from jsonld:articleBody: the page's markup holds much less text")
	} else {
		x.BodyMarkdown = htmlMarkdown(blocks, kept)
	}
	lang, guessed := x.Metadata.Language, false
	if lang == "" {
		lang, guessed = htmlGuessLanguage(x.Paragraphs), true
	}
	dateCtx := htmlDateContext(d, lang)
	dateCtx.DayFirst = htmlDateOrder(meta, d.URL)
	htmlVisibleMetadata(&x, meta, ld, blocks, labels, dateCtx)
	if s, rule, conf := htmlPickDescription(htmlDescriptions(meta, ld), blocks, x.Metadata.Title, x.Paragraphs); s != "" {
		x.Metadata.Description = s
		x.Diagnostics.Fields = append(x.Diagnostics.Fields, article.FieldSource{Field: "description", Value: s, Rule: rule, Confidence: conf})
	}
	for _, p := range x.Paragraphs {
		x.WordCount += page.CountWords(p)
	}
	if guessed {
		if lang != "" {
			x.Metadata.Language = lang
			x.Diagnostics.Fields = append(x.Diagnostics.Fields, article.FieldSource{Field: "language", Value: lang, Rule: "stopwords", Confidence: 0.6})
		}
	}
	if len(x.Paragraphs) == 0 {
		// Extraction holds an article or an error, not both; what the
		// metadata said stays in the diagnostics.
		x.Metadata = article.Metadata{}
		x.BodyMarkdown = ""
		x.Err = fmt.Errorf("extract: html: %w: no article text found", article.ErrUnextractable)
	}
	return x
}

// htmlVisibleMetadata fills the date and authors from what the page
// prints near its headline when its metadata states neither; the date
// falls back to the last-modified one after that.
func htmlVisibleMetadata(x *article.Extraction, meta *dom.Meta, ld htmlLD, blocks []dom.Block, labels []string, ctx datetime.Context) {
	md := &x.Metadata
	if d, i := htmlPrintedOverGeneric(md.Published, x.Diagnostics.Fields, blocks, labels, ctx); d != nil {
		md.Published = d
		x.Diagnostics.Fields = append(x.Diagnostics.Fields, article.FieldSource{
			Field: "published", Value: d.Time.Format(time.RFC3339), Line: i + 1, Rule: "visible-date>meta:date", Confidence: 0.6})
	} else if d, i := htmlPrintedRevision(md.Published, meta, ld, blocks, labels, ctx); d != nil {
		md.Published = d
		x.Diagnostics.Fields = append(x.Diagnostics.Fields, article.FieldSource{
			Field: "published", Value: d.Time.Format(time.RFC3339), Line: i + 1, Rule: "visible-date=modified", Confidence: 0.6})
	}
	if md.Published == nil {
		if d, i := htmlVisibleDate(blocks, labels, ctx); d != nil {
			md.Published = d
			x.Diagnostics.Fields = append(x.Diagnostics.Fields, article.FieldSource{
				Field: "published", Value: d.Time.Format(time.RFC3339), Line: i + 1, Rule: "visible-date", Confidence: 0.6})
		} else if d, i := htmlCuedDate(blocks, ctx); d != nil {
			md.Published = d
			x.Diagnostics.Fields = append(x.Diagnostics.Fields, article.FieldSource{
				Field: "published", Value: d.Time.Format(time.RFC3339), Line: i + 1, Rule: "visible-cued-date", Confidence: 0.5})
		} else if d, rule := htmlModified(meta, ld); d != nil {
			md.Published = d
			x.Diagnostics.Fields = append(x.Diagnostics.Fields, article.FieldSource{
				Field: "published", Value: d.Time.Format(time.RFC3339), Rule: rule, Confidence: 0.4})
		} else if d, i := htmlBareDate(blocks, labels, ctx); d != nil {
			md.Published = d
			x.Diagnostics.Fields = append(x.Diagnostics.Fields, article.FieldSource{
				Field: "published", Value: d.Time.Format(time.RFC3339), Line: i + 1, Rule: "visible-bare-date", Confidence: 0.3})
		}
	}
	// Metadata often names only the publisher; the printed credit names
	// the writer.
	if len(md.Authors) == 0 {
		if p, o, i := htmlVisibleByline(blocks, labels, md.SiteName, ctx); len(p) > 0 {
			md.Authors, md.Agencies = p, append(md.Agencies, o...)
			x.Diagnostics.Fields = append(x.Diagnostics.Fields, article.FieldSource{
				Field: "authors", Value: strings.Join(p, "; "), Line: i + 1, Rule: "visible-byline", Confidence: 0.6})
		}
	}
	htmlCreditFallback(x, meta, ld, blocks, ctx)
}

// htmlDateContext is what reading a printed date needs: the fetch time
// for relative dates and missing years, the URL's year, and the language,
// whose convention orders a numeric day and month.
func htmlDateContext(d *article.Dump, lang string) datetime.Context {
	ctx := datetime.Context{Ref: d.FetchedAt, Lang: lang}
	if ctx.Ref.IsZero() {
		ctx.Ref = d.ReceivedAt
	}
	ctx.Ref = ctx.Ref.UTC()
	_, info := page.ParseURLInfo(d.URL)
	ctx.Year = info.Year
	return ctx
}

// htmlBody assembles the kept blocks into paragraphs and records the
// dropped ones; kept[i] is the block paragraph i is the text of.
func htmlBody(blocks []dom.Block, labels []string, title string, diag *article.Diagnostics) (paras []string, kept []int) {
	drop := func(i int, label string) {
		t := blocks[i].Text
		if len(t) > 120 {
			t = t[:120]
			for len(t) > 0 && t[len(t)-1]&0xc0 == 0x80 {
				t = t[:len(t)-1]
			}
			t += "…"
		}
		diag.Dropped = append(diag.Dropped, article.DroppedBlock{Line: i + 1, Label: label, Text: t})
	}
	nt := htmlNormTitle(title)
	for i := range blocks {
		b := &blocks[i]
		if labels[i] != dom.LabelContent {
			drop(i, labels[i])
			continue
		}
		// Length first: normalising every block would cost more than
		// the rest of the assembly.
		if nt != "" && len(b.Text) < 2*len(title)+8 && htmlNormTitle(b.Text) == nt {
			drop(i, "title")
			continue
		}
		// A repeated caption or teaser goes; a repeated long paragraph is
		// the page's text (see isLongProse).
		if n := len(paras); n > 0 && paras[n-1] == b.Text && !(page.EndsSentence(b.Text) && utf8.RuneCountInString(b.Text) >= page.LongProseMin) {
			drop(i, "duplicate")
			continue
		}
		paras = append(paras, b.Text)
		kept = append(kept, i)
	}
	return paras, kept
}

// htmlLDBody returns the JSON-LD articleBody as paragraphs when the markup
// gave much less text than it: pages rendered by scripts often ship the
// text only there. It returns nil when the markup's body stands.
func htmlLDBody(ld htmlLD, paras []string) []string {
	body := ld.str("articleBody")
	if len(body) < 200 {
		return nil
	}
	words := 0
	for _, p := range paras {
		words += len(strings.Fields(p))
	}
	if float64(words) >= 0.5*float64(len(strings.Fields(body))) {
		return nil
	}
	var out []string
	if strings.Contains(body, "</") {
		// Some sites put markup in articleBody.
		doc, err := dom.Parse([]byte(body), dom.Limits{MaxNodes: 50_000, MaxDepth: 64})
		if err != nil {
			return nil
		}
		for _, b := range dom.Segment(doc) {
			out = append(out, b.Text)
		}
		return out
	}
	for _, p := range strings.Split(page.UnescapeOnce(body), "\n") {
		if p = dom.CollapseSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
