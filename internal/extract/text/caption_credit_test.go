package text

import "testing"

// TestCreditedCaptions checks that a caption closed by its picture's
// credit or opened by a figure's label leaves the body, and that prose
// with a parenthesis stays.
func TestCreditedCaptions(t *testing.T) {
	tests := []struct {
		name     string
		caption  string
		wantGone bool
	}{
		{"copyright sign", "The old pool on its opening day in 1972. © Town Archive / A. Person", true},
		{"credit label in parentheses", "Swimmers queue at the gate before the first lesson (Foto: A. Person/Example Agency)", true},
		{"figure label", "Abbildung 4: Die Lawine am Nordhang, zwei Tage nach dem Schneefall.", true},
		{"prose with a parenthesis", "The council will publish the repair estimates on its website before the meeting in March (the auditor has asked for them).", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dump := "Menu\nNews\n\nPools stay open all winter\n\nBy Ann Example\n\n" +
				"Residents gathered on Tuesday evening outside the town hall to hear whether the two heated pools would stay open through the winter, as the council had promised in the spring.\n\n" +
				tc.caption + "\n\n" +
				"Councillors voted later that night, twelve against three, to keep both pools open. Repairs to the heating begin in January, and weekend hours grow longer afterwards, officials said.\n\n" +
				"The cost is shared between the town and a regional fund for sports grounds, which this year for the first time also supports pools in small towns.\n"
			gone, kept := "", tc.caption
			if tc.wantGone {
				gone, kept = tc.caption, ""
			}
			checkTextBody(t, dump, "The cost is shared", gone, kept)
		})
	}
}
