package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
)

// TestHTMLImageCaptions checks that a caption printed in a box beside its
// picture, without <figure>, leaves the body, and that text the rule must
// not take stays: prose around an inline image, a line that introduces
// the picture below it, a gallery of pictures over their texts, a quoted
// picture and its quote.
func TestHTMLImageCaptions(t *testing.T) {
	story := htmlPoolStory
	caption := "The pool's heating plant, which the repairs will replace this winter."
	img := `<img src="/img/pool.jpg" alt="">`
	tests := []struct {
		name    string
		middle  string
		kept    []string
		dropped []string
	}{
		{name: "caption in a span beside the picture", middle: `<div class="pic">` + img + `<span>` + caption + `</span></div>`, dropped: []string{caption}},
		{name: "caption under a linked picture, with its credit", middle: `<div class="box"><a href="/img/1">` + img + `</a><p class="text"><span class="credit">Town Archive</span> ` + caption + `</p></div>`,
			dropped: []string{"Town Archive " + caption}},
		{name: "prose around an inline picture", middle: `<p><em>` + img + caption + `</em></p>`, kept: []string{caption}},
		{name: "a line above the picture", middle: `<div>` + caption + img + `</div>`, kept: []string{caption}},
		{name: "a quoted picture and its quote", middle: `<blockquote><p>` + img + `</p><p>` + caption + `</p></blockquote>`, kept: []string{caption}},
		{name: "a gallery", middle: strings.Repeat(`<div class="pic">`+img+`<span>`+caption+`</span></div><p>`+story[5]+`</p>`, 3), kept: []string{caption}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := "<html><body><article><h1>Council keeps the pool open</h1><p>" + strings.Join(story[:3], "</p><p>") + "</p>" +
				tc.middle + "<p>" + strings.Join(story[3:], "</p><p>") + "</p></article></body></html>"
			x := Extract(&article.Dump{Body: []byte(page), ContentType: "text/html"})
			if x.Err != nil {
				t.Fatalf("Extract: %v", x.Err)
			}
			for _, p := range slices.Concat(story, tc.kept) {
				if !slices.Contains(x.Paragraphs, p) {
					t.Errorf("body lost %q; got %q", p, x.Paragraphs)
				}
			}
			for _, s := range tc.dropped {
				if slices.Contains(x.Paragraphs, s) {
					t.Errorf("body kept the caption %q", s)
				}
			}
		})
	}
}
