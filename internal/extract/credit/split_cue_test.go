package credit

import (
	"testing"

	"github.com/pressroom/pressroom/internal/extract/datetime"
)

// TestEndsWithCue: a line ending in a preposition cue hands its credit to
// the next line; a sponsor's participle, a photo or a sentence does not.
func TestEndsWithCue(t *testing.T) {
	for in, want := range map[string]bool{
		"von":                      true,
		"Von:":                     true,
		"12.03.2021 09:15 von":     true,
		"3. Mai 2021 par":          true,
		"Glosse von":               true,
		"by":                       true,
		"14 March 2021 by":         true,
		"Interview by":             false, // "by" after a word: "Photo by", "Presented by"
		"präsentiert von":          false, // a participle credits a sponsor
		"Foto von":                 false,
		"Ein Spaziergang von":      false, // more than a label before the cue
		"Die Reise führte uns von": false,
		"Wanderung durch":          false,
		"Bo Park":                  false,
		"":                         false,
	} {
		if got := EndsWithCue(in, datetime.Context{}); got != want {
			t.Errorf("EndsWithCue(%q) = %v, want %v", in, got, want)
		}
	}
}
