package web

import (
	"slices"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
)

// htmlPoolStory is the article the HTML front-end's table tests put
// before what they test: six paragraphs of prose, over a thousand
// characters (an article's worth for the rules that end it).
var htmlPoolStory = []string{
	"The council voted on Tuesday to keep the public pool open through the winter, reversing a decision it made in the spring after residents packed three meetings to object to the closure.",
	"The pool will now close for two weeks in January for repairs to its heating system, the council said, and reopen with longer hours on weekends and a new class for beginners.",
	"Members who had argued for the closure said the repairs would cost more than the budget allows, but agreed to revisit the figures at the next meeting in March.",
	"Residents who spoke at the meetings said the pool was the only place in the district where children could learn to swim in winter, and that the next nearest was an hour away by bus.",
	"The vote was twelve to three. The three members who voted against said they would ask the auditor to look at the repair estimates before the work begins.",
	"A spokesperson for the swimming club said its members were delighted and would help to raise money for the repairs with a sponsored swim in the spring.",
}

// htmlPoolStoryAround extracts htmlPoolStory printed in an <article> with
// middle between its third and fourth paragraphs, fails t when the
// story's own paragraphs do not all come out, and returns the body.
func htmlPoolStoryAround(t *testing.T, middle string) []string {
	t.Helper()
	story := htmlPoolStory
	page := "<html><body><article><h1>Council keeps the pool open</h1><p>" + strings.Join(story[:3], "</p><p>") + "</p>" +
		middle + "<p>" + strings.Join(story[3:], "</p><p>") + "</p></article></body></html>"
	x := Extract(&article.Dump{Body: []byte(page), ContentType: "text/html"})
	if x.Err != nil {
		t.Fatalf("Extract: %v", x.Err)
	}
	for _, p := range story {
		if !slices.Contains(x.Paragraphs, p) {
			t.Errorf("body lost %q; got %q", p, x.Paragraphs)
		}
	}
	return x.Paragraphs
}

// htmlPoolStoryThen extracts htmlPoolStory printed in an <article> with
// after below it, and returns the body.
func htmlPoolStoryThen(t *testing.T, after string) []string {
	t.Helper()
	page := "<html><body><article><h1>Council keeps the pool open</h1><p>" + strings.Join(htmlPoolStory, "</p><p>") + "</p>" +
		after + "</article></body></html>"
	x := Extract(&article.Dump{Body: []byte(page), ContentType: "text/html"})
	if x.Err != nil {
		t.Fatalf("Extract: %v", x.Err)
	}
	return x.Paragraphs
}

// htmlLinesCase is a table case of the rules that drop lines: html goes
// into a page around htmlPoolStory, and each of lines must leave the body
// when dropped is set, and stay otherwise.
type htmlLinesCase struct {
	name    string
	html    string
	lines   []string
	dropped bool
}

// runHTMLLinesCases runs the cases, page building each one's body
// (htmlPoolStoryAround, htmlPoolStoryThen).
func runHTMLLinesCases(t *testing.T, tests []htmlLinesCase, page func(*testing.T, string) []string) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body := page(t, tc.html)
			for _, line := range tc.lines {
				if kept := slices.Contains(body, line); kept == tc.dropped {
					t.Errorf("line %q kept = %v, want %v; got %q", line, kept, !tc.dropped, body)
				}
			}
		})
	}
}

// htmlPoolMore continues htmlPoolStory: four more paragraphs of prose.
var htmlPoolMore = []string{
	"Parents at the meeting asked whether the beginners' class would be free, and the council said it would set the price after the repairs.",
	"The heating system was installed in 1987 and has broken down twice in the past three winters, leaving the water too cold for lessons.",
	"A petition to keep the pool open collected more than four thousand signatures in a month, the largest the council has received.",
	"The auditor is expected to report on the repair estimates before the end of February, a week before the work is due to start.",
}
