package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// datelineSeparators end the place in a dateline, in the order tried.
var datelineSeparators = []string{" — ", " – ", " -- ", " - ", "—", "–", ": "}

// parseDateline reads the dateline that opens a wire story and returns the
// place: "WASHINGTON (AP) — " → "Washington", "SPRINGFIELD, Ohio – " →
// "Springfield, Ohio", "MUMBAI: " → "Mumbai", "Peoria, Ill. — " →
// "Peoria, Ill.". Mixed-case places need a dash or an agency in
// parentheses, because "However: " is not a place.
func parseDateline(s string) (string, bool) {
	head := s
	if len(head) > 90 {
		head = head[:90]
	}
	sepAt, sepLen := -1, 0
	for _, sep := range datelineSeparators {
		if i := strings.Index(head, sep); i > 0 && (sepAt < 0 || i < sepAt) {
			sepAt, sepLen = i, len(sep)
		}
	}
	agencyAt := strings.IndexByte(head, '(')
	closeAt := strings.IndexByte(head, ')')
	hasAgency := agencyAt > 0 && closeAt > agencyAt && closeAt-agencyAt < 40 && (sepAt < 0 || agencyAt < sepAt)
	end := sepAt
	if hasAgency {
		end = agencyAt
	}
	if end <= 0 {
		return "", false
	}
	// Something must follow the dateline.
	after := ""
	if hasAgency {
		after = strings.TrimLeft(head[closeAt+1:], " —–-:")
	} else {
		after = head[sepAt+sepLen:]
	}
	if strings.TrimSpace(after) == "" {
		return "", false
	}
	place := strings.TrimSpace(head[:end])
	words := strings.Fields(place)
	if len(words) == 0 || len(words) > 6 {
		return "", false
	}
	for _, r := range place {
		if !unicode.IsLetter(r) && r != ' ' && r != ',' && r != '.' && r != '\'' && r != '-' && r != '’' {
			return "", false
		}
	}
	first, _ := utf8.DecodeRuneInString(place)
	if !unicode.IsUpper(first) {
		return "", false
	}
	city := place
	if i := strings.IndexByte(place, ','); i > 0 {
		city = place[:i]
	}
	isColon := !hasAgency && strings.HasPrefix(head[sepAt:], ":")
	if !allCaps(city) {
		for _, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsUpper(r) && !lexicon.NameParticle(strings.ToLower(w)) {
				return "", false
			}
		}
		if isColon && !strings.Contains(place, ",") {
			return "", false
		}
		if len(words) > 4 && !strings.Contains(place, ",") {
			return "", false
		}
	}
	return formatPlace(place), true
}

// parseHeaderLocation reads a place printed on its own near the headline,
// "City, ST" or "City,ST" between separators.
func parseHeaderLocation(s string) (string, bool) {
	s = strings.TrimSpace(strings.Trim(s, "|•·/ "))
	i := strings.LastIndexByte(s, ',')
	if i <= 0 || i == len(s)-1 {
		return "", false
	}
	city, region := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
	if len(region) != 2 || !allCaps(region) {
		return "", false
	}
	words := strings.Fields(city)
	if len(words) == 0 || len(words) > 3 {
		return "", false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return "", false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && c != '.' && c != '-' && c != '\'' {
				return "", false
			}
		}
	}
	return city + ", " + region, true
}

// formatPlace title-cases capitals ("SIOUX FALLS, S.D." → "Sioux Falls,
// S.D.") and normalises the comma spacing.
func formatPlace(place string) string {
	parts := strings.Split(place, ",")
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if allCaps(p) && !(utf8.RuneCountInString(p) <= 2 || strings.Contains(p, ".")) {
			p = titleCase(p)
		}
		parts[i] = p
	}
	return strings.Join(parts, ", ")
}

// allCaps reports whether s has letters and all of them are capitals.
func allCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n > 0
}
