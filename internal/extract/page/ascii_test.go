package page

import (
	"strings"
	"testing"
)

func TestIsASCII(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"", true},
		{"abc", true},
		{"abcdefgh", true},
		{"abcdefgh\x7f", true},
		{"abcdefgh\x80", false},
		{"\x80abcdefgh", false},
		{"abcdéfgh", false},
		{strings.Repeat("x", 63) + "\xff", false},
	} {
		if got := IsASCII(tc.in); got != tc.want {
			t.Errorf("IsASCII(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
