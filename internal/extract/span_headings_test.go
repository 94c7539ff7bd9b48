package extract

import "testing"

// TestRelatedHeadingWords checks that the generic headings of other
// stories' lists in German end the body with the teasers they head, even
// when the teasers are sentences.
func TestRelatedHeadingWords(t *testing.T) {
	teasers := "The harbour festival returns after two years, with stalls and boats on the quay.\n\n" +
		"The governors chose a teacher from the town as the new head of the grammar school.\n\n" +
		"The market hall reopens after repairs, and the traders are back.\n"
	checkTails(t, []tailCase{
		{"related list, informal German", "Das könnte dich auch interessieren …\n\n" + teasers, "The market hall reopens after repairs", ""},
		{"recommendations", "Empfehlungen aus der Redaktion\n\n" + teasers, "The market hall reopens after repairs", ""},
		{"related topics", "Verwandte Themen\n\n" + teasers, "The market hall reopens after repairs", ""},
	})
}
