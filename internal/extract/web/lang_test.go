package web

import (
	"testing"

	"github.com/pressroom/pressroom/internal/extract/extracttest"
)

// TestGuessLanguage: the HTML front-end guesses with the same lists and
// rules as the text front-end (text.TestLanguage), from the paragraphs.
func TestGuessLanguage(t *testing.T) {
	for _, tt := range extracttest.LanguageSamples {
		if got := htmlGuessLanguage([]string{tt.Text, tt.Text}); got != tt.Lang {
			t.Errorf("htmlGuessLanguage(%.30q…) = %q, want %q", tt.Text, got, tt.Lang)
		}
	}
}
