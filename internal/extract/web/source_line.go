package web

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/atom"

	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// sourceLineMaxWords: a label and a name or two, an agency, a date; not a
// sentence of the story that happens to open with "Source:".
const sourceLineMaxWords = 12

// htmlDropSourceLines drops a line that only names a source: a short
// block, after the article's opening, that is a credit label, a colon and
// a few words without a sentence ("Source: Agency", "Photo: Name /
// Agency"). It credits the text or a picture; it is not the text.
func htmlDropSourceLines(blocks []dom.Block, labels []string) {
	for i := htmlOpening(blocks, labels, false) + 1; i > 0 && i < len(blocks); i++ {
		b := &blocks[i]
		if labels[i] == dom.LabelContent && b.HeadingLvl == 0 && b.Words <= sourceLineMaxWords && sourceLine(b.Text) {
			labels[i] = dom.LabelCaption
		}
	}
}

// htmlOpening returns the index of the article's first kept paragraph of
// prose (a sentence's length, ending as one; a <p> when pOnly), or -1.
func htmlOpening(blocks []dom.Block, labels []string, pOnly bool) int {
	for i := range blocks {
		b := &blocks[i]
		if labels[i] == dom.LabelContent && b.HeadingLvl == 0 && (!pOnly || b.Tag == atom.P) &&
			b.Words >= appendixSentenceWords && page.EndsSentence(b.Text) {
			return i
		}
	}
	return -1
}

// sourceLine reports "Label: name" with a credit label and no sentence
// after the colon.
func sourceLine(t string) bool {
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(t), "("), ")"))
	label, rest, ok := strings.Cut(t, ":")
	if !ok || utf8.RuneCountInString(label) > 20 {
		return false
	}
	label = strings.ToLower(strings.TrimSpace(label))
	rest = strings.TrimSpace(rest)
	return slices.Contains(lexicon.SourceLabels, label) && rest != "" && !strings.ContainsAny(rest, "!?") && !endsWordSentence(rest)
}

// endsWordSentence reports a full stop after a word within s, the end of
// a sentence; one after a number ("2. Februar") is part of a date.
func endsWordSentence(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] != '.' || i+1 == len(s) || s[i+1] != ' ' {
			continue
		}
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
