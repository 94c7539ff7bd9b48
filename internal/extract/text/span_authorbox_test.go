package text

import "testing"

// TestAuthorBox checks that the credited author's box set between the
// article's paragraphs (the name alone, a role, the outlet) leaves the
// body while the paragraphs under it stay, and that a paragraph opening
// with the author's name stays.
func TestAuthorBox(t *testing.T) {
	first := "Residents gathered on Tuesday evening outside the town hall to hear whether the two heated pools would stay open through the winter, as the council had promised in the spring."
	rest := "Councillors voted later that night, twelve against three, to keep both pools open. Repairs to the heating begin in January, and weekend hours grow longer afterwards, officials said.\n\n" +
		"The cost is shared between the town and a regional fund for sports grounds, which this year for the first time also supports pools in small towns.\n\n" +
		"Residents who spoke at the meetings said the pool was the only place in the district where children could learn to swim in winter, and that the next nearest was an hour away by bus.\n"
	mention := "Ann Example, who has swum there since she was a child, asked the council to publish the repair estimates before the vote."
	tests := []struct {
		name, box, gone, kept string
	}{
		{"box", "Ann Example\n\nReporter for the town desk.\n\nThe Valley Courier\n", "Reporter for the town desk.", "Councillors voted later that night"},
		{"paragraph naming the author", mention + "\n", "", mention},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dump := "Menu\nNews\n\nPools stay open all winter\n\nBy Ann Example\n\n" + first + "\n\n" + tc.box + "\n" + rest
			checkTextBody(t, dump, "The cost is shared", tc.gone, tc.kept)
		})
	}
}
