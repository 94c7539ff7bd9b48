package text

import "testing"

// TestDatedCards checks that other stories' cards stamped with their
// dates, newest first, leave the end of the body, and that the article's
// own chronology, oldest first, stays.
func TestDatedCards(t *testing.T) {
	card := func(date, headline, teaser string) string {
		return date + "\n" + headline + "\n\n" + teaser + "\n\n"
	}
	cards := card("14.03.2021", "Harbour festival returns to the quay", "After two years away the stalls and the boats are back, and the organisers expect more visitors than ever before.") +
		card("12.03.2021", "A new head for the grammar school", "The governors chose a teacher from the town, who has taught history there for eleven years and coaches the rowing team.") +
		card("09.03.2021", "Market hall reopens after its repairs", "The roof is fixed and the traders are back in their old places, with a new café at the entrance on the square.")
	checkTails(t, []tailCase{
		{"cards newest first",
			"More from the region\n" + cards,
			"The governors chose a teacher from the town", ""},
		{"cards over the page's last box",
			"More from the region\n" + cards +
				"Read more\n\nSupport us\n\nOur newsroom is funded by its readers, and every contribution, however small, helps us to keep reporting on the town council, the schools and the courts for everyone who lives here.\n",
			"The governors chose a teacher from the town", ""},
		{"the article's chronology",
			"How the decision came about, as the minutes record it:\n\n" +
				"09.03.2021: parents handed the council a petition with two thousand names, asking for both pools to stay open through the winter months.\n\n" +
				"12.03.2021: more than three hundred residents came to the town hall to hear the council's plans and to put their questions to the members.\n\n" +
				"14.03.2021: the council voted twelve to three to keep both pools open and to pay for the repairs to the heating from the regional fund.\n",
			"", "more than three hundred residents came to the town hall"},
	})
}
