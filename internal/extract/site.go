package extract

// Site name detection: masthead, copyright holder, URL host.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// findSite reads the site's name. The URL's host is the most reliable
// clue, but "dailyplanet.com" is not how the site writes its name: the page
// is searched for the words that spell the host ("Daily Planet"). Without
// a URL, a masthead in capitals at the top; then the copyright holder,
// when it resembles the host (a parent company often holds the copyright);
// last, the host itself.
func findSite(doc *document) {
	bs := doc.blocks
	labels := hostLabels(doc.urlInfo.host)
	if name, i, ok := spelledHost(doc, labels); ok {
		if allCaps(name) && strings.Contains(name, " ") {
			name = capsToTitle(name)
		}
		doc.meta.site = field{value: name, idx: i, rule: "site:host-spelled", conf: 0.8}
		if b := &bs[i]; b.label == labelNone && alnumLower(b.text) == alnumLower(name) {
			b.label, b.reason = labelSite, "site:host-spelled"
		}
		return
	}
	for i := 0; i < min(3, len(bs)); i++ {
		b := &bs[i]
		if isMasthead(bs, i) && (len(labels) == 0 || resemblesHost(b.text, labels)) {
			doc.meta.site = field{value: titleCase(b.text), idx: i, rule: "site:masthead", conf: 0.6}
			if b.label == labelNone {
				b.label, b.reason = labelSite, "site:masthead"
			}
			return
		}
	}
	holder, holderIdx := "", -1
	for i := len(bs) - 1; i >= 0 && i >= len(bs)-80; i-- {
		b := &bs[i]
		if b.words > 25 || !(strings.Contains(b.text, "©") || strings.HasPrefix(b.lower, "copyright")) {
			continue
		}
		if h := copyrightHolder(b.text); h != "" {
			holder, holderIdx = h, i
			break
		}
	}
	switch {
	case holder != "" && (len(labels) == 0 || resemblesHost(holder, labels)):
		doc.meta.site = field{value: holder, idx: holderIdx, rule: "site:copyright", conf: 0.6}
	case doc.urlInfo.host != "":
		doc.meta.site = field{value: doc.urlInfo.host, idx: -1, rule: "site:url-host", conf: 0.3}
	case holder != "":
		doc.meta.site = field{value: holder, idx: holderIdx, rule: "site:copyright", conf: 0.4}
	}
}

// hostLabels returns the host's names without "www" and the public suffix:
// "sports.example.com" → sportsexample, example, sports; "example.com.br"
// → example.
func hostLabels(host string) []string {
	if host == "" {
		return nil
	}
	parts := strings.Split(host, ".")
	end := len(parts) - 1 // drop the top-level domain
	if end >= 2 && len(parts[end]) == 2 {
		switch parts[end-1] {
		case "com", "co", "org", "net", "gov", "ac", "edu", "or", "ne", "go":
			end-- // second-level public suffix: example.co.uk
		}
	}
	var names []string
	for _, p := range parts[:max(end, 0)] {
		if p != "www" && p != "m" && p != "amp" && len(p) >= 2 {
			names = append(names, strings.ReplaceAll(p, "-", ""))
		}
	}
	if len(names) == 0 {
		return nil
	}
	// All labels together ("news.example.com" → newsexample), then the
	// registered name, then subdomains.
	var out []string
	if len(names) > 1 {
		out = append(out, strings.Join(names, ""))
	}
	out = append(out, names[len(names)-1])
	for i := len(names) - 2; i >= 0; i-- {
		out = append(out, names[i])
	}
	return out
}

// resemblesHost reports whether the letters of name and a host label
// contain one another ("FilmWire" and filmwire, "Springfield.com" and
// springfield).
func resemblesHost(name string, labels []string) bool {
	n := alnumLower(name)
	n = strings.TrimPrefix(n, "the")
	if len(n) < 3 {
		return false
	}
	for _, l := range labels {
		if len(l) >= 3 && (strings.Contains(n, l) || strings.Contains(l, n)) {
			return true
		}
	}
	return false
}

// spelledHost finds the words of the page that spell a host label: one to
// four consecutive words whose letters, lowercased, are the label ("Daily
// Planet" for dailyplanet, "ABC WEEKLY" for abcweekly). Short lines only:
// site names sit in mastheads, menus and footers. The spelling seen most
// often wins.
func spelledHost(doc *document, labels []string) (string, int, bool) {
	for _, label := range labels {
		if len(label) < 2 {
			continue
		}
		counts := map[string]int{}
		first := map[string]int{}
		best := ""
		for i := range doc.blocks {
			b := &doc.blocks[i]
			if b.runes > 200 || !containsSkipping(b.lower, label) {
				continue
			}
			for _, phrase := range spellings(b.text, label) {
				if _, ok := first[phrase]; !ok {
					first[phrase] = i
				}
				counts[phrase]++
				if best == "" || counts[phrase] > counts[best] {
					best = phrase
				}
			}
		}
		if best != "" {
			return best, first[best], true
		}
	}
	return "", -1, false
}

// spellings returns the runs of one to four words in s that spell label.
func spellings(s, label string) []string {
	words := strings.Fields(s)
	var out []string
	for i := range words {
		acc := ""
		for j := i; j < len(words) && j < i+4; j++ {
			acc += alnumLower(words[j])
			if acc == label {
				phrase := strings.Trim(strings.Join(words[i:j+1], " "), ".,;:!?()[]\"'“”‘’|")
				// A name is capitalised; two letters only count in capitals
				// ("XY"), where they cannot be a word.
				if phrase != "" && alnumLower(phrase) == label && hasUpper(phrase) && (len(label) >= 3 || allCaps(phrase)) {
					out = append(out, phrase)
				}
				break
			}
			if !strings.HasPrefix(label, acc) {
				break
			}
		}
	}
	return out
}

// capsToTitle title-cases a name printed in capitals, keeping acronyms of
// up to three letters ("ABC WEEKLY" → "ABC Weekly").
func capsToTitle(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if utf8.RuneCountInString(w) > 3 {
			words[i] = titleCase(w)
		}
	}
	return strings.Join(words, " ")
}

// containsSkipping reports whether label occurs in the lowercased s when
// the characters that are not ASCII letters or digits are skipped ("daily
// planet" holds dailyplanet), without building the stripped string.
func containsSkipping(s, label string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != label[0] {
			continue
		}
		k := 0
		for j := i; j < len(s) && k < len(label); j++ {
			c := s[j]
			if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
				if c != label[k] {
					break
				}
				k++
			}
		}
		if k == len(label) {
			return true
		}
	}
	return false
}

// alnumLower keeps the letters and digits of s, lowercased.
func alnumLower(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
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

// copyrightHolder extracts "The Springfield Courier" from "© 2019 The
// Springfield Courier, a Example Media Newspaper. All rights reserved."
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
