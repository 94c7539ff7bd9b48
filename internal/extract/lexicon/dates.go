package lexicon

import (
	"slices"
	"strings"
)

// published are the words that call a date the publication's, per
// language; updated those that call it a later revision's.
var published = map[string][]string{
	"en": {"published", "posted", "created"}, "de": {"veröffentlicht", "veröffentlichung", "erstellt", "gepostet", "publiziert"},
	"fr": {"publié"}, "es": {"publicado"}, "pt": {"publicado"}, "it": {"pubblicato"},
	"nl": {"gepubliceerd", "geplaatst"}, "pl": {"opublikowano"}, "cs": {"publikováno", "zveřejněno"},
	"sv": {"publicerad"}, "da": {"publiceret"}, "nb": {"publisert"}, "hu": {"közzétéve", "megjelent"},
	"ru": {"опубликовано"},
}

var updated = map[string][]string{
	"en": {"updated", "modified"}, "de": {"aktualisiert", "geändert"}, "fr": {"mis à jour", "modifié"},
	"es": {"actualizado"}, "pt": {"atualizado"}, "it": {"aggiornato"}, "nl": {"bijgewerkt"},
	"pl": {"zaktualizowano"}, "cs": {"aktualizováno"}, "sv": {"uppdaterad"}, "da": {"opdateret"},
	"nb": {"oppdatert"}, "hu": {"frissítve"}, "ru": {"обновлено"},
}

// PublishedWords and UpdatedWords are the cue words of every language;
// DateCueWords is both, the update cues first.
var (
	PublishedWords, UpdatedWords = flatten(published), flatten(updated)
	DateCueWords                 = append(slices.Clip(UpdatedWords), PublishedWords...)
)

func flatten(m map[string][]string) []string {
	var out []string
	for _, lang := range Languages {
		out = append(out, m[lang]...)
	}
	return out
}

// DateCue says what the lower-cased words before a date call it: -1 an
// update, +1 the publication, 0 neither.
func DateCue(before string) int {
	for _, w := range UpdatedWords {
		if strings.Contains(before, w) {
			return -1
		}
	}
	for _, w := range PublishedWords {
		if strings.Contains(before, w) {
			return 1
		}
	}
	return 0
}
