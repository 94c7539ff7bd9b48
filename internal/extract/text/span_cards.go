package text

import (
	"strings"
	"time"
)

// endAtDatedCards ends the body at a list of other stories' cards that
// closes it: each card a headline and a line of teaser text stamped with
// its date ("31.01.2022" on a line of its own, or opening or closing the
// teaser), newest first, close together, running to the end of the span.
// Teaser text reads as prose, so the densest span carries the cards along
// and the teaser-run rule, which wants short lines, lets them pass. An
// article's own chronology runs oldest first, and a dated list inside the
// article is followed by more of it.
func endAtDatedCards(doc *document) {
	bs := doc.blocks
	first, n := -1, 0
	var prev time.Time // the date of the card after the one at hand
	for i := doc.bodyEnd - 1; i >= doc.bodyStart; i-- {
		if first < 0 && doc.bodyEnd-1-i > cardTailMax {
			return // the span does not end in a card
		}
		if first >= 0 && first-i > cardGapMax {
			break
		}
		d, ok := cardDate(doc, i)
		if !ok {
			continue
		}
		if n > 0 && d.Before(prev) {
			break // older above newer: a chronology, not a list of cards
		}
		first, prev, n = i, d, n+1
	}
	if n < cardRunMin {
		return
	}
	// The first card's headline and the list's heading sit above its date.
	from := first
	for k := 0; k < cardHeadMax && from-1 > doc.bodyStart; k++ {
		b := &bs[from-1]
		if b.label == labelBody && (b.endsSentence || !isTeaserLine(b)) {
			break
		}
		from--
	}
	var before, after float32
	for i := doc.bodyStart; i < doc.bodyEnd; i++ {
		if bs[i].label != labelBody || bs[i].score <= 0 {
			continue
		}
		if i < from {
			before += bs[i].score
		} else {
			after += bs[i].score
		}
	}
	if before < scoreArticleMin || after > before {
		return
	}
	for i := from; i < doc.bodyEnd; i++ {
		if bs[i].label == labelBody {
			bs[i].label, bs[i].reason = labelRelated, "layout:dated-cards"
		}
	}
	doc.bodyEnd = from
}

// cardDate returns the day stamped on a card's line: a full date (with its
// year) that is the whole line, or opens or closes it.
func cardDate(doc *document, i int) (time.Time, bool) {
	b := &doc.blocks[i]
	if b.digits < 4 || b.cells >= 2 {
		return time.Time{}, false
	}
	m, ok := doc.edgeDateOf(i)
	if !ok || !m.HasYear || m.Relative {
		return time.Time{}, false
	}
	text := b.text
	if m.Start > len(text) || m.End > len(text) || m.Start > m.End {
		return time.Time{}, false
	}
	opens := strings.TrimSpace(text[:m.Start]) == ""
	closes := strings.TrimSpace(text[m.End:]) == ""
	if !opens && !closes {
		return time.Time{}, false
	}
	t := m.Date.Time
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
}

// Dated cards: at least cardRunMin dates at most cardGapMax lines apart,
// the last within cardTailMax lines of the span's end; the first card's
// headline and the list's heading take at most cardHeadMax lines above it.
const (
	cardRunMin  = 3
	cardGapMax  = 4
	cardTailMax = 3
	cardHeadMax = 3
)
