package text

import (
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
)

// TestPreformattedListing checks that a code listing in the middle of a
// text dump (indented, as innerText prints a <pre>) does not cut the
// article in two: the prose after it stays in the body, with the listing.
func TestPreformattedListing(t *testing.T) {
	intro := "Writing a parser by hand is less work than it sounds, and the result is easier to debug than the output of a generator. The first step is a function that reads one token at a time from the input and tells the caller what kind of token it found."
	outro := "The loop above stops at the first character that is not part of a word, which is all the tokenizer has to know about the grammar. The next article in this series turns those tokens into a tree, and shows how the same loop handles quoted strings and comments."
	listing := func(indent string) string {
		var lines []string
		for _, f := range []string{"next", "skip", "peek"} {
			lines = append(lines, "func "+f+"(s string) (string, string) {", indent+"i := 0", indent+"for i < len(s) && isWord(s[i]) {",
				indent+indent+"i++", indent+"}", indent+"return s[:i], s[i:]", "}")
		}
		return strings.Join(lines, "\n")
	}
	page := func(body string) string {
		return "Home\nArticles\nAbout\n\nWriting a tokenizer by hand\n\nBy Jane Example\n\n" + intro + "\n\n" + body + "\n\n" + outro + "\n\nShare this article\nComments\n"
	}
	tests := []struct {
		name       string
		dump       string
		wantOutro  bool
		wantInBody string
	}{
		{"indented listing", page(listing("    ")), true, "return s[:i], s[i:]"},
		{"prose only", page("It takes a string and returns the word at its start and the rest."), true, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(&article.Dump{Body: []byte(tc.dump)})
			if x.Err != nil {
				t.Fatalf("Extract: %v", x.Err)
			}
			body := strings.Join(x.Paragraphs, "\n")
			if !strings.Contains(body, intro) {
				t.Errorf("body lost the paragraph before the listing: %q", x.Paragraphs)
			}
			if got := strings.Contains(body, outro); got != tc.wantOutro {
				t.Errorf("paragraph after the listing in body = %v, want %v: %q", got, tc.wantOutro, x.Paragraphs)
			}
			if tc.wantInBody != "" && !strings.Contains(body, tc.wantInBody) {
				t.Errorf("body lacks the listing line %q: %q", tc.wantInBody, x.Paragraphs)
			}
		})
	}
}

// TestUnrenderedMarkupNotPreformatted checks that an HTML page that reached
// the text front-end unrendered (it starts with a tag) is not taken for a
// listing because its author indented it.
func TestUnrenderedMarkupNotPreformatted(t *testing.T) {
	var b strings.Builder
	b.WriteString("<style>\n")
	for i := 0; i < 6; i++ {
		b.WriteString("  .box {\n    margin: 0;\n  }\n")
	}
	b.WriteString("</style>\n")
	bs, err := segment(b.String(), MaxLines)
	if err != nil {
		t.Fatal(err)
	}
	if in := preformattedRuns(bs); in != nil {
		t.Errorf("preformattedRuns = %v, want none", in)
	}
	bs, err = segment("Intro.\n"+b.String(), MaxLines)
	if err != nil {
		t.Fatal(err)
	}
	if in := preformattedRuns(bs); in == nil || !in[3] {
		t.Errorf("preformattedRuns after a line of text = %v, want the indented run", in)
	}
}

// TestPreformattedWrappedText checks that a plain-text document quoted
// verbatim (hard-wrapped, indented) is read as text: a wrapped line that
// happens to start like page furniture ("reply to …") does not end the
// body there.
func TestPreformattedWrappedText(t *testing.T) {
	para := []string{
		"   A relay that receives a message it cannot deliver MUST keep it",
		"   for at least one day and SHOULD try again every hour. When the",
		"   message is finally returned, the relay MUST send a notice to the",
		"   sender and a copy to the postmaster of its own domain.",
	}
	wrapped := []string{
		"   Clients that receive such a notice SHOULD show it to the user and",
		"   reply to the relay with an acknowledgement, so that the relay can",
		"   remove the message from its queue and free the space it used for",
		"   the copy it kept while the delivery was being attempted again.",
	}
	after := []string{
		"   A relay MAY refuse a message that is larger than its configured",
		"   limit. In that case it MUST say so in its first reply, before the",
		"   client sends the body, so that the client can try another relay",
		"   or split the message into parts that each fit within the limit.",
	}
	dump := "Relay behaviour for undeliverable messages\n\n" + strings.Join(para, "\n") + "\n\n" + strings.Join(wrapped, "\n") + "\n\n" +
		strings.Join(after, "\n") + "\n"
	x := Extract(&article.Dump{Body: []byte(dump)})
	if x.Err != nil {
		t.Fatalf("Extract: %v", x.Err)
	}
	body := strings.Join(x.Paragraphs, "\n")
	for _, l := range append(append(para, wrapped...), after...) {
		if !strings.Contains(body, strings.TrimSpace(l)) {
			t.Errorf("body lacks %q: %q", strings.TrimSpace(l), x.Paragraphs)
		}
	}
}
