package page

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// URLSection reads a section from a page address: the first path segment
// before the article's own, when it is a word (/politik/…/slug, /sport/…).
// Language prefixes (/de/, /en-us/) and an archive's wrapping are skipped.
func URLSection(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	path := u.Path
	if strings.HasSuffix(u.Hostname(), "web.archive.org") {
		// /web/<timestamp>/<original URL>
		if i := strings.Index(path, "http"); i >= 0 {
			return URLSection(path[i:])
		}
		return ""
	}
	segs := strings.Split(strings.Trim(path, "/"), "/")
	for i, s := range segs {
		if i == len(segs)-1 {
			return "" // the article's own segment
		}
		ls := strings.ToLower(s)
		if len(ls) == 2 || len(ls) == 5 && ls[2] == '-' || lexicon.RouteWords[ls] {
			continue // a language prefix or a route
		}
		if !sectionWord(ls) {
			return ""
		}
		r, n := utf8.DecodeRuneInString(ls)
		return string(unicode.ToUpper(r)) + strings.ReplaceAll(ls[n:], "-", " ")
	}
	return ""
}

// sectionWord accepts a path segment of 3 to 25 letters with at most two
// hyphens: a section's name, not a slug, an id or a file.
func sectionWord(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 3 || n > 25 || strings.Count(s, "-") > 2 {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	return true
}
