package web

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/pressroom/pressroom/internal/extract/dom"
)

// The Markdown body is text only: every character of the article's text
// that Markdown or HTML could read as markup is escaped, so that no
// renderer turns it into a heading, list, link, image, emphasis, code or
// raw HTML. The structure (headings, list items, quotes) comes from the
// extractor alone.
//
//   - <, > and & become the entities &lt; &gt; &amp;, which every Markdown
//     dialect passes through as text (a backslash before < is no escape
//     in the original Markdown).
//   - \ ` * _ [ ] # | ~ get a backslash anywhere in a line.
//   - At a line's start, - + = and the . or ) after leading digits get a
//     backslash (list items, thematic breaks, setext underlines).
//   - Spaces and tabs around a line are dropped (indentation makes code
//     blocks), and a line break inside a paragraph becomes a hard break
//     (two spaces before it), or a space in a heading.
//
// A URL in the text stays as it is; renderers that link bare URLs still
// will, to the address the text shows.

// ParagraphsMarkdown renders paragraphs without structure: each one an
// escaped Markdown paragraph, with a blank line between them. It is the
// Markdown body of a text dump, and of an HTML page whose body came from
// elsewhere than its markup.
func ParagraphsMarkdown(paras []string) string {
	blocks := make([]mdBlock, len(paras))
	for i, p := range paras {
		blocks[i].text = p
	}
	return renderMarkdown(blocks)
}

// mdBlock is one body block and the structure it sits in.
type mdBlock struct {
	text    string
	heading int        // Markdown heading level (2 or 3), 0 for none
	quote   bool       // inside <blockquote>
	list    *html.Node // nearest <ul>, <ol> or <dl>; nil outside lists
	item    *html.Node // the list item holding the text (<li>, <dt>, <dd>)
	ordered bool       // list is an <ol>
}

// htmlMarkdown renders the kept HTML blocks (blocks[i] for i in kept, the
// blocks the paragraphs were made of) with their structure.
func htmlMarkdown(blocks []dom.Block, kept []int) string {
	md := make([]mdBlock, len(kept))
	for j, i := range kept {
		b := &blocks[i]
		m := &md[j]
		m.text, m.quote = b.Text, b.InQuote
		if b.InList {
			m.list, m.item = listOf(b.Node)
			m.ordered = m.list != nil && m.list.DataAtom == atom.Ol
		}
		if m.list == nil && b.HeadingLvl > 0 {
			m.heading = min(max(b.HeadingLvl, 2), 3)
		}
	}
	return renderMarkdown(md)
}

// maxListWalk bounds the walk from a block up to its list: a hostile page
// nesting many blocks deep inside one item would otherwise cost blocks ×
// depth.
const maxListWalk = 32

// listOf returns the nearest list element above n, and the item (the
// list's child on the way) that holds n. Both are nil when a quote comes
// first (the text is the quote's, not the item's). When the list is more
// than maxListWalk levels up, n stands for both: the block is a list item
// of its own.
func listOf(n *html.Node) (list, item *html.Node) {
	var prev *html.Node
	start := n
	for steps := 0; n != nil; prev, n, steps = n, n.Parent, steps+1 {
		if steps == maxListWalk {
			return start, start
		}
		switch n.DataAtom {
		case atom.Ul, atom.Ol, atom.Dl:
			if prev == nil {
				prev = n
			}
			return n, prev
		case atom.Blockquote:
			return nil, nil
		}
	}
	return nil, nil
}

// maxListNumber is the largest ordered-list number CommonMark accepts.
const maxListNumber = 999_999_999

// renderMarkdown writes blocks as Markdown, a blank line between blocks;
// consecutive list items are on adjacent lines, and consecutive quoted
// blocks stay in one quote. A block of another block's list item continues
// that item, indented under it.
func renderMarkdown(blocks []mdBlock) string {
	var (
		b      strings.Builder
		prev   *mdBlock
		number map[*html.Node]int // last number given in each ordered list
		itemOf map[*html.Node]*html.Node
		width  int // marker width of the last list item
	)
	size := 0
	for i := range blocks {
		size += len(blocks[i].text) + 8
	}
	b.Grow(size)
	for i := range blocks {
		m := &blocks[i]
		if !hasMarkdownText(m.text) {
			continue
		}
		cont := prev != nil && m.item != nil && m.item == prev.item
		if prev != nil {
			switch {
			case m.list != nil && prev.list != nil && !cont && m.quote == prev.quote:
				b.WriteByte('\n')
			case m.quote && prev.quote:
				b.WriteString("\n>\n")
			default:
				b.WriteString("\n\n")
			}
		}
		prefix := ""
		if m.quote {
			prefix = "> "
		}
		b.WriteString(prefix)
		switch {
		case cont:
			prefix += strings.Repeat(" ", width)
			b.WriteString(strings.Repeat(" ", width))
		case m.list != nil:
			marker := "- "
			if m.ordered {
				if number == nil {
					number, itemOf = map[*html.Node]int{}, map[*html.Node]*html.Node{}
				}
				n, seen := number[m.list]
				if !seen {
					n = listStart(m.list) - 1
				}
				if itemOf[m.list] != m.item {
					n = min(n+1, maxListNumber)
				}
				number[m.list], itemOf[m.list] = n, m.item
				marker = strconv.Itoa(n) + ". "
			}
			width = len(marker)
			b.WriteString(marker)
			prefix += strings.Repeat(" ", width)
		case m.heading > 0:
			b.WriteString("### "[3-m.heading:])
			writeMarkdownText(&b, m.text, "", true)
			prev = m
			continue
		}
		writeMarkdownText(&b, m.text, prefix, false)
		prev = m
	}
	return b.String()
}

// listStart is an <ol>'s first number.
func listStart(ol *html.Node) int {
	if n, err := strconv.Atoi(strings.TrimSpace(dom.Attr(ol, "start"))); err == nil {
		return min(max(n, 0), maxListNumber)
	}
	return 1
}

// hasMarkdownText reports whether s has anything but line breaks, spaces
// and tabs, which the rendering drops.
func hasMarkdownText(s string) bool {
	return strings.Trim(s, " \t\r\n") != ""
}

// writeMarkdownText writes s escaped. Its lines are joined by hard breaks,
// each continuation line starting with prefix (the quote and list
// indentation of the block's first line), or by spaces when oneLine (a
// heading is one line).
func writeMarkdownText(b *strings.Builder, s, prefix string, oneLine bool) {
	first := true
	for line := range strings.Lines(s) {
		for _, part := range strings.Split(line, "\r") {
			part = strings.Trim(part, " \t\n")
			if part == "" {
				continue
			}
			switch {
			case first:
			case oneLine:
				b.WriteByte(' ')
			default:
				b.WriteString("  \n")
				b.WriteString(prefix)
			}
			first = false
			escapeMarkdownLine(b, part)
		}
	}
}

// escapeMarkdownLine writes one line of text (no line break, no spaces or
// tabs around it) so that it reads as itself.
func escapeMarkdownLine(b *strings.Builder, s string) {
	// Line start: list markers, thematic breaks, setext underlines.
	i := 0
	switch {
	case s[0] == '-' || s[0] == '+' || s[0] == '=':
		b.WriteByte('\\')
	case s[0] >= '0' && s[0] <= '9':
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i < len(s) && (s[i] == '.' || s[i] == ')') {
			b.WriteString(s[:i])
			b.WriteByte('\\')
		} else {
			i = 0
		}
	}
	start := i
	for ; i < len(s); i++ {
		var rep string
		switch c := s[i]; c {
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '&':
			rep = "&amp;"
		case '\\', '`', '*', '_', '[', ']', '#', '|', '~':
		default:
			continue
		}
		b.WriteString(s[start:i])
		if rep != "" {
			b.WriteString(rep)
		} else {
			b.WriteByte('\\')
			b.WriteByte(s[i])
		}
		start = i + 1
	}
	b.WriteString(s[start:])
}
