package text

import (
	"strings"

	"github.com/pressroom/pressroom/internal/extract/lexicon"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// markCreditedCaptions labels the captions that end with their picture's
// credit: "Delegates at the meeting (Bildquelle: Example e.V.)", "The ski
// star. © AFP / A. Person". The caption vocabulary reads a credit at the
// start of a line; under a picture the credit closes the caption, which
// reads like a short sentence and would stay in the body. A line opened
// by a figure's label ("Figure 3:", "Abbildung 4:") is a caption too.
func markCreditedCaptions(bs []block) {
	for i := range bs {
		b := &bs[i]
		if b.label != labelNone || b.words > captionCreditWords || b.cells >= 2 {
			continue
		}
		if endsWithCredit(b.lower) {
			b.label, b.reason = labelCaption, "layout:credit-at-end"
		} else if figureLabel(b.lower) {
			b.label, b.reason = labelCaption, "layout:figure-label"
		}
	}
}

// endsWithCredit reports a copyright sign in the line, or a closing
// parenthesis that holds a caption label and a name's few words: "(Foto:
// A. Person)". A label loose in the line ("… | Photo: Agency") is left
// alone: Readability-style extractors keep such captions with the text.
func endsWithCredit(lower string) bool {
	if strings.Contains(lower, "©") {
		return true
	}
	t := strings.TrimRight(lower, " ")
	if !strings.HasSuffix(t, ")") {
		return false
	}
	k := strings.LastIndexByte(t, '(')
	if k < 0 {
		return false
	}
	inner := t[k+1 : len(t)-1]
	for _, label := range creditLabels {
		if strings.HasPrefix(inner, label) {
			n := len(strings.Fields(inner[len(label):]))
			return n > 0 && n <= creditNameWords
		}
	}
	return false
}

// creditLabels are the caption vocabulary's labels that end with a colon,
// in every language: "photo:", "foto:", "bild:", "bildquelle:".
var creditLabels = func() []string {
	var out []string
	seen := map[string]bool{}
	for _, entries := range lexicon.Page[lexicon.Caption] {
		for _, e := range entries {
			if e[0] != '^' {
				continue
			}
			label := strings.TrimSpace(e[1:])
			if !strings.HasSuffix(label, ":") {
				label += ":"
			}
			if !seen[label] {
				seen[label] = true
				out = append(out, page.FoldLower(label))
			}
		}
	}
	return out
}()

// A caption with its credit: at most captionCreditWords words, the name
// after the label at most creditNameWords.
const (
	captionCreditWords = 40
	creditNameWords    = 8
)

// figureWords name a figure in a caption's label, per language: "Figure 3:",
// "Abbildung 4:", "Abb. 2:", "Rysunek 1:".
var figureWords = []string{"figure", "fig.", "abbildung", "abb.", "figura", "rysunek", "obrázek", "afbeelding", "figuur", "grafik", "grafika", "kuva"}

// figureLabel reports a line that opens with a figure's label: the word,
// an optional number, and a colon.
func figureLabel(lower string) bool {
	for _, w := range figureWords {
		if !strings.HasPrefix(lower, w) {
			continue
		}
		rest := strings.TrimLeft(lower[len(w):], " 0123456789.")
		return strings.HasPrefix(rest, ":")
	}
	return false
}
