// Package text is the front-end for text dumps: the visible text of a
// page as a scraper gets it (innerText), one block per line.
//
//	decode (decode.go) → segment into blocks (blocks.go, measure.go) →
//	classify (classify.go, label.go, span*.go) → metadata (metadata.go:
//	title*.go, byline*.go, date_*.go, site.go, dateline.go, sponsor.go,
//	paywall*.go, describe.go) → assemble (assemble.go)
//
// Extract is its entry point; package extract calls it after unwrapping
// an envelope and sniffing that the dump is not an HTML page.
package text

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// ErrLimit is wrapped, with article.ErrUnextractable, when a dump is
// refused because it exceeds one of the extractor's limits (see MaxLines),
// which keep the time and memory one extraction takes bounded.
var ErrLimit = errors.New("limit exceeded")

// Extract extracts an article from a text dump (or from markup the
// sniff did not take for a page, through the crude fallback). notes are
// what the caller noted about the dump before, such as its envelope.
func Extract(d *article.Dump, notes ...string) article.Extraction {
	if n := bytes.Count(d.Body, []byte{'\n'}); n > MaxLines {
		// Decoding never removes a line break from plain text; refuse
		// before copying the dump.
		return article.Extraction{Input: article.InputText,
			Diagnostics: article.Diagnostics{Input: article.InputText},
			Err:         fmt.Errorf("extract: %w: %w: more than %d lines (max %d)", article.ErrUnextractable, ErrLimit, n, MaxLines)}
	}
	dec := decode(d)
	if len(notes) > 0 {
		dec.notes = append(append([]string(nil), notes...), dec.notes...)
	}
	blocks, err := segment(dec.text, MaxLines)
	if err != nil {
		return article.Extraction{Input: dec.kind,
			Diagnostics: article.Diagnostics{Input: dec.kind, Notes: dec.notes},
			Err:         fmt.Errorf("extract: %w: %w", article.ErrUnextractable, err)}
	}
	return extractDocument(newDocument(d, dec, blocks))
}

// extractDocument runs the shared part of the pipeline on a front-end's
// document.
func extractDocument(doc *document) article.Extraction {
	if len(doc.blocks) == 0 {
		return article.Extraction{Input: doc.input,
			Diagnostics: article.Diagnostics{Input: doc.input, Notes: doc.notes},
			Err:         fmt.Errorf("extract: %w: no text", article.ErrUnextractable)}
	}
	classify(doc)
	findMetadata(doc)
	return assemble(doc)
}

// newDocument wraps a front-end's blocks with what the rest of the pipeline
// needs: the reference time for relative dates, the URL's hints, the
// language and the document's numeric date order.
func newDocument(d *article.Dump, dec decoded, blocks []block) *document {
	doc := &document{input: dec.kind, blocks: blocks, notes: dec.notes, langIdx: -1}
	doc.ref = dec.fetchedAt
	if doc.ref.IsZero() {
		doc.ref = d.ReceivedAt
	}
	if !doc.ref.IsZero() {
		doc.ref = doc.ref.UTC()
	}
	doc.url, doc.urlInfo = page.ParseURLInfo(dec.url)
	detectLanguage(doc)
	order := 0
	for i := range blocks {
		if blocks[i].digits >= 3 {
			order += datetime.NumericOrder(blocks[i].text)
		}
	}
	switch {
	case order > 0:
		doc.dayFirst = 1
	case order < 0:
		doc.dayFirst = -1
	default:
		doc.dayFirst = page.URLDateOrder(doc.url)
	}
	return doc
}

// detectLanguage guesses the language from the prose-like blocks and sets
// every block's stop-word count for it.
func detectLanguage(doc *document) {
	var sc page.ScriptCounts
	var hits [page.LangCount]int
	letters := 0
	for i := range doc.blocks {
		b := &doc.blocks[i]
		if b.words < 5 && b.cjk < 8 {
			continue
		}
		// A few thousand letters settle the script; reading them all
		// would only cost time.
		switch {
		case letters >= 5000:
		case b.latin == b.letters:
			sc.Latin += b.letters
			letters += b.letters
		default:
			for _, r := range b.text {
				if unicode.IsLetter(r) {
					sc.Add(r)
					letters++
				}
			}
		}
		for li := range hits {
			hits[li] += int(b.stopHits[li])
		}
	}
	doc.lang = page.GuessLanguage(sc, hits)
	doc.langIdx = page.LangIndex(doc.lang)
	switch {
	case doc.lang == "":
	case doc.langIdx >= 0:
		doc.langRule, doc.langConf = "stop-words", 0.8
	default:
		doc.langRule, doc.langConf = "script", 0.9
	}
}

// InputLines is the dump's text as this front-end reads it: decoded, each
// line's spaces collapsed, blank lines left out. Every paragraph it
// extracts is one of them, or two joined.
func InputLines(d *article.Dump) []string {
	var lines []string
	for _, l := range strings.Split(decode(d).text, "\n") {
		if c := collapseSpace(l); c != "" {
			lines = append(lines, c)
		}
	}
	return lines
}
