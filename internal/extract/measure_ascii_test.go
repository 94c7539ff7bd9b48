package extract

import (
	"strings"
	"testing"
)

// TestMeasureASCIILines covers the whole-line lowering of ASCII lines:
// lengths around the eight-byte steps, the bytes next to 'A' and 'Z', and
// lines with one byte beyond ASCII at either end.
func TestMeasureASCIILines(t *testing.T) {
	for _, text := range []string{
		"A",
		"AbCdEfG",
		"AbCdEfGh",
		"AbCdEfGhI",
		"@AZ[`az{ \x7f ~ THE The tHe",
		"ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 !\"#$%&'()*+,-./:;<=>?",
		strings.Repeat("The Council VOTED on Tuesday, officials said. ", 30),
		"é The Council",
		"The Council é",
		"\x00\x01 THE \x1f",
	} {
		checkMeasure(t, text)
	}
}

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
		if got := isASCII(tc.in); got != tc.want {
			t.Errorf("isASCII(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
