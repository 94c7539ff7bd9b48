package web

import (
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
)

// TestHTMLAppendixAfterArticle checks that a short label ending with a
// colon under the article, followed by a few short lines, leaves the body
// with them, and that a label followed by a paragraph of prose stays; a
// short heading goes with the lines under it unless one is a sentence.
func TestHTMLAppendixAfterArticle(t *testing.T) {
	paras := []string{
		"The town library will open on Sundays from next month, the first change to its hours in a decade, after a survey found that most readers could only come at the weekend.",
		"Two librarians and a group of volunteers will staff the Sunday hours, and the children's room will hold a reading hour every week at eleven, the library's director said.",
		"The extra hours cost less than the council had feared, because the heating and the lights are already on for the cleaning staff who work there on Sunday mornings.",
		"Readers who answered the survey also asked for more newspapers from the region and for a quiet room for students, which the director said she would consider next year.",
		"The council approved the change without a vote. Its chair said the library was one of the few places in town where people of every age still met one another.",
		"Sunday visitors will be able to borrow and return books at the new machines by the door, which the library bought last year with a grant from the regional arts fund.",
		"A local bookshop offered to lend the library its reading chairs for the first month, and the school next door will send its pupils to the first reading hour.",
	}
	prose := "The director said the library would also lend board games from the spring, and that the volunteers who staff the Sunday hours, from students to retired teachers who have read there for fifty years, had offered to run a games evening once a month."
	tests := []struct {
		name     string
		tail     []string
		wantGone []string
		wantKept []string
	}{
		{"contact box", []string{"Press contact:", "Ann Example, town hall, room 12", "Phone 555 0100"},
			[]string{"Press contact:", "Phone 555 0100"}, nil},
		{"label over prose", []string{"What comes next:", prose}, nil, []string{"What comes next:", prose}},
		// A tail item starting with "<" is written as it is.
		{"heading over names", []string{"<h3>About the club</h3>", "Town Readers Club, every second Tuesday in the library hall from seven in the evening",
			"Ann Example and John Example, who founded the club in the spring of 1990 with six friends"},
			[]string{"About the club", "Town Readers Club", "Ann Example"}, nil},
		{"heading over a sentence", []string{"<h3>Plans for the autumn</h3>", "The librarians hope to add a second reading hour for older pupils."},
			nil, []string{"Plans for the autumn", "The librarians hope to add a second reading hour for older pupils."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString("<html><body><article><h1>Library opens on Sundays</h1>")
			for _, p := range append(append([]string{}, paras...), tc.tail...) {
				if !strings.HasPrefix(p, "<") {
					p = "<p>" + p + "</p>"
				}
				b.WriteString(p)
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
