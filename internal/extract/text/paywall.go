package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/extract/page"
)

// The paywall detector itself is vocabulary (page.VPaywall in page/boilerplate.go):
// "verify access", "already a subscriber", "to read the full story". This
// file reads who the wall, or a syndication notice, says the article
// belongs to.

// PublisherCues precede the name of the original publisher.
var PublisherCues = []struct {
	Cue      string
	paywall  bool // only meaningful inside a subscription prompt
	stopAt   string
	priority int
}{
	{Cue: "all of ", paywall: true, priority: 3},
	{Cue: "originally published by ", priority: 3},
	{Cue: "originally published on ", priority: 3},
	{Cue: "originally published in ", priority: 3},
	{Cue: "originally published at ", priority: 3},
	{Cue: "originally appeared on ", priority: 3},
	{Cue: "originally appeared in ", priority: 3},
	{Cue: "first appeared on ", priority: 2},
	{Cue: "first appeared in ", priority: 2},
	{Cue: "first published by ", priority: 2},
	{Cue: "republished from ", priority: 2},
	{Cue: "reprinted with permission from ", priority: 2},
	{Cue: "log into your ", paywall: true, stopAt: " account", priority: 1},
	{Cue: "log in to your ", paywall: true, stopAt: " account", priority: 1},
	{Cue: "sign in to your ", paywall: true, stopAt: " account", priority: 1},
	{Cue: "subscribe to ", paywall: true, priority: 1},
}

// publisherIn returns the publisher a paywall or syndication line names,
// with a priority (higher is more explicit); ok is false when it names none.
func publisherIn(s string, isPaywall bool) (name string, priority int, ok bool) {
	lower := page.FoldLower(s)
	if len(lower) != len(s) {
		// Offsets only line up for ASCII-compatible folding; fall back to
		// plain lowercasing, which keeps lengths for the languages we read.
		lower = strings.ToLower(s)
		if len(lower) != len(s) {
			return "", 0, false
		}
	}
	for _, pc := range PublisherCues {
		if pc.paywall && !isPaywall {
			continue
		}
		i := strings.Index(lower, pc.Cue)
		if i < 0 {
			continue
		}
		rest := s[i+len(pc.Cue):]
		if pc.stopAt != "" {
			j := strings.Index(strings.ToLower(rest), pc.stopAt)
			if j <= 0 {
				continue
			}
			rest = rest[:j]
		}
		if n := properName(rest); n != "" && priority < pc.priority {
			name, priority, ok = n, pc.priority, true
		}
	}
	return name, priority, ok
}

// properName takes the capitalised words at the start of s: "The Times?
// Subscribe." → "The Times".
func properName(s string) string {
	words := strings.Fields(s)
	var out []string
	for _, w := range words {
		clean := strings.TrimRight(w, ".,;:!?)\"'”’")
		r, _ := utf8.DecodeRuneInString(clean)
		lw := strings.ToLower(clean)
		switch {
		case clean == "":
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			out = append(out, clean)
		case len(out) > 0 && (lw == "of" || lw == "the" || lw == "and" || lw == "&" || lw == "de"):
			out = append(out, clean)
			continue
		default:
			return trimConnectors(out)
		}
		if clean != w || len(out) >= 6 {
			return trimConnectors(out)
		}
	}
	return trimConnectors(out)
}

func trimConnectors(ws []string) string {
	for len(ws) > 0 {
		switch strings.ToLower(ws[len(ws)-1]) {
		case "of", "the", "and", "&", "de":
			ws = ws[:len(ws)-1]
			continue
		}
		break
	}
	return strings.Join(ws, " ")
}
