package extract

// Site name detection: masthead, copyright holder, URL host.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// findSite reads the site's name from a masthead in capitals at the top,
// then from the copyright line, then from the URL's host.
func findSite(doc *document) {
	bs := doc.blocks
	for i := 0; i < min(3, len(bs)); i++ {
		b := &bs[i]
		if isMasthead(bs, i) {
			doc.meta.site = field{value: titleCase(b.text), idx: i, rule: "site:masthead", conf: 0.6}
			if b.label == labelNone {
				b.label, b.reason = labelSite, "site:masthead"
			}
			return
		}
	}
	for i := len(bs) - 1; i >= 0 && i >= len(bs)-80; i-- {
		b := &bs[i]
		if b.words > 25 || !(strings.Contains(b.text, "©") || strings.HasPrefix(b.lower, "copyright")) {
			continue
		}
		if h := copyrightHolder(b.text); h != "" {
			doc.meta.site = field{value: h, idx: i, rule: "site:copyright", conf: 0.5}
			return
		}
	}
	if doc.urlInfo.host != "" {
		doc.meta.site = field{value: doc.urlInfo.host, idx: -1, rule: "site:url-host", conf: 0.3}
	}
}

// isMasthead reports a site name in capitals among the first lines of the
// page.
func isMasthead(bs []block, i int) bool {
	if i >= 3 {
		return false
	}
	b := &bs[i]
	return b.isUpperLine() && b.words >= 2 && b.words <= 6 && b.vocab.any == 0 && b.digits == 0 && onlyNameRunes(b.text)
}

func onlyNameRunes(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && r != ' ' && r != '&' && r != '\'' && r != '.' && r != '-' && r != '’' {
			return false
		}
	}
	return true
}

// copyrightHolder extracts "The Detroit News" from "© 2019 The Detroit
// News, a Digital First Media Newspaper. All rights reserved."
func copyrightHolder(s string) string {
	s = strings.ReplaceAll(s, "©", " ")
	lower := strings.ToLower(s)
	if i := strings.Index(lower, "copyright"); i >= 0 {
		s = s[:i] + " " + s[i+len("copyright"):]
	}
	s = strings.ReplaceAll(s, "(c)", " ")
	s = strings.ReplaceAll(s, "(C)", " ")
	// Cut at the first sentence or clause break.
	for _, sep := range []string{". ", ", ", " | ", " - ", " – ", ";", "All rights", "all rights", "All Rights"} {
		if i := strings.Index(s, sep); i > 0 {
			head := strings.TrimSpace(strings.Trim(s[:i], " -–0123456789"))
			if head != "" {
				s = s[:i]
			}
		}
	}
	words := strings.Fields(s)
	var out []string
	for _, w := range words {
		if strings.Trim(w, "0123456789-–,.") == "" {
			continue
		}
		out = append(out, w)
	}
	for len(out) > 0 {
		lw := strings.ToLower(strings.Trim(out[len(out)-1], ".,"))
		switch lw {
		case "inc", "llc", "ltd", "limited", "company", "co", "corp", "corporation", "gmbh", "plc", "pty", "s.a", "sa":
			out = out[:len(out)-1]
			continue
		}
		break
	}
	if len(out) == 0 || len(out) > 6 {
		return ""
	}
	h := strings.Trim(strings.Join(out, " "), " .,")
	r, _ := utf8.DecodeRuneInString(h)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return ""
	}
	return h
}
