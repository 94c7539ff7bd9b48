package web

import (
	"slices"
	"testing"
)

// TestHTMLCommentLogin checks that a comment form's sign-in prompt inside
// the body leaves it with the short sign-in line beside it, while a
// how-to's step about signing in stays.
func TestHTMLCommentLogin(t *testing.T) {
	tests := []struct {
		name    string
		middle  string
		lines   []string
		dropped bool
	}{
		{
			name:    "prompt and status line",
			middle:  `<p>You are not logged in.</p><p>Please log in to leave a comment.</p>`,
			lines:   []string{"You are not logged in.", "Please log in to leave a comment."},
			dropped: true,
		},
		{
			name:    "German prompt",
			middle:  `<p>Du musst eingeloggt sein, um Kommentare zu schreiben.</p>`,
			lines:   []string{"Du musst eingeloggt sein, um Kommentare zu schreiben."},
			dropped: true,
		},
		{
			name:   "a step about signing in",
			middle: `<p>Sign in to the booking page with your library card number.</p>`,
			lines:  []string{"Sign in to the booking page with your library card number."},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body := htmlPoolStoryAround(t, tc.middle)
			for _, line := range tc.lines {
				if kept := slices.Contains(body, line); kept == tc.dropped {
					t.Errorf("line %q kept = %v, want %v; got %q", line, kept, !tc.dropped, body)
				}
			}
		})
	}
}
