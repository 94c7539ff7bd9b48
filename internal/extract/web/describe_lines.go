package web

// A stated description that runs over several lines is the article's
// opening pasted in with its layout: when its first line is a heading (a
// few words, no sentence or separator punctuation) over a paragraph, that
// heading is the article's dek and the paragraph its first body paragraph,
// so the dek is the description.

import (
	"strings"
	"unicode/utf8"
)

const (
	// descHeadingMinWords and descHeadingMaxWords bound a heading line: a
	// dek of a few words.
	descHeadingMinWords, descHeadingMaxWords = 2, 12
	// descHeadingRestWords is the least text under the heading for it to
	// head a paragraph rather than a list of words.
	descHeadingRestWords = 8
)

// descHeadingLine returns the heading that opens a stated description of
// several lines, or s as it is.
func descHeadingLine(s string) string {
	first, rest, ok := strings.Cut(strings.TrimSpace(s), "\n")
	if !ok {
		return s
	}
	first = strings.TrimSpace(first)
	n := len(strings.Fields(first))
	if n < descHeadingMinWords || n > descHeadingMaxWords || len(strings.Fields(rest)) < descHeadingRestWords ||
		!descHeadingShaped(first) {
		return s
	}
	return first
}

// descHeadingShaped reports a line that can head a text: it neither ends
// a sentence or clause nor opens or closes with a separator or an
// ellipsis, which mark a fragment of a menu or of a cut text.
func descHeadingShaped(line string) bool {
	last, _ := utf8.DecodeLastRuneInString(line)
	first, _ := utf8.DecodeRuneInString(line)
	return !strings.ContainsRune(".!?:;,|/-–—…»>", last) && !strings.ContainsRune(".|/-–—…»>", first)
}

// descLineBreaks turns the escaped line breaks some CMSs leave in a value
// (a backslash and "n", from text written out as JSON) into line breaks.
func descLineBreaks(s string) string {
	if !strings.Contains(s, `\n`) {
		return s
	}
	return strings.NewReplacer(`\r\n`, "\n", `\n`, "\n").Replace(s)
}
