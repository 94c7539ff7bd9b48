package web

import (
	"strings"
	"unicode/utf8"
)

// htmlH1Within returns the visible <h1> that a metadata title wraps with
// something more: a section label or a site name before or after it
// ("Chronik: <h1>", "<h1> - Site", "<h1> (Site)"). The page prints the
// headline alone; the extra words are the template's. The <h1> must be
// headline-sized (three words or 16 characters) so that a site name or a
// section printed as <h1> is not taken; the longest such <h1> wins.
func htmlH1Within(t string, h1 []string) string {
	nt := htmlNormTitle(t)
	best := ""
	for _, h := range h1 {
		nh := htmlNormTitle(h)
		if nh == nt || len(nh) >= len(nt) || utf8.RuneCountInString(nh) < 16 && len(strings.Fields(nh)) < 3 {
			continue
		}
		var rest string
		switch {
		case strings.HasPrefix(nt, nh):
			rest = nt[len(nh):]
		case strings.HasSuffix(nt, nh):
			rest = nt[:len(nt)-len(nh)]
		default:
			continue
		}
		// The headline ends or starts at a word boundary.
		if rest[0] != ' ' && rest[len(rest)-1] != ' ' && !strings.ContainsAny(rest[:1]+rest[len(rest)-1:], ":|-»«()[]·/") {
			continue
		}
		// "Opinion | …", "… | Editorial": one word set off by a bar is a
		// rubric that news publishers keep in the headline they state.
		if label := strings.TrimSpace(strings.Trim(strings.TrimSpace(rest), "|")); strings.Contains(rest, "|") &&
			!strings.ContainsAny(label, " |") {
			continue
		}
		if len(h) > len(best) {
			best = h
		}
	}
	return best
}
