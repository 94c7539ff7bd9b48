package text

import (
	"strings"
	"testing"
)

// An article long enough for the tail rules to apply: seven paragraphs.
var teaserTestArticle = strings.Join([]string{
	"Residents gathered on Tuesday evening outside the town hall to hear whether the two heated pools would stay open through the winter, as the council had promised in the spring.",
	"Councillors voted later that night, twelve against three, to keep both pools open. Repairs to the heating begin in January, and weekend hours grow longer afterwards, officials said.",
	"The cost is shared between the town and a regional fund for sports grounds, which this year for the first time also supports pools in small towns.",
	"Residents who spoke at the meetings said the pool was the only place in the district where children could learn to swim in winter, and that the next nearest was an hour away by bus.",
	"A spokesperson for the swimming club said its members were delighted and would help to raise money for the repairs with a sponsored swim in the spring.",
	"Members who had argued for the closure said the repairs would cost more than the budget allows, but agreed to revisit the figures at the next meeting in March.",
	"The vote was twelve to three. The three members who voted against said they would ask the auditor to look at the repair estimates before the work begins.",
}, "\n\n") + "\n\n"

// TestTeaserRun checks that a run of other stories' headlines after the
// article ends the body, with the author's blurb under it, and that an
// article's own list, introduced by a colon, stays.
func TestTeaserRun(t *testing.T) {
	blurb := "Ann Example has written about the town's schools, pools and parks for twenty years. Before she joined the paper she taught geography at the grammar school for a decade and still coaches its rowing team."
	checkTails(t, []tailCase{
		{"headlines and a blurb",
			"Why The Library Now Opens On Sundays\n\nHow the new bus line to the harbour works\n\nWhat the market square will look like with trees\n\nFive bakeries worth the walk across the bridge\n\nThe ferry timetable changes again in May\n\nAbout the author\n\n" + blurb + "\n",
			blurb, ""},
		{"headlines with cut teasers",
			"The harbour festival returns\n\nAfter two years away, the stalls and the boats are back on the quay…\n\nA new head for the grammar school\n\nThe governors chose a teacher from the town, who starts in…\n\nMarket hall reopens after repairs\n\nThe roof is fixed and the traders are…\n",
			"The roof is fixed and the traders are…", ""},
		{"sentence teasers under a related heading",
			"Related articles\n\nThe harbour festival returns after two years, with stalls and boats on the quay.\n\nThe governors chose a teacher from the town as the new head of the grammar school.\n\nThe market hall reopens after repairs, and the traders are back.\n",
			"The market hall reopens after repairs", ""},
		{"a short closing sentence stays",
			"Update: this story was corrected on Monday.\n\nWhy The Library Now Opens On Sundays\n\nHow the new bus line to the harbour works\n\nWhat the market square will look like with trees\n\nFive bakeries worth the walk across the bridge\n\nThe ferry timetable changes again in May\n",
			"The ferry timetable changes again in May", "Update: this story was corrected on Monday."},
		{"the article's own list",
			"The council also agreed on these changes to the opening hours:\n\nMonday to Friday from seven in the morning\n\nSaturday from eight until late evening\n\nSunday from nine until six in the afternoon\n\nPublic holidays from ten until four\n\nSchool holidays with extra morning lanes\n",
			"", "Public holidays from ten until four"},
	})
}

// TestFinalIsland checks that a paragraph left alone at the end of the
// body behind a box of links and a share bar leaves the body, and that the
// article's last paragraph after a single caption stays.
func TestFinalIsland(t *testing.T) {
	pitch := "Our newsroom is funded by its readers, and every contribution, however small, helps us to keep reporting on the town council, the schools and the courts for everyone who lives here."
	last := "The swimming club expects the first lessons in the repaired pool to start in February, once the heating has run for a full week without a fault and the inspectors have signed off."
	checkTails(t, []tailCase{
		{"pitch behind furniture", "Related articles\n\nRead more\n\nSupport us\n\n" + pitch + "\n", pitch, ""},
		{"last paragraph after a caption", "The old pool in 1972. Photo: Town archive\n\n" + last + "\n", "", last},
	})
}

// tailCase is a tail printed under teaserTestArticle, a line it must take
// out of the body and a line it must leave in it ("" for none).
type tailCase struct {
	name, tail, wantGone, wantKept string
}

// checkTails extracts the test article with each tail under it.
func checkTails(t *testing.T, cases []tailCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dump := "Menu\nNews\n\nPools stay open all winter\n\nBy Ann Example\n\n" + teaserTestArticle + tc.tail
			checkTextBody(t, dump, "The vote was twelve to three.", tc.wantGone, tc.wantKept)
		})
	}
}
