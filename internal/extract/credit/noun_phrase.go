package credit

import (
	"strings"

	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// PersonNameIn is PersonName for a line of a page in lang (ISO 639-1, ""
// when unknown): a name-shaped line is no name when it reads as a noun
// phrase of that language (nounPhrase).
func PersonNameIn(s, lang string) bool { return PersonName(s) && !nounPhrase(s, lang) }

// nounPhrase reports a name-shaped line that is a noun phrase of lang. In
// German every noun is capitalised, and headings, menus and teasers
// everywhere are often set in title case, so "Weitere Artikel", "Die
// Nachrichten", "La Presse" and "Mein Konto" look like "First Last". The
// shape cannot tell them apart; the language's grammar can: the phrase
// opens with an article, a determiner or a preposition, or with an
// inflected adjective, or one of its words is a derived noun. A word with
// a full stop is an initial ("A. Lee"), never one of these.
func nounPhrase(s, lang string) bool {
	if lang == "" {
		return false
	}
	var wordsBuf [6]string
	words := appendFields(wordsBuf[:0], s, len(wordsBuf))
	prev := ""
	for i, w := range words {
		if strings.HasSuffix(w, ".") {
			continue
		}
		lw := strings.ToLower(strings.Trim(w, ",;:"))
		if i == 0 && len(words) > 1 && (lexicon.PhraseOpener(lang, lw) || lexicon.InflectedAdjective(lang, lw)) {
			return true
		}
		// Further in, a name holds particles ("de", "la", "von"), never
		// another article or preposition: "Ann In Aktuell" is a name run
		// into a section's label. German writes its article inside a name
		// only after "von" ("von der Leyen"); alone it is a genitive's
		// ("Markt der Zukunft").
		if i > 0 && lexicon.PhraseOpener(lang, lw) &&
			(!lexicon.NameParticle(lw) || lexicon.CapitalisesNouns(lang) && !lexicon.NameParticle(prev)) {
			return true
		}
		prev = lw
		for part := range strings.SplitSeq(lw, "-") {
			if lexicon.NounSuffix(lang, part) {
				return true
			}
		}
	}
	return false
}
