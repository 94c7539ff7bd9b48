package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/extract/page"
)

// dropTrailingStubs ends the body before the short lines it closes with
// when they are no sentences: a heading with nothing under it ("More on
// this topic"), a link back home, a tag line, a lead-in ending with a colon
// ("Share this article:") that introduces a box the body does not hold. An
// article ends on a sentence, a credit or a note in brackets.
func dropTrailingStubs(doc *document) {
	bs := doc.blocks
	var stubs []int // from the end
	for i := doc.bodyEnd - 1; i > doc.bodyStart; i-- {
		if bs[i].label != labelBody {
			continue
		}
		if !trailingStub(doc, i) || wrappedLine(doc, i) {
			// The closing lines of a list the article introduces stay.
			if len(stubs) > 0 && strings.HasSuffix(strings.TrimRight(bs[i].text, " "), ":") {
				return
			}
			break
		}
		if stubs = append(stubs, i); len(stubs) > trailingStubMax {
			return // a list: dropTrailingList and endAtTeaserRun judge those
		}
	}
	for _, i := range stubs {
		if bodyRunes(doc)-bs[i].runes < page.ArticleChars {
			return
		}
		cutBody(doc, i, labelRelated, "layout:trailing-stub")
	}
}

// wrappedLine reports a body line that starts in lower case under a line
// that does not end a sentence: hard-wrapped prose, its sentence begun on
// the line above.
func wrappedLine(doc *document, i int) bool {
	r, _ := utf8.DecodeRuneInString(doc.blocks[i].text)
	if !unicode.IsLower(r) {
		return false
	}
	for j := i - 1; j >= doc.bodyStart; j-- {
		if b := &doc.blocks[j]; b.label == labelBody {
			return !b.endsSentence
		}
	}
	return false
}

// trailingStub reports a short line that does not end a sentence, or a
// lead-in of a few words ending with a colon; never a note in brackets or
// a credit ("Contributing: Ann Lee").
func trailingStub(doc *document, i int) bool {
	b := &doc.blocks[i]
	if b.words > trailingStubWords || b.cells >= 2 {
		return false
	}
	t := strings.TrimRightFunc(b.text, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.Is(unicode.So, r) // a closing emoji
	})
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") {
		return false
	}
	leadIn := strings.HasSuffix(t, ":") && b.words <= trailingLeadInWords
	if page.EndsSentence(t) && !leadIn {
		return false
	}
	m, ok := doc.bylineOf(i)
	return !ok || len(m.Authors) == 0
}

// At most trailingStubMax stubs end a body. The longest heading or link
// line taken for a stub, and the longest lead-in: a longer line ending
// with a colon is a sentence introducing a quotation or an embed.
const (
	trailingStubMax     = 3
	trailingStubWords   = 12
	trailingLeadInWords = 6
)

// dropTrailingBox ends the body before a short heading over one short
// paragraph at its very end: a contact box ("Contact" over "Questions?
// Write to us."), a pitch, an editor's tip. An article's closing section
// says more than boxWords under its heading; a numbered heading is a
// section of the document's own.
func dropTrailingBox(doc *document) {
	bs := doc.blocks
	var body []int
	for i := doc.bodyEnd - 1; i > doc.bodyStart && len(body) < 2; i-- {
		if bs[i].label == labelBody {
			body = append(body, i)
		}
	}
	if len(body) < 2 {
		return
	}
	p, h := &bs[body[0]], &bs[body[1]]
	if r, _ := utf8.DecodeRuneInString(h.text); !unicode.IsLetter(r) {
		return // a numbered section of the document's own, a signature
	}
	if h.words > boxHeadingWords || h.endsSentence || p.words > boxWords || bodyRunes(doc)-p.runes-h.runes < page.ArticleChars {
		return
	}
	cutBody(doc, body[1], labelRelated, "layout:trailing-box")
}

// A box under the article: a heading of at most boxHeadingWords over a
// paragraph of at most boxWords.
const (
	boxHeadingWords = 5
	boxWords        = 20
)
