package store

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/article"
)

// Text extracted from hostile dumps may hold bytes PostgreSQL text and jsonb
// refuse (NUL, invalid UTF-8), which would fail the whole ingest. The raw
// bytes are kept untouched in dumps.body, so the store cleans the extracted
// copy instead of rejecting it.

// cleanText drops NUL characters and replaces each run of invalid UTF-8 with
// U+FFFD.
func cleanText(s string) string {
	if utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "")
}

// cleanList cleans every element, keeping a nil list nil.
func cleanList(l []string) []string {
	if l == nil {
		return nil
	}
	out := make([]string, len(l))
	for i, s := range l {
		out[i] = cleanText(s)
	}
	return out
}

// textArray is l as a text[] parameter: pgx sends a nil slice as NULL, and
// the columns are NOT NULL DEFAULT '{}'.
func textArray(l []string) []string {
	if l == nil {
		return []string{}
	}
	return cleanList(l)
}

// nilIfEmpty makes reads consistent: an empty list always comes back nil.
func nilIfEmpty(l []string) []string {
	if len(l) == 0 {
		return nil
	}
	return l
}

// paragraphSep separates paragraphs in articles.body.
const paragraphSep = "\n\n"

// joinParagraphs stores paragraphs as one text. So that splitting gives the
// same list back, each paragraph is cleaned, runs of newlines inside it are
// collapsed to one, newlines at its ends are trimmed, and empty paragraphs
// are dropped.
func joinParagraphs(paras []string) string {
	out := make([]string, 0, len(paras))
	for _, p := range paras {
		p = cleanText(p)
		for strings.Contains(p, paragraphSep) {
			p = strings.ReplaceAll(p, paragraphSep, "\n")
		}
		if p = strings.Trim(p, "\n"); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, paragraphSep)
}

// splitParagraphs is the inverse of joinParagraphs.
func splitParagraphs(body string) []string {
	if body == "" {
		return nil
	}
	return strings.Split(body, paragraphSep)
}

// dateColumns are the four published_* columns.
type dateColumns struct {
	at            *time.Time
	precision     *string
	hasZone       bool
	offsetMinutes int
}

// toDateColumns splits d into columns. PostgreSQL keeps microseconds; a
// missing precision is taken from the time itself.
func toDateColumns(d *article.Date) dateColumns {
	if d.IsZero() {
		return dateColumns{}
	}
	at := d.Time.Truncate(time.Microsecond).UTC()
	p := string(d.Precision)
	if p == "" {
		p = string(inferPrecision(d.Time))
	}
	c := dateColumns{at: &at, precision: &p, hasZone: d.HasZone}
	if d.HasZone {
		_, off := d.Time.Zone()
		c.offsetMinutes = off / 60
	}
	return c
}

func inferPrecision(t time.Time) article.Precision {
	switch {
	case t.Second() != 0 || t.Nanosecond() != 0:
		return article.PrecisionSecond
	case t.Hour() != 0 || t.Minute() != 0:
		return article.PrecisionMinute
	}
	return article.PrecisionDay
}

// fromDateColumns rebuilds the date as stated: in the page's own offset when
// it gave one, else in UTC.
func fromDateColumns(c dateColumns) *article.Date {
	if c.at == nil {
		return nil
	}
	d := &article.Date{Time: c.at.UTC(), HasZone: c.hasZone}
	if c.precision != nil {
		d.Precision = article.Precision(*c.precision)
	}
	if c.hasZone {
		d.Time = d.Time.In(time.FixedZone("", c.offsetMinutes*60))
	}
	return d
}
