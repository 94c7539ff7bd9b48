package text

import (
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
)

// TestCodeAtMargin checks that a console session printed at the margin
// (no indentation left by innerText) does not cut the article in two, and
// that a menu of plain words is no code.
func TestCodeAtMargin(t *testing.T) {
	intro := "Default values in a function's signature are evaluated once, when the function is defined, and not each time it is called. That surprises many people who come from other languages, and it shows best in a short session at the prompt."
	middle := "Each call appends to the same list, because the default is one object shared by every call that does not pass its own. The list grows for as long as the program runs, which is rarely what the author of the function had in mind."
	outro := "The usual fix is a default of None and a new list made inside the function when no list was passed. It costs one line, and the function then behaves the same on its first call and on its hundredth, which is what its callers expect."
	session := func(n int) string {
		var lines []string
		for i := 0; i < n; i++ {
			lines = append(lines, ">>> grow()", "['x'"+strings.Repeat(", 'x'", i)+"]")
		}
		return strings.Join(lines, "\n")
	}
	dump := "Home\nArticles\nAbout\n\nThe shared default\n\nBy Jane Example\n\n" + intro + "\n\n" +
		">>> def grow(items=[]):\n...     items.append('x')\n...     return items\n\n" + session(4) + "\n\n" + middle + "\n\n" +
		session(5) + "\n\n>>> grow.__defaults__\n(['x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x'],)\n\n" + outro + "\n\nShare this article\nComments\n"
	x := Extract(&article.Dump{Body: []byte(dump)})
	if x.Err != nil {
		t.Fatalf("Extract: %v", x.Err)
	}
	body := strings.Join(x.Paragraphs, "\n")
	for _, want := range []string{intro, middle, outro} {
		if !strings.Contains(body, want) {
			t.Errorf("body lost %.40q…: %q", want, x.Paragraphs)
		}
	}
	for _, tc := range []struct {
		line string
		want bool
	}{
		{">>> grow()", true},
		{"client.connect((host, port))", true},
		{"['x', 'x']", true},
		{"Home", false},
		{"News and Sport", false},
		{"The list grows for as long as the program runs (which is rarely wanted).", false},
	} {
		b := block{text: tc.line}
		measure(&b)
		if got := codeLine(&b); got != tc.want {
			t.Errorf("codeLine(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}
