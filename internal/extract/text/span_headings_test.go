package text

import (
	"strings"
	"testing"
)

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

// TestCommentPromptWords checks that the generic prompts of a comment
// section in German and French end the body with the readers' text under
// them.
func TestCommentPromptWords(t *testing.T) {
	reader := "I have swum in that pool every winter since I was a boy, and I am glad the council finally listened to the people who actually use it."
	checkTails(t, []tailCase{
		{"German prompt", "Einen Kommentar schreiben\n\n" + reader + "\n", reader, ""},
		{"German invitation", "Kommentieren Sie hier\n\n" + reader + "\n", reader, ""},
		{"French prompt", "Écrire un commentaire\n\n" + reader + "\n", reader, ""},
	})
}

// TestSupportAppealWords checks that a line asking readers to fund the
// site leaves the body wherever it stands, in English and German.
func TestSupportAppealWords(t *testing.T) {
	paragraphs := strings.Split(strings.TrimSpace(teaserTestArticle), "\n\n")
	for _, appeal := range []string{
		"We rely on your support to keep local news free for all",
		"Unterstütze uns mit einer Spende, damit alle Artikel frei bleiben!",
		"Ihr Beitrag hilft, unsere Berichterstattung weiterhin kostenlos anzubieten.",
	} {
		t.Run(appeal, func(t *testing.T) {
			body := strings.Join(paragraphs[:3], "\n\n") + "\n\n" + appeal + "\n\n" + strings.Join(paragraphs[3:], "\n\n") + "\n"
			dump := "Menu\nNews\n\nPools stay open all winter\n\nBy Ann Example\n\n" + body
			checkTextBody(t, dump, "The vote was twelve to three.", appeal, paragraphs[3])
		})
	}
}
