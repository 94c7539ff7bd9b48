package text

import (
	"strings"

	"github.com/pressroom/pressroom/internal/extract/datetime"
)

// titleLineDate is the full date a headline line opens with: a kicker or
// date element that innerText ran into the headline ("Nachricht |
// 30.10.2021 Migration / …", "1. Februar 2022 Ministerin …"). A date later
// in the headline is its subject ("… im Mai 2022"), not the page's.
func titleLineDate(doc *document, i int) (datetime.Match, bool) {
	b := &doc.blocks[i]
	if b.digits < 4 {
		return datetime.Match{}, false
	}
	m, ok := doc.dateOf(i)
	if !ok || !m.HasYear || m.Relative || len(strings.Fields(b.text[:m.Start])) > titleDateWordsBefore {
		return datetime.Match{}, false
	}
	return m, true
}

// titleDateWordsBefore: a one-word kicker and its separator.
const titleDateWordsBefore = 2

// dropTitleDate removes the date a headline line opened with, and the
// kicker before it, from the headline ("1. Februar 2022 Ministerin …" is
// the headline "Ministerin …"), when words of a headline remain.
func dropTitleDate(doc *document, m datetime.Match) {
	t := &doc.meta.title
	text := doc.blocks[t.idx].text
	rest := strings.TrimLeft(text[m.End:], " |–-•·:,)]")
	if len(strings.Fields(rest)) < 2 || !strings.HasSuffix(t.value, rest) {
		return
	}
	t.value = rest
}
