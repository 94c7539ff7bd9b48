package extract

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
			x := Extract(&article.Dump{Body: []byte(dump)})
			if x.Err != nil {
				t.Fatalf("Extract: %v", x.Err)
			}
			body := strings.Join(x.Paragraphs, "\n")
			if !strings.Contains(body, "The cost is shared") {
				t.Fatalf("body lost the article: %q", x.Paragraphs)
			}
			if tc.wantGone != "" && strings.Contains(body, tc.wantGone) {
				t.Errorf("body keeps %q: %q", tc.wantGone, x.Paragraphs)
			}
			if tc.wantKept != "" && !strings.Contains(body, tc.wantKept) {
				t.Errorf("body lost %q: %q", tc.wantKept, x.Paragraphs)
			}
		})
	}
}
