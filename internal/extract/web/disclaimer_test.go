package web

import (
	"slices"
	"testing"
)

// TestHTMLDisclaimers checks that a short legal notice printed in the body
// leaves it, while a paragraph of the story that discusses warranties, and
// a short line that only mentions affiliates, stay.
func TestHTMLDisclaimers(t *testing.T) {
	tests := []struct {
		name    string
		line    string
		dropped bool
	}{
		{name: "no warranty, in German", line: "(Alle Preise ohne Gewähr)", dropped: true},
		{name: "opinions, in French", line: "Les tribunes publiées ici n’engagent que leurs auteurs.", dropped: true},
		{name: "affiliate links", line: "This page contains affiliate links: we may earn a small share of a purchase.", dropped: true},
		{name: "a paragraph about warranties", line: "The contractor said the heating system had been installed without a proper survey and that the " +
			"warranty had lapsed, so the council will pay for the repairs itself; the estimates do not necessarily reflect the final cost, he added, " +
			"and that was the main reason several members wanted to delay the vote until an independent engineer had looked at it."},
		{name: "a short line naming affiliates", line: "The club and its affiliates will run the sponsored swim."},
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
