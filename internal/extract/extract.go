// Package extract turns a raw dump into an article: metadata plus body
// paragraphs, with diagnostics saying where each field came from.
//
// It is pure: no I/O, no clock (the dump carries ReceivedAt), no globals that
// change, so it is safe for concurrent use and easy to fuzz and benchmark.
//
// # Two front-ends, one vocabulary
//
// Extract unwraps a JSON envelope once, then sniffs the format:
//
//	text  decode (decode.go) → segment (blocks.go, measure.go) → classify
//	      (classify.go) → metadata (metadata.go) → assemble (assemble.go)
//	HTML  dom.Parse → dom.Segment/Select (dom/) → metadata (html_*.go)
//
// What is not about the input format is shared: the word lists of every
// purpose and language (lexicon), the date parser (datetime),
// the credit parser (byline.go) and the language guesser (language.go).
package extract

import (
	"bytes"
	"errors"
	"fmt"
	"unicode"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/datetime"
)

// Version identifies the extractor's rules. It is stored with every article
// so that dumps extracted by older rules can be found and re-extracted.
//
// 3: the Markdown body of HTML input.
// 4: description, lead image, canonical URL, section, tags and the
// modified date; the article's URL is the one the request sent.
// 5: one vocabulary (lexicon) for both front-ends: dates, credits and
// languages in more languages; spaceless scripts measured by characters.
// 6: credits and dates from more page layouts (a credit stated only in
// metadata, pen names, printed dates with a cue anywhere), pruned page
// vocabulary with general signals, several sections, cleaner descriptions.
const Version = 6

// ErrLimit is wrapped, with article.ErrUnextractable, when a dump is
// refused because it exceeds one of the extractor's limits (see maxLines),
// which keep the time and memory one extraction takes bounded.
var ErrLimit = errors.New("limit exceeded")

// errInternal marks an extraction that failed on a bug rather than on its
// input; tests and fuzzing look for it.
var errInternal = errors.New("internal error")

// Extract extracts an article from d. It never panics on any input; when
// nothing usable is found the result's Err wraps article.ErrUnextractable.
func Extract(d *article.Dump) (x article.Extraction) {
	defer func() {
		// Extract runs on untrusted input inside request handlers; a bug
		// must cost one extraction, not the process.
		if r := recover(); r != nil {
			x = article.Extraction{Input: article.InputText, Version: Version,
				Err: fmt.Errorf("extract: %w: %w: %v", article.ErrUnextractable, errInternal, r)}
		}
	}()
	if d == nil {
		return article.Extraction{Input: article.InputText, Version: Version,
			Err: fmt.Errorf("extract: %w: no dump", article.ErrUnextractable)}
	}
	defer func() {
		// The page's canonical URL when it states one, else where the
		// scraper found it.
		if x.Err == nil && x.Metadata.URL == "" {
			x.Metadata.URL = d.URL
		}
	}()
	// Unwrap once, then sniff: an envelope may carry HTML as well as text.
	d, enveloped := unwrapDump(d)
	if htmlIsHTML(d) {
		return htmlExtract(d)
	}
	if n := bytes.Count(d.Body, []byte{'\n'}); n > maxLines {
		// Decoding never removes a line break from plain text; refuse
		// before copying the dump.
		return article.Extraction{Input: article.InputText, Version: Version,
			Diagnostics: article.Diagnostics{Input: article.InputText},
			Err:         fmt.Errorf("extract: %w: %w: more than %d lines (max %d)", article.ErrUnextractable, ErrLimit, n, maxLines)}
	}
	dec := decode(d)
	if enveloped {
		dec.notes = append([]string{"json envelope"}, dec.notes...)
	}
	blocks, err := segment(dec.text, maxLines)
	if err != nil {
		return article.Extraction{Input: dec.kind, Version: Version,
			Diagnostics: article.Diagnostics{Input: dec.kind, Notes: dec.notes},
			Err:         fmt.Errorf("extract: %w: %w", article.ErrUnextractable, err)}
	}
	return extractDocument(newDocument(d, dec, blocks))
}

// extractDocument runs the shared part of the pipeline on a front-end's
// document.
func extractDocument(doc *document) article.Extraction {
	if len(doc.blocks) == 0 {
		return article.Extraction{Input: doc.input, Version: Version,
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
	doc.url, doc.urlInfo = parseURLInfo(dec.url)
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
		doc.dayFirst = urlDateOrder(doc.url)
	}
	return doc
}

// detectLanguage guesses the language from the prose-like blocks and sets
// every block's stop-word count for it.
func detectLanguage(doc *document) {
	var sc scriptCounts
	var hits [langCount]int
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
			sc.latin += b.letters
			letters += b.letters
		default:
			for _, r := range b.text {
				if unicode.IsLetter(r) {
					sc.add(r)
					letters++
				}
			}
		}
		for li := range hits {
			hits[li] += int(b.stopHits[li])
		}
	}
	doc.lang = guessLanguage(sc, hits)
	doc.langIdx = langIndex(doc.lang)
	switch {
	case doc.lang == "":
	case doc.langIdx >= 0:
		doc.langRule, doc.langConf = "stop-words", 0.8
	default:
		doc.langRule, doc.langConf = "script", 0.9
	}
}
