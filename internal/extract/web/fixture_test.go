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
