package web

import (
	"testing"

	"github.com/pressroom/pressroom/internal/article"
)

// TestRepeatedBlocksHTML is TestRepeatedLines for the HTML front-end:
// identical neighbouring blocks are kept once unless they are long prose.
func TestRepeatedBlocksHTML(t *testing.T) {
	para := "The committee met on Tuesday to weigh the plan, and after a long debate about the costs of the new bridge over the river it decided that the work would start in the spring, once the last of the permits had been granted by the county."
	short := "The bridge will open in two years, and the old ferry across the river will keep running until then."
	page := func(p string) string {
		return "<html><body><article><h1>Bridge plan approved</h1><p>" + para + " It was a close vote.</p><p>" + p + "</p><p>" + p + "</p></article></body></html>"
	}
	tests := []struct {
		name     string
		repeated string
		wantKept int
	}{
		{"long paragraph repeated", para, 2},
		{"short sentence repeated", short, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(&article.Dump{ContentType: "text/html", Body: []byte(page(tc.repeated))})
			if x.Err != nil {
				t.Fatalf("Extract: %v", x.Err)
			}
			kept := 0
			for _, p := range x.Paragraphs {
				if p == tc.repeated {
					kept++
				}
			}
			if kept != tc.wantKept {
				t.Errorf("block kept %d times, want %d; paragraphs %q", kept, tc.wantKept, x.Paragraphs)
			}
		})
	}
}
