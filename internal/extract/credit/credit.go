// Package credit reads author credits for both front-ends of the extractor:
// a credit line in any of the supported languages ("By A, B and C", "von
// Name", "Autor: Name", "par Name", "김민수 기자", "A | 9 décembre 2019"),
// with its role, handle, date or site cut off and its wire services set
// apart as agencies (Reader.Parse); the shape of a person's name, one test
// with what each kind of input adds (PersonName for a line of text, the
// value side's for an author field), and for a line the grammar of the
// page's language, which tells a title-case noun phrase from a name
// (PersonNameIn, noun_phrase.go); the organisation, desk and role words
// that tell a credit from a person (words.go: one list, two named
// extensions); what a template prints around a credit on its line
// (line.go); a line ending in its cue, whose name is on the next line
// (split_cue.go); and a credit stated as a value in a page's metadata: split,
// cleaned, or, when it names no person, the organisation that stands as
// the author (value.go).
//
// It is pure and format-agnostic: the text front-end calls it on its lines,
// the HTML front-end on its blocks and metadata values; where in the input
// a credit is looked for stays with each front-end. The words it knows
// (cues, role suffixes, conjunctions, name particles, publication words,
// roles and wire services) come from lexicon, dates from datetime. The
// front-end compiles lexicon's roles and wire services with its page
// furniture into one phrase matcher for every line, and hands that over as
// a Vocabulary, so a credit is matched with the very phrases the line was.
package credit

// Vocabulary is what a credit reader asks of the page vocabulary: which
// kinds of generic phrase a text holds, matched as lexicon.Fold folds it
// (the implementation folds: it can do so into a buffer of its own, where
// a string built here to cross the interface would be allocated), and
// whether a folded word is a function word.
type Vocabulary interface {
	Hits(text string) Hits
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

// Reader reads credits with one page vocabulary, which it needs: the
// front-end sets Vocab (a Reader without one panics on its first credit).
type Reader struct {
	Vocab Vocabulary
}

// agency reports a stated credit that names a wire service.
func (rd Reader) agency(text string) bool {
	return rd.Vocab.Hits(text).Agency
}
