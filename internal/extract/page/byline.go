package page

import (
	"github.com/pressroom/pressroom/internal/extract/credit"
	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// Credits are read by package credit, for both front-ends; this file hands
// it the page vocabulary compiled here (wire services, roles, furniture,
// function words).

// CreditReader reads credits with this package's page vocabulary.
var CreditReader = credit.Reader{Vocab: pageVocab{}}

// pageVocab is the page vocabulary as credit.Vocabulary. It reads vocab at
// each call: the phrase statistics test swaps vocab for one without an
// entry.
type pageVocab struct{}

func (pageVocab) Hits(text string) credit.Hits {
	var buf [64]byte
	h := Vocab.Scan(string(lexicon.AppendFold(buf[:0], text)))
	return credit.Hits{
		Agency:      h.Any&VAgency != 0,
		WholeAgency: h.Whole&VAgency != 0,
		Role:        h.Any&VRole != 0,
		Furniture:   h.Any&BoilerKinds != 0,
		Covered:     h.Cover >= 0.99,
	}
}

func (pageVocab) StopWord(folded string) bool {
	return len(folded) <= MaxStopLen && StopWords.Lookup(folded) != 0
}

// ParseByline reads an author credit (credit.Reader.Parse).
func ParseByline(text string, ctx datetime.Context) (credit.Match, bool) {
	return ParseBylineFolded(text, "", ctx)
}

// ParseBylineFolded is ParseByline given FoldLower(text) too, when the
// caller has it ("" otherwise).
func ParseBylineFolded(text, folded string, ctx datetime.Context) (credit.Match, bool) {
	return CreditReader.Parse(text, folded, ctx)
}
