package text

import (
	"unicode"

	"github.com/pressroom/pressroom/internal/extract/credit"
)

// titleCase capitalises each word of a line printed in capitals, as
// credit does for names.
func titleCase(s string) string { return credit.TitleCase(s) }

// wordCount counts the space-separated words of s (credit.WordCount).
func wordCount(s string) int { return credit.WordCount(s) }

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}
