package web

import (
	"slices"
	"strings"
	"testing"
)

// TestHTMLImageCaptions checks that a caption printed in a box beside its
// picture, without <figure>, leaves the body, and that text the rule must
// not take stays: prose around an inline image, a line that introduces
// the picture below it, a gallery of pictures over their texts, a quoted
// picture and its quote.
func TestHTMLImageCaptions(t *testing.T) {
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
		{name: "a gallery", middle: strings.Repeat(`<div class="pic">`+img+`<span>`+caption+`</span></div><p>`+htmlPoolStory[5]+`</p>`, 3), kept: []string{caption}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body := htmlPoolStoryAround(t, tc.middle)
			for _, p := range tc.kept {
				if !slices.Contains(body, p) {
					t.Errorf("body lost %q; got %q", p, body)
				}
			}
			for _, s := range tc.dropped {
				if slices.Contains(body, s) {
					t.Errorf("body kept the caption %q", s)
				}
			}
		})
	}
}
