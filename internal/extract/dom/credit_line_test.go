package dom

import "testing"

// TestCreditLineClosingCopyright checks that a caption ending with a
// credit after a copyright sign is a credit line, and that text with a
// sentence after the sign, or no sign, is not.
func TestCreditLineClosingCopyright(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"The new ski lift above the village at sunrise. © Alpine Press / Jane Roe", true},
		{"How to clear the path before the morning frost© Jane Doe/photos-example.org", true},
		{"© Agency", true},
		{"The picture shows the new lift. © 2024 The operators say the lift will open in spring. More soon.", false},
		{"The new ski lift above the village at sunrise, seen from the valley road", false},
		{"Prices start at 20 euros © which the operator calls fair!", false},
	}
	for _, tc := range tests {
		b := &Block{Text: tc.text, Chars: len([]rune(tc.text))}
		if got := creditLine(b); got != tc.want {
			t.Errorf("creditLine(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
