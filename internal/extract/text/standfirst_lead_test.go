package text

import (
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
)

// TestLeadParagraph checks that a dek of two sentences opens the body when
// no credit follows it (it leads into the story), and stays out of the
// body when the credit block goes on under it (it summarises the story).
func TestLeadParagraph(t *testing.T) {
	body := "The water board set out a plan on Tuesday under which both indoor pools stay open all winter. The heating will be repaired in January, and the courses start again afterwards.\n\n" +
		"The council agreed that evening by twelve votes to three. At weekends the pools are to open for longer, the board's spokeswoman said, and there will be new courses for beginners.\n\n" +
		"Most of the cost is borne by the town, and the rest comes from the regional fund for sports grounds, which this year for the first time also supports pools in small towns.\n"
	dek := "For weeks the closure of both pools was on the table. Now the council has decided that they stay open through the winter."
	tests := []struct {
		name, header, wantFirst string
	}{
		{"under the headline, the date under it", "Pools stay open\n\n" + dek + "\n\n12 March 2024\n\n", dek},
		{"straight into the story", "Pools stay open\n\n" + dek + "\n\n", dek},
		{"the credit under it", "Pools stay open\n\n" + dek + "\n\nBy Ann Example\n12 March 2024\n\n", "The water board set out"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dump := "Home\nLocal\n\n" + tc.header + body
			x := Extract(&article.Dump{Body: []byte(dump)})
			if x.Err != nil {
				t.Fatalf("Extract: %v", x.Err)
			}
			if len(x.Paragraphs) == 0 || !strings.HasPrefix(x.Paragraphs[0], tc.wantFirst) {
				t.Errorf("body starts %q, want %q", x.Paragraphs, tc.wantFirst)
			}
		})
	}
}
