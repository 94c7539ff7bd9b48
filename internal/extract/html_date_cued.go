package extract

import (
	"strings"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// htmlCuedDate finds, anywhere on a page that states no date in its
// metadata and prints none near its headline, a short block whose words
// call a full date the publication's ("Veröffentlicht am: …", "Posted …
// by", "Gespeichert von X am …", "Datum: …") or its author's ("Von X am
// …"); failing that, one that calls it an update. Blog and CMS templates
// print these under the article, after the body.
func htmlCuedDate(blocks []dom.Block, ctx datetime.Context) (*article.Date, int) {
	upd, updAt := (*article.Date)(nil), -1
	for i := range blocks {
		b := &blocks[i]
		if b.Chars > 160 || b.Chars < 6 || b.LinkChars*2 > b.Chars {
			continue
		}
		m, ok := datetime.Find(b.Text, ctx)
		if !ok || !m.HasYear || m.Relative || m.Confidence < 0.5 {
			continue
		}
		before := foldLower(b.Text[:m.Start])
		switch cue := lexicon.DateCue(before); {
		case cue > 0 || htmlCreditBefore(b.Text[:m.Start], ctx):
			d := m.Date
			return &d, i
		case cue < 0 && upd == nil:
			d := m.Date
			upd, updAt = &d, i
		}
	}
	return upd, updAt
}

// htmlCreditBefore reports a credit opening the words before a date ("Von
// Ann Lee am", "by jdoe on").
func htmlCreditBefore(before string, ctx datetime.Context) bool {
	before = strings.TrimSpace(before)
	if before == "" || len(before) > 80 {
		return false
	}
	m, ok := parseByline(before, ctx)
	return ok && (m.cue || m.prep) && len(m.authors) > 0
}
