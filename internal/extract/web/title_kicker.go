package web

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// htmlH1EndsWith reports whether a visible <h1> prints title t after a
// kicker set in an element of its own: "Tunesien Große Aufgaben …",
// "Abstandsregeln und Fieberkontrollen : Wie Firmen …" for the stated
// title "Große Aufgaben …", "Wie Firmen …". innerText joins the kicker's
// element to the headline's with a bare space, which leaves no punctuation
// at the seam or a space before the colon. A headline written "Topic:
// statement" has its colon glued to the topic and is the headline whole.
func htmlH1EndsWith(t string, h1 []string) bool {
	nt := htmlKickerNorm(t)
	if utf8.RuneCountInString(nt) < 16 && len(strings.Fields(nt)) < 3 {
		return false
	}
	for _, h := range h1 {
		nh := htmlKickerNorm(h)
		if len(nh) <= len(nt)+1 || !strings.HasSuffix(nh, nt) || nh[len(nh)-len(nt)-1] != ' ' {
			continue
		}
		kicker := nh[:len(nh)-len(nt)-1]
		last, _ := utf8.DecodeLastRuneInString(kicker)
		seam := unicode.IsLetter(last) || unicode.IsDigit(last) || strings.HasSuffix(kicker, " :")
		if n := len(strings.Fields(strings.TrimSuffix(kicker, " :"))); seam && n >= 1 && n <= htmlKickerWords {
			return true
		}
	}
	return false
}

// htmlKickerNorm is htmlNormTitle without folding the space before a
// colon, which is the seam htmlH1EndsWith looks for.
func htmlKickerNorm(s string) string {
	return strings.Join(strings.Fields(htmlTitleFolds.Replace(strings.ToLower(s))), " ")
}

// htmlKickerWords: a kicker is a topic of a few words, not a sentence.
const htmlKickerWords = 5

// htmlTitleBeforeBars is the headline of a <title> that bars join to
// shorter names ("Headline | Blog name", "Headline | Section | Forum"),
// when nothing on the page names the site: the first part, headline-shaped
// and at least as long as every other part.
func htmlTitleBeforeBars(t string) string {
	parts := strings.Split(t, " | ")
	if len(parts) < 2 {
		return t
	}
	head := strings.TrimSpace(parts[0])
	if len(strings.Fields(head)) < 3 {
		return t
	}
	for _, p := range parts[1:] {
		if utf8.RuneCountInString(strings.TrimSpace(p)) > utf8.RuneCountInString(head) {
			return t
		}
	}
	return head
}
