package extract

import (
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
)

// TestHTMLAppendixAfterArticle checks that a short label ending with a
// colon under the article, followed by a few short lines, leaves the body
// with them, and that a label followed by a paragraph of prose stays.
func TestHTMLAppendixAfterArticle(t *testing.T) {
	paras := []string{
		"The council voted on Tuesday to keep the public pool open through the winter, reversing a decision it made in the spring after residents packed three meetings to object to the closure.",
		"The pool will now close for two weeks in January for repairs to its heating system, the council said, and reopen with longer hours on weekends and a new class for beginners.",
		"Members who had argued for the closure said the repairs would cost more than the budget allows, but agreed to revisit the figures at the next meeting in March.",
		"Residents who spoke at the meetings said the pool was the only place in the district where children could learn to swim in winter, and that the next nearest was an hour away by bus.",
		"The vote was twelve to three. The three members who voted against said they would ask the auditor to look at the repair estimates before the work begins.",
		"A spokesperson for the swimming club said its members were delighted and would help to raise money for the repairs with a sponsored swim in the spring.",
	}
	prose := "The club's chair said the sponsored swim would start at the old harbour in April, and that every member, from the youngest beginners to the veterans who have swum there for fifty years, had promised to take part and to ask their neighbours for support."
	tests := []struct {
		name     string
		tail     []string
		wantGone []string
		wantKept []string
	}{
		{"contact box", []string{"Press contact:", "Ann Example, town hall, room 12", "Phone 555 0100"},
			[]string{"Press contact:", "Phone 555 0100"}, nil},
		{"label over prose", []string{"What comes next:", prose}, nil, []string{"What comes next:", prose}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString("<html><body><article><h1>Council keeps the pool open</h1>")
			for _, p := range append(append([]string{}, paras...), tc.tail...) {
				b.WriteString("<p>" + p + "</p>")
			}
			b.WriteString("</article></body></html>")
			x := Extract(&article.Dump{Body: []byte(b.String()), ContentType: "text/html"})
			if x.Err != nil {
				t.Fatalf("Extract: %v", x.Err)
			}
			body := strings.Join(x.Paragraphs, "\n")
			for _, p := range append(append([]string{}, paras...), tc.wantKept...) {
				if !strings.Contains(body, p) {
					t.Errorf("body lost %q", p)
				}
			}
			for _, s := range tc.wantGone {
				if strings.Contains(body, s) {
					t.Errorf("body kept %q", s)
				}
			}
		})
	}
}
