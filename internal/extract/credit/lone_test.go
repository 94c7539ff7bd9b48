package credit

import "testing"

// TestCutUpdateCue: a publication or update cue is cut only at the end of
// the line, after a space, in any language and case, with the word that
// qualifies it ("last", "zuletzt").
func TestCutUpdateCue(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Ann Lee Last updated", "Ann Lee"},
		{"Ann Lee updated", "Ann Lee"},
		{"ANN LEE UPDATED", "ANN LEE"},
		{"Ann Lee Posted  \t", "Ann Lee"},
		{"Ann Lee Veröffentlicht", "Ann Lee"},
		{"Anna Berg zuletzt aktualisiert", "Anna Berg"},
		{"Anne Roux mis à jour", "Anne Roux"},
		{"Anne Roux dernière modifié", "Anne Roux"},
		{"Ann Lee updated the page", "Ann Lee updated the page"},
		{"Ann Lee reposted", "Ann Lee reposted"},
		{"Updated", "Updated"},
		{" updated", " updated"},
		{"Ann Lee", "Ann Lee"},
		{"", ""},
	} {
		if got := cutUpdateCue(tt.in); got != tt.want {
			t.Errorf("cutUpdateCue(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
