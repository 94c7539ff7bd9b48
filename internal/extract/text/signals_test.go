package text

import (
	"net/url"
	"testing"

	"github.com/pressroom/pressroom/internal/extract/page"
)

func TestShareCommand(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Print This Article", true},
		{"Share it with your friends", true},
		{"Facebook Twitter", true},
		{"Teilen per Mail", true},
		{"Liked it? Share it with a friend!", true},
		{"Share prices fell sharply.", false},               // a sentence
		{"Email", false},                                    // one word: the vocabulary's own
		{"Print media lost readers in every region", false}, // too long for a button
		{"What a match!", false},
	}
	for _, tt := range tests {
		b := block{text: tt.in, lower: page.FoldLower(tt.in)}
		measure(&b)
		if got := isShareCommand(&b); got != tt.want {
			t.Errorf("isShareCommand(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestOwnSitePromos(t *testing.T) {
	u, _ := url.Parse("https://www.valley-courier.example/news/pool-stays-open")
	tests := []struct {
		in   string
		want bool
	}{
		{"Also on valley-courier.example Council approves the new bus timetable", true},
		{"More from valley-courier.example: the ten best walks in the valley", true},
		{"Read it at https://valley-courier.example/news/bus-timetable today", false},  // an address
		{"Readers told valley-courier.example that the pool should stay open.", false}, // a sentence
		{"valley-courier.example", false},
	}
	for _, tt := range tests {
		doc := &document{url: u, blocks: []block{{text: tt.in, lower: page.FoldLower(tt.in)}}}
		measure(&doc.blocks[0])
		markOwnSitePromos(doc)
		if got := doc.blocks[0].label == labelRelated; got != tt.want {
			t.Errorf("%q: own-site promo = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestRepeatedInBody(t *testing.T) {
	lines := []string{"Player label shown above each video", "Council keeps the pool open", "First paragraph.",
		"Second paragraph.", "Player label shown above each video", "Third paragraph."}
	doc := &document{bodyStart: 2, bodyEnd: 6}
	for _, l := range lines {
		doc.blocks = append(doc.blocks, block{text: l, lower: page.FoldLower(l)})
	}
	if !repeatedInBody(doc, 0) {
		t.Error("a line printed again inside the body is not reported")
	}
	if repeatedInBody(doc, 1) {
		t.Error("the headline is reported")
	}
}
