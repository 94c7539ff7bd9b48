package web

import (
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
)

// TestHTMLTeaserListAfterArticle checks that teasers alternating with a
// repeated source label after the article are dropped, and that an
// article whose paragraphs are not interleaved with a label keeps them.
func TestHTMLTeaserListAfterArticle(t *testing.T) {
	paras := htmlPoolStory
	teasers := []string{
		"A new bakery opens on the high street after a year of delays, and its owners say the queue on the first morning went round the block.",
		"The library will stay open late on Thursdays from next month, the first change to its hours in a decade.",
		"Volunteers planted three hundred trees along the river path at the weekend, finishing a project that began two years ago.",
	}
	var b strings.Builder
	b.WriteString("<html><body><article><h1>Council keeps the pool open</h1>")
	for _, p := range paras {
		b.WriteString("<p>" + p + "</p>")
	}
	for _, s := range teasers {
		b.WriteString("<p>" + s + "</p><p>Town Crier Daily</p>")
	}
	b.WriteString("</article></body></html>")
	x := Extract(&article.Dump{Body: []byte(b.String()), ContentType: "text/html"})
	if x.Err != nil {
		t.Fatalf("Extract: %v", x.Err)
	}
	body := strings.Join(x.Paragraphs, "\n")
	for _, p := range paras {
		if !strings.Contains(body, p) {
			t.Errorf("body lost %q", p[:40])
		}
	}
	for _, s := range teasers {
		if strings.Contains(body, s) {
			t.Errorf("body kept the teaser %q", s[:40])
		}
	}
}

// TestHTMLSlideshowInArticle checks that a numbered slideshow inside an
// article is dropped, with its captions, and that the article's text on
// both sides of it stays.
func TestHTMLSlideshowInArticle(t *testing.T) {
	before := []string{
		"The council voted on Tuesday to keep the public pool open through the winter, reversing a decision it made in the spring after residents packed three meetings to object to the closure.",
		"The pool will now close for two weeks in January for repairs to its heating system, the council said, and reopen with longer hours on weekends and a new class for beginners.",
		"Members who had argued for the closure said the repairs would cost more than the budget allows, but agreed to revisit the figures at the next meeting in March.",
		"Residents who spoke at the meetings said the pool was the only place in the district where children could learn to swim in winter, and that the next nearest was an hour away by bus.",
		"The vote was twelve to three. The three members who voted against said they would ask the auditor to look at the repair estimates before the work begins.",
		"The swimming club, which has trained there since the pool opened forty years ago, had offered to pay for part of the repairs if the council kept the pool open.",
	}
	after := "A spokesperson for the swimming club said its members were delighted and would help to raise money for the repairs with a sponsored swim in the spring."
	var b strings.Builder
	b.WriteString("<html><body><article><h1>Council keeps the pool open</h1>")
	for _, p := range before {
		b.WriteString("<p>" + p + "</p>")
	}
	for k, s := range []string{"Bakery opens", "Library hours", "Trees planted", "Bridge repaired"} {
		b.WriteString("<div>" + string(rune('1'+k)) + "/4 " + s + "</div><p>The caption of this picture tells another story from the week in a long sentence of its own.</p><div>Photo Agency</div>")
	}
	b.WriteString("<p>" + after + "</p></article></body></html>")
	x := Extract(&article.Dump{Body: []byte(b.String()), ContentType: "text/html"})
	if x.Err != nil {
		t.Fatalf("Extract: %v", x.Err)
	}
	body := strings.Join(x.Paragraphs, "\n")
	for _, p := range append(before, after) {
		if !strings.Contains(body, p) {
			t.Errorf("body lost %q", p[:40])
		}
	}
	for _, s := range []string{"Bakery opens", "Trees planted", "The caption of this picture"} {
		if strings.Contains(body, s) {
			t.Errorf("body kept the slideshow's %q: %q", s, x.Paragraphs)
		}
	}
}

func TestSlideNumber(t *testing.T) {
	tests := []struct {
		in   string
		k, n int
		ok   bool
	}{
		{"1/50 United going down", 1, 50, true},
		{"12 of 30 Summer in the park", 12, 30, true},
		{"3 / 9", 3, 9, true},
		{"24/7 news", 0, 0, false}, // 24 > 7
		{"1/2cup of flour", 0, 0, false},
		{"2019/20 season", 0, 0, false},
	}
	for _, tc := range tests {
		k, n, ok := slideNumber(tc.in)
		if k != tc.k || n != tc.n || ok != tc.ok {
			t.Errorf("slideNumber(%q) = %d, %d, %v, want %d, %d, %v", tc.in, k, n, ok, tc.k, tc.n, tc.ok)
		}
	}
}
