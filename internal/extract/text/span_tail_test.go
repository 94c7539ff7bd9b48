package text

import (
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
)

// TestTrailingList checks that a short heading over teaser titles at the
// end of the article leaves the body, while an article's own closing list
// of longer items stays.
func TestTrailingList(t *testing.T) {
	article1 := "Residents gathered on Tuesday evening outside the town hall to hear whether the two heated pools would stay open through the winter, as the council had promised in the spring.\n\n" +
		"Councillors voted later that night, twelve against three, to keep both pools open. Repairs to the heating begin in January, and weekend hours grow longer afterwards, officials said.\n\n" +
		"The cost is shared between the town and a regional fund for sports grounds, which this year for the first time also supports pools in small towns.\n\n"
	tests := []struct {
		name     string
		tail     string
		wantGone string // a line that must not be in the body, or ""
		wantKept string // a line that must stay in the body, or ""
	}{
		{"teasers under a heading", "Our picks for the weekend …\n\nWhy the library now opens its doors on Sundays\n\nHow the new bus line to the harbour works for you\n\nWhat the market square will look like with its trees\n",
			"How the new bus line to the harbour works for you", ""},
		{"closing list of the article", "What the council decided:\n\nBoth pools stay open every day of the week through the coming winter months\n\nRepairs to the old heating system start in the first week of January\n",
			"", "Repairs to the old heating system start in the first week of January"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dump := "Menu\nNews\n\nPools stay open all winter\n\nBy Ann Example\n\n" + article1 + tc.tail
			checkTextBody(t, dump, "The cost is shared", tc.wantGone, tc.wantKept)
		})
	}
}

// TestTextAppendix checks that a short label ending with a colon under
// the article, over a few short lines, leaves the body with them, and
// that a label over a paragraph of prose stays.
func TestTextAppendix(t *testing.T) {
	article1 := "Residents gathered on Tuesday evening outside the town hall to hear whether the two heated pools would stay open through the winter, as the council had promised in the spring.\n\n" +
		"Councillors voted later that night, twelve against three, to keep both pools open. Repairs to the heating begin in January, and weekend hours grow longer afterwards, officials said.\n\n" +
		"The cost is shared between the town and a regional fund for sports grounds, which this year for the first time also supports pools in small towns.\n\n" +
		"Residents who spoke at the meetings said the pool was the only place in the district where children could learn to swim in winter, and that the next nearest was an hour away by bus.\n\n" +
		"A spokesperson for the swimming club said its members were delighted and would help to raise money for the repairs with a sponsored swim in the spring.\n\n" +
		"Members who had argued for the closure said the repairs would cost more than the budget allows, but agreed to revisit the figures at the next meeting in March.\n\n" +
		"The vote was twelve to three. The three members who voted against said they would ask the auditor to look at the repair estimates before the work begins.\n\n"
	prose := "The club's chair said the sponsored swim would start at the old harbour in April, and that every member, from the youngest beginners to the veterans who have swum there for fifty years, had promised to take part and to ask their neighbours for support."
	tests := []struct {
		name     string
		tail     string
		wantGone string
		wantKept string
	}{
		{"contact box", "Press contact:\n\nTown hall, room twelve.\n\nOpen on weekdays from nine.\n", "Town hall, room twelve.", ""},
		{"label over prose", "What comes next:\n\n" + prose + "\n", "", prose},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dump := "Menu\nNews\n\nPools stay open all winter\n\nBy Ann Example\n\n" + article1 + tc.tail
			checkTextBody(t, dump, "The vote was twelve to three.", tc.wantGone, tc.wantKept)
		})
	}
}

// checkTextBody extracts dump and checks that its body holds must and
// kept (when set) and not gone (when set).
func checkTextBody(t *testing.T, dump, must, gone, kept string) {
	t.Helper()
	x := Extract(&article.Dump{Body: []byte(dump)})
	if x.Err != nil {
		t.Fatalf("Extract: %v", x.Err)
	}
	body := strings.Join(x.Paragraphs, "\n")
	if !strings.Contains(body, must) {
		t.Fatalf("body lost the article: %q", x.Paragraphs)
	}
	if gone != "" && strings.Contains(body, gone) {
		t.Errorf("body keeps %q: %q", gone, x.Paragraphs)
	}
	if kept != "" && !strings.Contains(body, kept) {
		t.Errorf("body lost %q: %q", kept, x.Paragraphs)
	}
}
