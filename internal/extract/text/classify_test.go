package text

import (
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
)

// TestRepeatedLines checks that a short line printed twice (a gallery
// caption) is dropped while a repeated long paragraph stays in the body.
func TestRepeatedLines(t *testing.T) {
	para := "The committee met on Tuesday to weigh the plan, and after a long debate about the costs of the new bridge over the river it decided that the work would start in the spring, once the last of the permits had been granted by the county."
	caption := "A view of the old bridge from the river bank"
	tests := []struct {
		name     string
		dump     string
		line     string
		wantKept int
	}{
		{"long paragraph repeated back to back", "Bridge plan approved\n\n" + para + "\n" + para + "\n\n" + para + "\n", para, 3},
		{"short caption repeated back to back", "Bridge plan approved\n\n" + para + "\n\n" + caption + "\n" + caption + "\n\n" + para + " It will take two years.\n", caption, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(&article.Dump{Body: []byte(tc.dump)})
			if x.Err != nil {
				t.Fatalf("Extract: %v", x.Err)
			}
			kept := 0
			for _, p := range x.Paragraphs {
				if strings.Contains(p, tc.line) {
					kept++
				}
			}
			if kept != tc.wantKept {
				t.Errorf("line kept %d times, want %d; paragraphs %q", kept, tc.wantKept, x.Paragraphs)
			}
		})
	}
}
