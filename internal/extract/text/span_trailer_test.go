package text

import "testing"

// TestTrailingStubs checks that short lines closing the body without
// ending a sentence leave it (an empty heading, a lead-in with a colon, a
// link home), while a closing sentence, a note in brackets and a long
// sentence introducing a quotation stay.
func TestTrailingStubs(t *testing.T) {
	checkTails(t, []tailCase{
		{"empty heading", "Pictures of the valley in autumn\n", "Pictures of the valley in autumn", ""},
		{"lead-in with a colon", "Tell your friends about it:\n", "Tell your friends about it:", ""},
		{"two stubs", "Pools and parks in winter\n\nback to the front page\n", "Pools and parks in winter", ""},
		{"closing note in brackets", "(Reporting by Ann Example; editing by Bo Sample)\n", "", "(Reporting by Ann Example; editing by Bo Sample)"},
		{"closing sentence with an emoji", "See you at the pool! 🙂\n", "", "See you at the pool!"},
		{"longer link line", "Pictures from the opening night of the pools in the old town\n",
			"Pictures from the opening night of the pools", ""},
		{"hard-wrapped closing lines", "The board said that it will publish the repair figures and the costs for both pools on its website next week, as well\nas the new timetable of the courses\n",
			"", "as the new timetable of the courses"},
		{"sentence introducing a quotation", "The mayor posted a short note about the vote on the evening of the meeting:\n",
			"", "The mayor posted a short note about the vote on the evening of the meeting:"},
	})
}

// TestTrailingBox checks that a short heading over one short paragraph at
// the end of the body leaves it, and that a numbered section and a closing
// section of some length stay.
func TestTrailingBox(t *testing.T) {
	closing := "The club expects the first lessons in the repaired pool to start in February, once the heating has run for a full week without a fault and the inspectors have signed off on the work."
	checkTails(t, []tailCase{
		{"contact box", "Your contact\n\nQuestions about the pools? Our office is glad to hear from you.\n",
			"Questions about the pools? Our office is glad to hear from you.", ""},
		{"numbered section", "7. Opening hours\n\nThe pools open at seven on weekdays.\n", "", "The pools open at seven on weekdays."},
		{"closing section", "What happens next\n\n" + closing + "\n", "", closing},
	})
}
