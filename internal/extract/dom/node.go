package dom

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Attr returns the value of n's attribute key ("" when absent).
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// HasAttr reports whether n has the attribute key.
func HasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// Text returns the text of n's subtree with whitespace collapsed to single
// spaces and trimmed; block boundaries and <br> become spaces.
func Text(n *html.Node) string {
	var sb strings.Builder
	appendText(&sb, n)
	return CollapseSpace(sb.String())
}

func appendText(sb *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		sb.WriteString(n.Data)
		return
	case html.ElementNode:
		if n.DataAtom == atom.Script || n.DataAtom == atom.Br {
			sb.WriteByte(' ')
			return
		}
		if !inlineElement(n.DataAtom) {
			sb.WriteByte(' ')
			defer sb.WriteByte(' ')
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		appendText(sb, c)
	}
}

// CollapseSpace turns every run of Unicode white space (including
// no-break and zero-width spaces) into one ASCII space and trims the ends.
func CollapseSpace(s string) string {
	clean := true
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			clean = false
			break
		}
		sp := c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
		if sp && (prevSpace || c != ' ') {
			clean = false
			break
		}
		prevSpace = sp
	}
	if clean && !prevSpace {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s))
	space := false
	// Byte by byte: every block's text passes here, and most of it is
	// ASCII, which needs no decoding.
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
				space = true
				continue
			}
			if space && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			space = false
			sb.WriteByte(c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		raw := s[i : i+size]
		i += size
		if isSpace(r) {
			space = true
			continue
		}
		if r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u00ad' {
			continue
		}
		if space && sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		space = false
		if r == utf8.RuneError && size == 1 {
			raw = "\uFFFD" // an invalid byte, as ranging over the string reads it
		}
		sb.WriteString(raw)
	}
	return sb.String()
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u2007' || r == '\u202f'
}

// inlineElement reports elements that do not start a new line of text.
func inlineElement(a atom.Atom) bool {
	switch a {
	case 0:
		// Custom elements (<hl-source>, <x-link>) display inline unless
		// styled otherwise; block children still split the text.
		return true
	case atom.A, atom.Abbr, atom.B, atom.Bdi, atom.Bdo, atom.Cite, atom.Code, atom.Data,
		atom.Del, atom.Dfn, atom.Em, atom.Font, atom.I, atom.Ins, atom.Kbd, atom.Label,
		atom.Mark, atom.Q, atom.S, atom.Samp, atom.Small, atom.Span, atom.Strike, atom.Strong,
		atom.Sub, atom.Sup, atom.Time, atom.Tt, atom.U, atom.Var, atom.Img, atom.Nobr, atom.Big,
		atom.Wbr, atom.Acronym, atom.Picture, atom.Source, atom.Output, atom.Meter, atom.Progress,
		atom.Ruby, atom.Rb, atom.Rt, atom.Rtc, atom.Rp:
		return true
	}
	return false
}

// Find calls f for every element in n's subtree in document order and
// stops descending into an element when f returns false.
func Find(n *html.Node, f func(*html.Node) bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if f(c) {
			Find(c, f)
		}
	}
}
