// Package credit reads author credits for both front-ends of the extractor:
// a credit line in any of the supported languages ("By A, B and C", "von
// Name", "Autor: Name", "par Name", "김민수 기자"), with its role, handle,
// date or site cut off and its wire services set apart as agencies; the
// shape of a person's name; the organisation, desk and role words that tell
// a credit from a person; and the cleaning of an author value stated in a
// page's metadata.
//
// It is pure and format-agnostic: the text front-end calls it on its lines,
// the HTML front-end on its blocks and metadata values; where in the input
// a credit is looked for stays with each front-end. The words it knows
// (cues, role suffixes, conjunctions, name particles, publication words)
// come from lexicon, dates from datetime. The page vocabulary that names
// wire services, roles and page furniture is compiled by the front-end,
// which hands it over as a Vocabulary.
package credit

// Vocabulary is what a credit reader asks of the page vocabulary: which
// kinds of generic phrase a folded text (lexicon.Fold) holds, and whether
// a word is a function word.
type Vocabulary interface {
	Hits(folded string) Hits
	StopWord(folded string) bool
}

// Hits are the kinds of phrase found in a text.
type Hits struct {
	Agency      bool // a wire service's name, anywhere
	WholeAgency bool // the whole text is a wire service's name
	Role        bool // a role or desk ("staff writer", "correspondent"), anywhere
	Furniture   bool // page furniture (share, navigation, comments …), anywhere
	Covered     bool // the phrases found cover the whole text
}

// Reader reads credits with one page vocabulary.
type Reader struct {
	Vocab Vocabulary
}

// Agency reports a stated credit that names a wire service.
func (rd Reader) Agency(folded string) bool {
	return rd.Vocab.Hits(folded).Agency
}
