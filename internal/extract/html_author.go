package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// htmlOrgWords mark a credit as an organisation, a desk or a role rather
// than a person. They are matched as whole lower-case words. Kept apart from
// the text side's orgWords on purpose: see there.
var htmlOrgWords = map[string]bool{
	"news": true, "press": true, "staff": true, "team": true, "desk": true, "editorial": true,
	"editors": true, "agency": true, "agencies": true, "media": true, "service": true, "services": true,
	"associated": true, "reuters": true, "afp": true, "ap": true, "upi": true, "ians": true, "pti": true,
	"bloomberg": true, "writer": true, "writers": true, "editor": true, "correspondent": true,
	"reporter": true, "reporters": true, "contributor": true, "contributors": true, "admin": true,
	"administrator": true, "online": true, "magazine": true, "times": true, "journal": true,
	"daily": true, "group": true, "inc": true, "ltd": true, "llc": true, "network": true, "tv": true,
	"radio": true, "channel": true, "bureau": true, "wire": true, "wires": true, "newsroom": true,
	"publishing": true, "publications": true, "company": true, "corporation": true, "foundation": true,
	"university": true, "institute": true, "department": true, "office": true, "report": true,
	"guest": true, "sponsored": true, "partner": true, "content": true, "studio": true, "studios": true,
	"blog": true, "official": true, "webmaster": true, "user": true, "redação": true, "redacción": true,
	"rédaction": true, "redaktion": true, "senior": true, "chief": true, "columnist": true,
	"contributing": true, "photographer": true, "producer": true, "analyst": true, "intern": true,
	"herald": true, "tribune": true, "gazette": true, "post": true, "globe": true, "chronicle": true,
	"weekly": true, "world": true, "international": true, "national": true, "global": true,
}

// htmlCreditPrefix reports the length of the credit cue opening the
// lower-cased credit low ("by ", "autor: ", "von "), or 0. Metadata
// credits are names: of the prepositions only those that never start a
// name count ("Di Maria", "Van Dyke" do).
func htmlCreditPrefix(low string) int {
	for _, c := range lexicon.Cues {
		if c.Preposition && c.Text != "von" && c.Text != "par" && c.Text != "por" {
			continue
		}
		if rest, ok := strings.CutPrefix(low, c.Text); ok && rest != "" && (rest[0] == ' ' || rest[0] == ':') {
			return len(low) - len(strings.TrimLeft(rest, " :"))
		}
	}
	for _, p := range []string{"published by ", "reported by ", "de "} {
		if strings.HasPrefix(low, p) {
			return len(p)
		}
	}
	return 0
}

// htmlSplitCredits cleans raw author credits into person names and
// organisations: "By A and B" gives two names, a trailing role ("Jane Roe,
// Staff Writer") is dropped, URLs and handles are dropped, and credits that
// do not look like a person's name go to orgs.
func htmlSplitCredits(raw []string, site string) (persons, orgs []string) {
	seen := map[string]bool{}
	nsite := htmlNormTitle(site)
	for _, r := range raw {
		r = htmlStripByline(strings.TrimSpace(r))
		if htmlLooksLikeURL(r) && !strings.ContainsAny(r, " ,;") {
			continue
		}
		for _, part := range htmlSplitNames(r) {
			part = strings.Trim(part, " \t.,;:-–—|()[]")
			if part == "" || htmlLooksLikeURL(part) {
				continue
			}
			key := strings.ToLower(part)
			if seen[key] {
				continue
			}
			seen[key] = true
			if htmlPersonName(part) && !htmlMentionsSite(key, nsite) {
				persons = append(persons, part)
			} else if len(part) <= 60 {
				orgs = append(orgs, part)
			}
		}
	}
	return persons, orgs
}

// htmlStripByline removes "By", and a label before it ("Analysis by",
// "Photos by"), from the start of a credit.
func htmlStripByline(r string) string {
	if n := htmlCreditPrefix(strings.ToLower(r)); n > 0 && n <= len(r) {
		return strings.TrimSpace(r[n:])
	}
	words := strings.Fields(r)
	for i := 1; i <= 2 && i < len(words); i++ {
		if strings.EqualFold(words[i], "by") {
			return strings.Join(words[i+1:], " ")
		}
	}
	return r
}

// htmlMentionsSite reports a credit naming the publication itself
// ("Example News Business" on Example News, "Example Insider" on Example
// Insider).
func htmlMentionsSite(key, nsite string) bool {
	if nsite == "" {
		return false
	}
	return strings.Contains(key, nsite) || strings.Contains(nsite, key)
}

func htmlSplitNames(s string) []string {
	f := func(r rune) bool { return r == ',' || r == ';' || r == '|' || r == '&' || r == '/' || r == '\n' }
	var out []string
	for _, p := range strings.FieldsFunc(s, f) {
		words := strings.Fields(p)
		start := 0
		for i, w := range words {
			if lexicon.Conjunction(strings.ToLower(w)) {
				out = append(out, strings.Join(words[start:i], " "))
				start = i + 1
			}
		}
		out = append(out, strings.Join(words[start:], " "))
	}
	return out
}

func htmlLooksLikeURL(s string) bool {
	low := strings.ToLower(s)
	return strings.HasPrefix(low, "http") || strings.HasPrefix(low, "www.") || strings.HasPrefix(s, "@") ||
		strings.Contains(s, "@") || strings.Contains(s, "/") || strings.Contains(low, ".com") ||
		strings.Contains(low, ".org") || strings.Contains(low, ".net")
}

// htmlPersonName reports whether s is shaped like a person's name: two to
// five words of letters, each starting with a capital (or all capitals),
// no digits, no organisation or role word.
func htmlPersonName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 1 && htmlCJKName(s) {
		return true
	}
	if len(words) < 2 || len(words) > 5 || len(s) > 60 {
		return false
	}
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, ".,'’"))
		for _, part := range strings.Split(lw, "-") {
			if htmlOrgWords[part] {
				return false
			}
		}
		r, _ := utf8.DecodeRuneInString(w)
		particle := lexicon.NameParticle(lw)
		caseless := unicode.IsLetter(r) && !unicode.IsUpper(r) && !unicode.IsLower(r)
		if !unicode.IsUpper(r) && !particle && !caseless {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && c != '.' && c != '-' && c != '\'' && c != '’' {
				return false
			}
		}
	}
	return true
}

// htmlCJKName reports a Chinese, Japanese or Korean personal name written
// without spaces: two to four Han, kana or Hangul characters.
func htmlCJKName(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 4
}
