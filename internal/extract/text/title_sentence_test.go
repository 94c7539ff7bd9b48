package text

import (
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
)

// TestParagraphSentenceNoHeadline checks that a page printed without a
// headline does not have its first paragraph taken for one (and so lose
// it from the body), while a short headline that keeps its full stop is
// still a headline.
func TestParagraphSentenceNoHeadline(t *testing.T) {
	// Few function words: the stop-word evidence of prose is weak.
	first := "Residents, councillors, lifeguards and swimmers gathered Tuesday evening outside City Hall demanding answers regarding pool closures, heating repairs, budgets, schedules."
	rest := "Councillors voted later that night, twelve against three, keeping both heated pools open through winter. Repairs begin January; weekend hours grow longer afterwards, officials said, adding beginner classes."
	tests := []struct {
		name      string
		dump      string
		wantTitle string
	}{
		{"no headline", "Menu\nNews\n\n" + first + "\n\n \n\n" + rest + "\n", ""},
		{"short headline with a full stop", "Menu\nNews\n\nThe pool stays open.\n\n" + first + "\n\n" + rest + "\n", "The pool stays open."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(&article.Dump{Body: []byte(tc.dump)})
			if x.Err != nil {
				t.Fatalf("Extract: %v", x.Err)
			}
			if x.Metadata.Title != tc.wantTitle {
				t.Errorf("title %q, want %q", x.Metadata.Title, tc.wantTitle)
			}
			if body := strings.Join(x.Paragraphs, "\n"); !strings.Contains(body, first) {
				t.Errorf("body lost the first paragraph: %q", x.Paragraphs)
			}
		})
	}
}
