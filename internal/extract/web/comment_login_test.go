package web

import (
	"testing"
)

// TestHTMLCommentLogin checks that a comment form's sign-in prompt inside
// the body leaves it with the short sign-in line beside it, while a
// how-to's step about signing in stays.
func TestHTMLCommentLogin(t *testing.T) {
	tests := []htmlLinesCase{
		{
			name:    "prompt and status line",
			html:    `<p>You are not logged in.</p><p>Please log in to leave a comment.</p>`,
			lines:   []string{"You are not logged in.", "Please log in to leave a comment."},
			dropped: true,
		},
		{
			name:    "German prompt",
			html:    `<p>Du musst eingeloggt sein, um Kommentare zu schreiben.</p>`,
			lines:   []string{"Du musst eingeloggt sein, um Kommentare zu schreiben."},
			dropped: true,
		},
		{
			name:  "a step about signing in",
			html:  `<p>Sign in to the booking page with your library card number.</p>`,
			lines: []string{"Sign in to the booking page with your library card number."},
		},
	}
	runHTMLLinesCases(t, tests, htmlPoolStoryAround)
}
