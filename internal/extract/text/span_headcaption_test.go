package text

import (
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
)

// TestHeaderCaption checks that a line that is no sentence, right under
// the credit and the date and over the first paragraph, leaves the body
// (a picture's caption), while a short section heading, a caption closing
// with a credit label and a first paragraph stay.
func TestHeaderCaption(t *testing.T) {
	body := "The water board set out a plan on Tuesday under which both indoor pools stay open all winter. The heating will be repaired in January, and the courses start again afterwards.\n\n" +
		"The council agreed that evening by twelve votes to three. At weekends the pools are to open for longer, the board's spokeswoman said, and there will be new courses for beginners.\n\n" +
		"Most of the cost is borne by the town, and the rest comes from the regional fund for sports grounds, which this year for the first time also supports pools in small towns.\n"
	tests := []struct {
		name, line string
		gone       bool
	}{
		{"caption", "Swimmers in the old pool on the last evening before the repairs", true},
		{"section heading", "The plan (water board)", false},
		{"caption with its credit", "Swimmers in the old pool on the last evening. Source: Town archive", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dump := "Home\nLocal\n\nPools stay open all winter\n\nBy Ann Example\n12 March 2024\n\n" + tc.line + "\n\n" + body
			x := Extract(&article.Dump{Body: []byte(dump)})
			if x.Err != nil {
				t.Fatalf("Extract: %v", x.Err)
			}
			got := strings.Join(x.Paragraphs, "\n")
			if !strings.Contains(got, "The council agreed") {
				t.Fatalf("body lost the article: %q", x.Paragraphs)
			}
			if strings.Contains(got, tc.line) == tc.gone {
				t.Errorf("line %q in body = %v, want %v: %q", tc.line, !tc.gone, !tc.gone, x.Paragraphs)
			}
		})
	}
}
