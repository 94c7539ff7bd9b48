package text

import (
	"testing"

	"github.com/pressroom/pressroom/internal/extract/page"
)

func TestVocabularyLabel(t *testing.T) {
	tests := []struct {
		in   string
		want label
	}{
		{"Share", labelShare},
		{"Share on Facebook Share on Twitter", labelShare},
		{"SHARE THIS ARTICLE", labelShare},
		{"Related Articles", labelRelated},
		{"Read more: Why prices rose", labelRelated},
		{"Most Popular", labelRelated},
		{"Comments", labelComments},
		{"View Comments (12)", labelComments},
		{"Sign up for our daily newsletter", labelNewsletter},
		{"© 2019 Example Media Inc. All rights reserved.", labelFooter},
		{"Privacy Policy", labelFooter},
		{"Advertisement", labelAd},
		{"Continue Reading Below", labelAd},
		{"Photo: Jane Doe, AP", labelCaption},
		{"Image copyright Getty Images", labelCaption},
		{"Firefighters at the scene on Monday. Jane Doe/AP", labelCaption},
		{"Tags: politics, trade", labelFooter},
		{"Home", labelNav},
		{"5 min read", labelCounter},
		{"Sponsored by Acme", labelSponsor},
		{"Click here to get the app", labelFollow},
		// Prose that mentions the words stays unlabelled.
		{"The company said it would share the results with regulators next week, after the review.", labelNone},
		{"Readers left more than 300 comments on the original post, most of them critical of the decision to close.", labelNone},
		{"Homeowners in the area said the new policy would raise their costs considerably.", labelNone},
	}
	for _, tt := range tests {
		b := block{text: tt.in, lower: page.FoldLower(tt.in)}
		measure(&b)
		if got, _ := vocabularyLabel(&b); got != tt.want {
			t.Errorf("vocabularyLabel(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestPhraseSetBoundaries(t *testing.T) {
	ps := page.NewPhraseSet([]page.Phrase{
		{Text: "share", Kind: page.VShare, Mode: page.ModeWhole},
		{Text: "read more", Kind: page.VRelated, Mode: page.ModePrefix},
		{Text: "cookie", Kind: page.VLegal, Mode: page.ModeAny},
	})
	tests := []struct {
		in              string
		any, prefix, wh page.VocabKind
	}{
		{"share", page.VShare, page.VShare, page.VShare},
		{"share:", page.VShare, page.VShare, page.VShare},
		{"shares", 0, 0, 0},
		{"read more about it", page.VRelated, page.VRelated, 0},
		{"please read more", 0, 0, 0},
		{"we use cookies", 0, 0, 0},
		{"a cookie policy", page.VLegal, 0, 0},
		{"", 0, 0, 0},
	}
	for _, tt := range tests {
		h := ps.Scan(tt.in)
		if h.Any != tt.any || h.Prefix != tt.prefix || h.Whole != tt.wh {
			t.Errorf("scan(%q) = any %b prefix %b whole %b, want %b %b %b", tt.in, h.Any, h.Prefix, h.Whole, tt.any, tt.prefix, tt.wh)
		}
	}
}

func TestFoldLower(t *testing.T) {
	tests := map[string]string{
		"Don’t Miss": "don't miss",
		"ÉTÉ – Été":  "été - été",
		"plain":      "plain",
		"“Quoted”":   "\"quoted\"",
		"MIXED Case": "mixed case",
	}
	for in, want := range tests {
		if got := page.FoldLower(in); got != want {
			t.Errorf("foldLower(%q) = %q, want %q", in, got, want)
		}
	}
}
