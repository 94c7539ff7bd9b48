package extract

import (
	"unicode"

	"github.com/pressroom/pressroom/internal/extract/credit"
	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// Credits are read by package credit, for both front-ends; this file hands
// it the page vocabulary compiled here (wire services, roles, furniture,
// function words).

// creditReader reads credits with this package's page vocabulary.
var creditReader = credit.Reader{Vocab: pageVocab{}}

// pageVocab is the page vocabulary as credit.Vocabulary. It reads vocab at
// each call: the phrase statistics test swaps vocab for one without an
// entry.
type pageVocab struct{}

func (pageVocab) Hits(text string) credit.Hits {
	var buf [64]byte
	h := vocab.scan(string(lexicon.AppendFold(buf[:0], text)))
	return credit.Hits{
		Agency:      h.any&vAgency != 0,
		WholeAgency: h.whole&vAgency != 0,
		Role:        h.any&vRole != 0,
		Furniture:   h.any&boilerKinds != 0,
		Covered:     h.cover >= 0.99,
	}
}

func (pageVocab) StopWord(folded string) bool {
	return len(folded) <= maxStopLen && stopWords.lookup(folded) != 0
}

// parseByline reads an author credit (credit.Reader.Parse).
func parseByline(text string, ctx datetime.Context) (credit.Match, bool) {
	return parseBylineFolded(text, "", ctx)
}

// parseBylineFolded is parseByline given foldLower(text) too, when the
// caller has it ("" otherwise).
func parseBylineFolded(text, folded string, ctx datetime.Context) (credit.Match, bool) {
	return creditReader.Parse(text, folded, ctx)
}

// titleCase capitalises each word of a line printed in capitals, as
// credit does for names.
func titleCase(s string) string { return credit.TitleCase(s) }

// wordCount counts the space-separated words of s (credit.WordCount).
func wordCount(s string) int { return credit.WordCount(s) }

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}
