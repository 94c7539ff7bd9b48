package text

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
