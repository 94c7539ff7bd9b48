package page

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/pressroom/pressroom/internal/extract/credit"
)

// CountWords counts white-space separated words holding a letter or digit;
// each CJK character counts as a word, as CJK word counts usually do.
func CountWords(s string) int {
	n := 0
	inWord := false // inside a run of letters or digits that counts once
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ' || c == '\t' || c == '\n':
				inWord = false
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
				if !inWord {
					n++
					inWord = true
				}
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r >= 0x2e80 && unicode.IsLetter(r):
			n++
			inWord = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !inWord {
				n++
				inWord = true
			}
		case unicode.IsSpace(r):
			inWord = false
		}
	}
	return n
}

// TruncateRunes cuts s to at most n runes, adding an ellipsis.
func TruncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for k := range s {
		if i == n {
			return s[:k] + "…"
		}
		i++
	}
	return s
}

// EndsSentence reports whether s ends like a sentence, looking through
// closing quotes and brackets.
func EndsSentence(s string) bool {
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		switch r {
		case '"', '\'', '”', '’', '»', ')', ']', '*', ' ':
			s = s[:len(s)-n]
			continue
		case '.', '!', '?', '…', '。', '！', '？', ';', ':':
			return true
		}
		return false
	}
	return false
}

// SentenceCount counts the sentence ends in s: a full stop, question or
// exclamation mark followed by a space and a capital letter, and the end.
func SentenceCount(s string) int {
	n := 1
	for i := 0; i+2 < len(s); i++ {
		if c := s[i]; (c == '.' || c == '!' || c == '?') && s[i+1] == ' ' {
			if r, _ := utf8.DecodeRuneInString(s[i+2:]); unicode.IsUpper(r) {
				n++
			}
		}
	}
	return n
}

// StripMarkup is the crude HTML front-end: visible text with block elements
// on lines of their own, blank lines between paragraphs. The DOM front-end
// replaces it; until then HTML dumps go through the text pipeline.
func StripMarkup(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	b.Grow(len(s) / 3)
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Head, atom.Iframe:
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case atom.P, atom.Div, atom.Section, atom.Article, atom.Header, atom.Footer, atom.Aside,
				atom.Nav, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Blockquote,
				atom.Ul, atom.Ol, atom.Table, atom.Figure, atom.Figcaption, atom.Pre, atom.Main:
				b.WriteString("\n\n")
			case atom.Br, atom.Li, atom.Tr, atom.Dt, atom.Dd, atom.Time:
				b.WriteByte('\n')
			case atom.Td, atom.Th:
				b.WriteByte('\t')
			}
		}
	}
}

// HostLabels returns the host's names without "www" and the public suffix:
// "sports.example.com" → sportsexample, example, sports; "example.com.br"
// → example.
func HostLabels(host string) []string {
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

// AlnumLower keeps the letters and digits of s, lowercased.
func AlnumLower(s string) string {
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

// Character classes of the ASCII bytes: the same answers as the unicode
// package, without a call per byte.
const (
	CLetter = 1 << iota
	CUpper
	CLower
	CDigit
)

var ASCIIClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case c >= 'a' && c <= 'z':
			t[c] = CLetter | CLower
		case c >= 'A' && c <= 'Z':
			t[c] = CLetter | CUpper
		case c >= '0' && c <= '9':
			t[c] = CDigit
		}
	}
	return t
}()

// ASCIILower lowercases an ASCII byte.
var ASCIILower = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(c)
		if c >= 'A' && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()

func UnescapeOnce(s string) string {
	if strings.Contains(s, "&") && strings.Contains(s, ";") {
		return htmlUnescape(s)
	}
	return s
}

func htmlUnescape(s string) string { return html.UnescapeString(s) }

// LooksLikeURL reports a value that is an address or a handle rather
// than a name (credit.LooksLikeAddress).
func LooksLikeURL(s string) bool { return credit.LooksLikeAddress(s) }
