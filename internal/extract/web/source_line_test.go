package web

import (
	"slices"
	"testing"
)

// TestHTMLSourceLines checks that a line that only names a source or a
// picture's credit leaves the body, and that lines that look alike but
// are text stay: a sentence after the label, a label over a list, a
// word that is no credit label.
func TestHTMLSourceLines(t *testing.T) {
	tests := []struct {
		name    string
		line    string
		dropped bool
	}{
		{name: "source", line: "Source: City Council", dropped: true},
		{name: "picture credit", line: "Photo: Jane Doe / Town Archive", dropped: true},
		{name: "source with a date, in brackets", line: "(Quelle: Stadtverwaltung, 2. März 2022, Kassel)", dropped: true},
		{name: "two-word label", line: "Crédits photos : Agence Locale", dropped: true},
		{name: "a sentence after the label", line: "Source: the treasurer. She said the repairs would be paid from the reserve fund."},
		{name: "a label over a list", line: "Sources:"},
		{name: "not a credit label", line: "Opening hours: 7 to 21"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body := htmlPoolStoryAround(t, "<p>"+tc.line+"</p>")
			if kept := slices.Contains(body, tc.line); kept == tc.dropped {
				t.Errorf("line %q kept = %v, want %v; got %q", tc.line, kept, !tc.dropped, body)
			}
		})
	}
}
