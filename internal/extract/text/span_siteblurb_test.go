package text

import (
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
)

// TestSiteBlurb checks that a closing paragraph opening with the site's
// name, as its host spells it, leaves the body, and that it stays when the
// article is about the site itself or when no URL is known.
func TestSiteBlurb(t *testing.T) {
	blurb := "Valley Courier is the independent weekly of the three towns on the river since 1921."
	about := "Valley Courier has reported on the three towns on the river since 1921, and its readers fund it."
	subject := strings.Join([]string{
		"Valley Courier will be printed in colour from next month, the paper's owners said on Tuesday, after the old press at the harbour was replaced.",
		"The new press, bought second-hand from a city daily, prints Valley Courier in half the time and lets the paper close its pages an hour later.",
		"Staff at Valley Courier said the change would let them cover evening council meetings in the next morning's edition for the first time.",
		"Subscribers will not pay more, the owners said, because the savings on paper and ink cover the cost of the press within four years.",
	}, "\n\n") + "\n\n"
	tests := []struct {
		name, url, article, tail, gone, kept string
	}{
		{"blurb", "https://www.valley-courier.example/news/pools", teaserTestArticle, blurb, blurb, ""},
		{"no URL", "", teaserTestArticle, blurb, "", blurb},
		{"the site is the subject", "https://www.valley-courier.example/news/press", subject, about, "", about},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dump := "Menu\nNews\n\nPools stay open all winter\n\nBy Ann Example\n\n" + tc.article + tc.tail + "\n"
			x := Extract(&article.Dump{URL: tc.url, Body: []byte(dump)})
			if x.Err != nil {
				t.Fatalf("Extract: %v", x.Err)
			}
			body := strings.Join(x.Paragraphs, "\n")
			if tc.gone != "" && strings.Contains(body, tc.gone) {
				t.Errorf("body keeps %q: %q", tc.gone, x.Paragraphs)
			}
			if tc.kept != "" && !strings.Contains(body, tc.kept) {
				t.Errorf("body lost %q: %q", tc.kept, x.Paragraphs)
			}
		})
	}
}
