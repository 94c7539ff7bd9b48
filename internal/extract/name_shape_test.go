package extract

import (
	"testing"

	"github.com/pressroom/pressroom/internal/extract/datetime"
)

// TestNameShapes checks the name tests for a month used as a middle name
// and for contractions, which are capitalised words but no names.
func TestNameShapes(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Laura June Example", true},
		{"Anna April Beispiel", true},
		{"June Example", false}, // a month first: "June 2019"-like lines
		{"Example June", false}, // and last
		{"I'm Nicolas", false},
		{"It’s Friday", false},
		{"Dan O'Example", true},
		{"Ann D’Example", true},
	}
	for _, tc := range tests {
		if got := isPersonName(tc.in); got != tc.want {
			t.Errorf("isPersonName(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
	m, ok := parseByline("by Laura June Example July 10, 2015", datetime.Context{})
	if !ok || len(m.authors) != 1 || m.authors[0] != "Laura June Example" {
		t.Errorf("parseByline with a middle name June = %+v, %v", m, ok)
	}
}
