package text

import (
	"strings"

	"github.com/pressroom/pressroom/internal/extract/datetime"
)

// loneDateLine finds, in a text dump whose header holds no date, a short
// line that is mostly a full date ("15.12.2021", "Stand 27.01.2022",
// "2. August 2012"). Many templates print the article's date on a line of
// its own under the body or far below the masthead. The first such line
// after the headline wins (the article comes before teasers and
// comments); failing that, the last one above it (the nearest to it).
func loneDateLine(doc *document) (int, datetime.Match, bool) {
	t := max(doc.meta.title.idx, 0)
	for i := t; i < len(doc.blocks); i++ {
		if m, ok := doc.loneDate(i); ok {
			return i, m, true
		}
	}
	for i := t - 1; i >= 0; i-- {
		if m, ok := doc.loneDate(i); ok {
			return i, m, true
		}
	}
	return -1, datetime.Match{}, false
}

// loneDate is the full, absolute date that makes up most of short block i.
// A numeric date with a two-digit year ("12.01.19") is too short to trust
// on its own: picture credits and version numbers look the same.
func (doc *document) loneDate(i int) (datetime.Match, bool) {
	b := &doc.blocks[i]
	if b.words > 6 || b.digits < 4 || b.label == labelTitle || b.label == labelComments {
		return datetime.Match{}, false
	}
	m, ok := doc.dateOf(i)
	if !ok || !m.HasYear || m.Relative || !fourDigitYear(b.text[m.Start:m.End]) || (m.End-m.Start)*3 < len(strings.TrimSpace(b.text)) {
		return datetime.Match{}, false
	}
	return m, true
}

// fourDigitYear says whether s holds a run of four digits.
func fourDigitYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// leadDate is the full date a long block opens with: "27.1.2022 – Bei der
// …", "Pressemitteilung vom 25. Januar 2022 | Berlin – …". Press releases
// and agency copy put the date in the lead's first words.
func (doc *document) leadDate(i int) (datetime.Match, bool) {
	b := &doc.blocks[i]
	if b.digits < 4 || b.label == labelComments || b.label == labelCaption {
		return datetime.Match{}, false
	}
	m, ok := datetime.Find(b.text[:min(len(b.text), 48)], doc.dateCtx())
	if !ok || !m.HasYear || m.Relative || len(strings.Fields(b.text[:m.Start])) > 3 {
		return datetime.Match{}, false
	}
	return m, true
}
