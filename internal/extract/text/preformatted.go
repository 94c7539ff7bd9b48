package text

import "strings"

// Preformatted text in a text dump. innerText collapses leading white space
// everywhere except in preformatted elements (<pre>, code listings), so a
// run of indented lines is a code sample, a shell session or a plain-text
// document quoted in the article. Its lines are short, punctuation-heavy,
// repeated ("}", "];") and without function words: scored as prose they
// sink far below zero and split the article around them into two spans, of
// which only one is kept.

// Preformatted runs: how many indented lines make one, and how many other
// lines (an unindented first line, a closing brace at the margin) may sit
// between two of them.
const (
	preRunMin = 3
	preGapMax = 2
)

// preformattedRuns reports, per block, whether it lies in a run of
// preformatted lines: from the first indented line to the last, when at
// least preRunMin are indented and no more than preGapMax others separate
// two of them.
func preformattedRuns(bs []block) []bool {
	var in []bool
	if len(bs) == 0 || strings.HasPrefix(bs[0].text, "<") {
		// A rendered page never starts with a tag: this is an HTML page
		// that reached the text front-end unrendered, indented as its
		// author wrote it, not a listing in an article.
		return nil
	}
	for i := 0; i < len(bs); {
		if !bs[i].indented {
			i++
			continue
		}
		n, last := 1, i
		for j := i + 1; j < len(bs) && j-last <= preGapMax+1; j++ {
			if bs[j].indented {
				n, last = n+1, j
			} else if bs[j].runes >= 40 && bs[j].endsSentence {
				break // prose between two listings: each is a run of its own
			}
		}
		if n >= preRunMin {
			if in == nil {
				in = make([]bool, len(bs))
			}
			// The line before the first indented one usually opens the
			// listing at the margin ("(function() {", "<html>").
			from := i
			if i > 0 && bs[i-1].group == bs[i].group && !bs[i-1].endsSentence {
				from = i - 1
			}
			for k := from; k <= last; k++ {
				in[k] = true
			}
		}
		i = last + 1
	}
	return in
}

// neutralisePreformatted leaves the lines of preformatted runs neutral, as
// table rows are: the layout labels that take a line for a counter or a
// repeated promo ("}", "list: [") do not apply to code, nor does the page
// vocabulary to a line of verbatim text (a hard-wrapped paragraph's
// "reply to …" is no comment section), and the prose around a listing
// carries it into the body. A line that scores as prose keeps its score.
func neutralisePreformatted(doc *document, in []bool) {
	bs := doc.blocks
	for i := range bs {
		if in == nil || !in[i] {
			continue
		}
		b := &bs[i]
		switch {
		case b.reason == "layout:counter" || b.reason == "layout:repeated" || b.reason == "layout:repeated-thrice",
			b.indented && b.label != labelNone:
			b.label, b.reason = labelNone, "layout:preformatted"
			b.score = contentScore(doc, b)
		}
		if b.label == labelNone && b.score < scoreTableRow {
			b.score = scoreTableRow
		}
	}
}
