package web

import (
	"testing"
)

// TestHTMLConsentPlaceholders checks that the notice a page prints where
// an embed waits for consent leaves the body with its label, while a
// paragraph of the story about privacy, and a short subheading before it,
// stay.
func TestHTMLConsentPlaceholders(t *testing.T) {
	tests := []htmlLinesCase{
		{
			name: "embed notice in English with its label",
			html: `<div>External video</div><div>To protect your privacy we have not loaded this content from YouTube. ` +
				`Give your consent in the settings below to watch it here.</div>`,
			lines:   []string{"External video", "To protect your privacy we have not loaded this content from YouTube. Give your consent in the settings below to watch it here."},
			dropped: true,
		},
		{
			name: "embed notice in German under a heading",
			html: `<h2>Instagram anzeigen</h2><div>Zum Schutz Ihrer Privatsphäre laden wir Inhalte von Instagram erst ` +
				`mit Ihrer Einwilligung. Sie können sie in den Einstellungen jederzeit widerrufen.</div>`,
			lines:   []string{"Instagram anzeigen", "Zum Schutz Ihrer Privatsphäre laden wir Inhalte von Instagram erst mit Ihrer Einwilligung. Sie können sie in den Einstellungen jederzeit widerrufen."},
			dropped: true,
		},
		{
			name: "the story's own paragraph on privacy",
			html: `<h3>Cameras</h3><p>Residents raised privacy concerns about the new cameras at the entrance, and the council ` +
				`said it would ask the data protection officer before any footage is shared with the police or posted on Facebook.</p>`,
			lines: []string{"Cameras", "Residents raised privacy concerns about the new cameras at the entrance, and the council said it would ask the data protection officer before any footage is shared with the police or posted on Facebook."},
		},
	}
	runHTMLLinesCases(t, tests, htmlPoolStoryAround)
}
