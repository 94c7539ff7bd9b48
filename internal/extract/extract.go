// Package extract turns a raw dump into an article: metadata plus body
// paragraphs, with diagnostics saying where each field came from.
//
// It is pure: no I/O, no clock (the dump carries ReceivedAt), no globals that
// change, so it is safe for concurrent use and easy to fuzz and benchmark.
//
// # Two front-ends, one vocabulary
//
// Extract unwraps a JSON envelope once (envelope.go), then sniffs the
// format (sniff.go) and hands the dump to a front-end, each a package:
//
//	text  decode → segment into blocks → classify → metadata → assemble
//	      (package text: a visible-text dump, line by line)
//	web   dom.Parse → dom.Segment/Select → metadata (package web: HTML)
//
// What is not about the input format exists once, below both: the word
// lists of every purpose and language (lexicon), the date parser
// (datetime), the credit parser (credit), and package page: the compiled
// page vocabulary and its credit reader, the language guess, URL hints,
// description, section and tag picking. Dependencies point inward: extract
// imports text and web; they import page, credit, datetime and lexicon
// (web and page also dom), never each other.
package extract

import (
	"errors"
	"fmt"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/text"
	"github.com/pressroom/pressroom/internal/extract/web"
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
// 7: one credit package for both front-ends; teaser runs, author boxes and
// credited captions end or leave a text dump's body; the lead printed in an
// HTML article's header kept; more date forms and locales (en-GB day-first);
// titles freed of breadcrumbs and labels; the sections list and the
// modified date's precision (stored from migration 0008).
// 8: the front-ends as packages (text, web, page); a noun phrase of the
// page's language is no author; closing stubs, boxes, site blurbs and
// header captions leave a text dump's body, and two-sentence deks open it;
// HTML teaser grids, orphan headings, repeated furniture, captions outside
// <figure>, source lines and prompts leave the body; a damaged stated
// description gives way to an intact one.
const Version = 8

// ErrLimit is wrapped, with article.ErrUnextractable, when a dump is
// refused because it exceeds one of the extractor's limits (see text.MaxLines),
// which keep the time and memory one extraction takes bounded.
var ErrLimit = text.ErrLimit

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
	switch {
	case htmlIsHTML(d):
		x = web.Extract(d)
	case enveloped:
		x = text.Extract(d, "json envelope")
	default:
		x = text.Extract(d)
	}
	// The front-ends know the rules, not their version.
	x.Version = Version
	return x
}

// ParagraphsMarkdown renders plain paragraphs as the Markdown body, with
// the HTML front-end's escaping: what the API serves for a text dump,
// whose Markdown is not stored.
func ParagraphsMarkdown(paras []string) string { return web.ParagraphsMarkdown(paras) }
