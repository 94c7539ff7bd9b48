package text

import (
	"strings"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// headlineOfTrail is the headline a breadcrumb trail ends with, when the
// trail was printed on the headline's own line ("Home » Sport » Wie Musik
// dich schneller macht", "Forum>iPhone>Kein Netz seit dem Update"): the
// steps before it are the site's sections, not the title. A trail counts
// when it starts at the front page or joins three or more steps with
// arrows; every step before the last is a short section name.
func headlineOfTrail(s string) string {
	for _, sep := range trailSeps {
		n := strings.Count(s, sep)
		if n == 0 {
			continue
		}
		steps := strings.Split(s, sep)
		first := strings.ToLower(strings.TrimSpace(steps[0]))
		arrow := strings.TrimSpace(sep) != "/" && strings.TrimSpace(sep) != "|"
		if !lexicon.HomeSteps[first] && !(arrow && n >= 2) {
			continue
		}
		last := strings.TrimSpace(steps[n])
		if len(strings.Fields(last)) < 2 {
			return s
		}
		for _, st := range steps[:n] {
			st = strings.TrimSpace(st)
			if st == "" || len(strings.Fields(st)) > 3 || utf8.RuneCountInString(st) > 30 {
				return s
			}
		}
		return last
	}
	return s
}

// trailSeps join a trail's steps: spaced, or arrows glued to the words.
var trailSeps = []string{" › ", " > ", " » ", " → ", " / ", ">", "›", "→"}

// closeSpaceBeforePunct removes the space innerText leaves before a comma
// or a colon where the words before it were an element of their own
// ("Abrechnung : Musik-Stars …", "Rioja , Spanien"). French sets a space
// before its colon by rule, so there the colon keeps it.
func closeSpaceBeforePunct(s, lang string) string {
	if strings.Contains(s, " ,") {
		s = strings.ReplaceAll(s, " ,", ",")
	}
	if lang != "fr" && strings.Contains(s, " :") {
		s = strings.ReplaceAll(s, " : ", ": ")
	}
	return s
}
