package store

import (
	"time"

	"github.com/pressroom/pressroom/internal/article"
)

// richColumns are the article columns of migration 0007: description,
// image, canonical_url, section, tags and modified_at, in that order.
const richColumns = `description, image, canonical_url, section, tags, modified_at`

// richRow holds the values of richColumns, cleaned for PostgreSQL.
type richRow struct {
	description  string
	image        string
	canonicalURL string
	section      string
	tags         []string
	modifiedAt   *time.Time // NULL when the page states no update
}

func toRichRow(m *article.Metadata) richRow {
	r := richRow{
		description:  cleanText(m.Description),
		image:        cleanText(m.Image),
		canonicalURL: cleanText(m.CanonicalURL),
		section:      cleanText(m.Section),
		tags:         textArray(m.Tags),
	}
	if !m.Modified.IsZero() {
		t := m.Modified.Time.Truncate(time.Microsecond).UTC()
		r.modifiedAt = &t
	}
	return r
}

// values returns r in the order of richColumns.
func (r *richRow) values() []any {
	return []any{r.description, r.image, r.canonicalURL, r.section, r.tags, r.modifiedAt}
}

// setOn sets r's fields on m as scanArticle would read them back.
func (r *richRow) setOn(m *article.Metadata) {
	m.Description, m.Image, m.CanonicalURL, m.Section = r.description, r.image, r.canonicalURL, r.section
	m.Tags = nilIfEmpty(r.tags)
	s := richScan{modifiedAt: r.modifiedAt}
	s.finish(m)
}

// richScan reads richColumns into m.
type richScan struct {
	modifiedAt *time.Time
}

func (s *richScan) dest(m *article.Metadata) []any {
	return []any{&m.Description, &m.Image, &m.CanonicalURL, &m.Section, &m.Tags, &s.modifiedAt}
}

// finish sets what needs converting after the scan.
func (s *richScan) finish(m *article.Metadata) {
	m.Tags = nilIfEmpty(m.Tags)
	if s.modifiedAt != nil {
		m.Modified = &article.Date{Time: s.modifiedAt.UTC(), Precision: article.PrecisionSecond, HasZone: true}
	}
}
