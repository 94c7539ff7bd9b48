package credit

import (
	"strings"
	"unicode"

	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// A credit stated as a value, in a page's metadata (an author field, a
// JSON-LD author) or in a block of its own, rather than printed in a line
// of text.

// cuePrefix reports the length of the credit cue opening the
// lower-cased credit low ("by ", "autor: ", "von "), or 0. Metadata
// credits are names: of the prepositions only those that never start a
// name count ("Di Maria", "Van Dyke" do).
func cuePrefix(low string) int {
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

// SplitValues cleans raw author credits into person names and
// organisations: "By A and B" gives two names, a trailing role ("Jane Roe,
// Staff Writer") is dropped, URLs and handles are dropped, and credits that
// do not look like a person's name, or name the site (nsite, its name
// normalised by the caller), go to orgs.
func SplitValues(raw []string, nsite string) (persons, orgs []string) {
	seen := map[string]bool{}
	for _, r := range raw {
		r = stripCue(strings.TrimSpace(r))
		if LooksLikeAddress(r) && !strings.ContainsAny(r, " ,;") {
			continue
		}
		for _, part := range splitValueNames(r) {
			part = strings.Trim(part, " \t.,;:-–—|()[]")
			if part == "" || LooksLikeAddress(part) {
				continue
			}
			key := strings.ToLower(part)
			if seen[key] {
				continue
			}
			seen[key] = true
			if valuePersonName(part) && !mentionsSite(key, nsite) {
				persons = append(persons, part)
			} else if len(part) <= 60 {
				orgs = append(orgs, part)
			}
		}
	}
	return persons, orgs
}

// stripCue removes "By", and a label before it ("Analysis by",
// "Photos by"), from the start of a credit.
func stripCue(r string) string {
	if n := cuePrefix(strings.ToLower(r)); n > 0 && n <= len(r) {
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

// mentionsSite reports a credit naming the publication itself
// ("Example News Business" on Example News, "Example Insider" on Example
// Insider).
func mentionsSite(key, nsite string) bool {
	if nsite == "" {
		return false
	}
	return strings.Contains(key, nsite) || strings.Contains(nsite, key)
}

// splitValueNames splits a stated value into its names: at bars, slashes
// and line breaks, then as a credit line splits (splitNames: commas,
// semicolons, ampersands, "and" in the supported languages).
func splitValueNames(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == '/' || r == '\n' }) {
		out = splitNames(out, strings.Join(strings.Fields(p), " "))
	}
	return out
}

// LooksLikeAddress reports a value that is an address, a domain or a
// handle rather than a name.
func LooksLikeAddress(s string) bool {
	low := strings.ToLower(s)
	return strings.HasPrefix(low, "http") || strings.HasPrefix(low, "www.") || strings.HasPrefix(s, "@") ||
		strings.Contains(s, "@") || strings.Contains(s, "/") || strings.Contains(low, ".com") ||
		strings.Contains(low, ".org") || strings.Contains(low, ".net")
}

// valuePersonName reports whether a stated author value is shaped like a
// person's name (nameShaped), no word being a role, account or desk
// (valueWords), and written in letters alone: a value is the name and
// nothing else, so a digit, a handle or a bracket means it is something
// else.
func valuePersonName(s string) bool {
	if len(s) > 60 {
		return false
	}
	for _, c := range s {
		if !unicode.IsLetter(c) && !unicode.IsSpace(c) && c != '.' && c != '-' && c != '\'' && c != '’' {
			return false
		}
	}
	return nameShaped(s, valueName)
}

// AuthorLabel reports a label that says the value beside it is the
// author: the generic words a page's "twitter:label1" gives the credit in
// "twitter:data1" (WordPress SEO plugins write it in the site's language).
func AuthorLabel(label string) bool { return authorLabels[strings.ToLower(strings.TrimSpace(label))] }

var authorLabels = map[string]bool{
	"written by": true, "author": true, "verfasst von": true, "geschrieben von": true, "autor": true,
	"autorin": true, "écrit par": true, "auteur": true, "escrito por": true, "scritto da": true,
	"geschreven door": true, "napisane przez": true, "autor:": true, "skrevet af": true, "skrevet av": true,
	"skriven av": true, "written by:": true,
}

// CleanValue cleans one stated credit, its white space already collapsed
// by the caller: the cue goes ("By …"), and what is left must be one to
// six words, without a link, a handle or a sentence.
func CleanValue(v string) (string, bool) {
	s := stripCue(strings.TrimSpace(v))
	s = strings.Trim(s, " ,;:|-–—")
	if s == "" || len(s) > 60 || strings.ContainsAny(s, "@<>{}?!\"") {
		return "", false
	}
	low := strings.ToLower(s)
	if strings.HasPrefix(low, "http") || strings.HasPrefix(low, "www.") || strings.Contains(low, "://") {
		return "", false
	}
	if n := len(strings.Fields(s)); n > 6 {
		return "", false
	}
	return s, true
}

// OpensWithCue reports a text that starts with a credit cue that is
// not also an ordinary word.
func OpensWithCue(s string) bool {
	low := lexicon.Fold(strings.TrimSpace(s))
	for _, c := range lexicon.Cues {
		if c.Preposition || c.Glued {
			continue
		}
		if rest, ok := strings.CutPrefix(low, c.Text); ok && (rest == "" || rest[0] == ' ' || rest[0] == ':') {
			return true
		}
	}
	return false
}

// defaultAccount reports whether a lower-cased credit is a CMS's default
// account, which credits no one.
func defaultAccount(low string) bool {
	return low == "admin" || low == "administrator" || low == "webmaster"
}

// CanStand reports whether a stated credit can stand as the author when
// no person is named: neither a wire service (an agency) nor a default
// account.
func (rd Reader) CanStand(v string) bool {
	low := lexicon.Fold(strings.TrimSpace(v))
	return !rd.agency(low) && !defaultAccount(low)
}

// StatedCredit splits the organisations a page's metadata credits (as
// SplitValues gave them) when it names no person: an organisation, a
// desk, a pen or user name is what the page says wrote it and becomes the
// author; a wire service stays an agency; a default account goes.
func (rd Reader) StatedCredit(orgs []string) (authors, agencies []string) {
	for _, o := range orgs {
		switch low := lexicon.Fold(o); {
		case rd.agency(low):
			agencies = append(agencies, o)
		case defaultAccount(low):
		default:
			authors = append(authors, o)
		}
	}
	if len(authors) == 0 {
		return nil, orgs
	}
	return authors, agencies
}
