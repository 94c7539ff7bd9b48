package text

import (
	"strings"

	"github.com/pressroom/pressroom/internal/extract/datetime"
)

// proseDatePenalty lowers a header date that sits inside running text: a
// sentence's date ("Am Montag, dem 11. Oktober 2021, hat sie …") is news
// the article reports, while the page's own date stands on a short line or
// opens one (a dateline, "Berlin, 29. November 2022. …").
func proseDatePenalty(b *block, m datetime.Match) float64 {
	if b.words < proseWords {
		return 0
	}
	if len(strings.Fields(b.text[:m.Start])) < proseWordsBefore {
		return 0
	}
	return 0.2
}

const (
	proseWords       = 15
	proseWordsBefore = 3
)
