package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/extract/page"
)

// SponsorCues open a sponsor credit.
var SponsorCues = []string{
	"sponsored content from", "advertiser content from", "brought to you by", "in partnership with",
	"paid content by", "patrocinado por", "präsentiert von", "in collaborazione con", "sponsored by",
	"presented by", "paid for by", "promoted by", "sponsors:", "sponsor:",
}

// parseSponsor returns the sponsor named by a credit line: "Sponsor:
// QWIKET: Elevate your game!" → "QWIKET", "Sponsored by Acme Bank." →
// "Acme Bank".
func parseSponsor(s string) (string, bool) {
	lower := page.FoldLower(s)
	for _, c := range SponsorCues {
		i := strings.Index(lower, c)
		if i < 0 || !page.BoundaryBefore(lower, i) {
			continue
		}
		// Mid-line, only the phrasing of a sponsor notice counts ("This
		// newsletter is brought to you by"); "sponsored by" inside a
		// sentence is news, not a credit.
		if i > 0 && (i > 40 || c != "brought to you by" && c != "in partnership with") {
			continue
		}
		// page.FoldLower keeps byte offsets for ASCII; map back conservatively.
		if len(lower) != len(s) {
			j := strings.Index(strings.ToLower(s), c)
			if j < 0 {
				continue
			}
			i = j
		}
		return sponsorName(s[i+len(c):])
	}
	return "", false
}

// sponsorName cuts the name off the slogan that often follows it.
func sponsorName(rest string) (string, bool) {
	rest = strings.TrimLeft(rest, " :-–—")
	end := len(rest)
	for _, sep := range []string{": ", ":", " - ", " – ", " — ", " | ", ". ", "! ", ", ", " (", "!"} {
		if i := strings.Index(rest, sep); i > 0 && i < end {
			end = i
		}
	}
	name := strings.TrimSpace(strings.TrimRight(rest[:end], ".!:,;"))
	if name == "" || len(strings.Fields(name)) > 6 {
		return "", false
	}
	r, _ := utf8.DecodeRuneInString(name)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return "", false
	}
	return name, true
}
