package store

import (
	"time"

	"github.com/pressroom/pressroom/internal/article"
)

// richColumns are the article columns of migrations 0007 and 0008:
// description, image, canonical_url, section, tags, modified_at, sections
// and modified_precision, in that order.
const richColumns = `description, image, canonical_url, section, tags, modified_at, sections, modified_precision`

// richRow holds the values of richColumns, cleaned for PostgreSQL.
type richRow struct {
	description  string
	image        string
	canonicalURL string
	section      string
	tags         []string
	modifiedAt   *time.Time // NULL when the page states no update
	sections     []string   // section first
	// modifiedPrecision is how much of modifiedAt the page stated; NULL
	// with it
	modifiedPrecision *string
}

func toRichRow(m *article.Metadata) richRow {
	r := richRow{
		description:  cleanText(m.Description),
		image:        cleanText(m.Image),
		canonicalURL: cleanText(m.CanonicalURL),
		section:      cleanText(m.Section),
		tags:         textArray(m.Tags),
	}
	r.sections = textArray(sectionsOf(r.section, m.Sections))
	if !m.Modified.IsZero() {
		c := toDateColumns(m.Modified)
		r.modifiedAt, r.modifiedPrecision = c.at, c.precision
	}
	return r
}

// values returns r in the order of richColumns.
func (r *richRow) values() []any {
	return []any{r.description, r.image, r.canonicalURL, r.section, r.tags, r.modifiedAt, r.sections, r.modifiedPrecision}
}

// setOn sets r's fields on m as scanArticle would read them back.
func (r *richRow) setOn(m *article.Metadata) {
	m.Description, m.Image, m.CanonicalURL, m.Section = r.description, r.image, r.canonicalURL, r.section
	m.Tags = nilIfEmpty(r.tags)
	m.Sections = nilIfEmpty(r.sections)
	s := richScan{modifiedAt: r.modifiedAt, modifiedPrecision: r.modifiedPrecision}
	s.finish(m)
}

// richScan reads richColumns into m.
type richScan struct {
	modifiedAt        *time.Time
	modifiedPrecision *string
}

func (s *richScan) dest(m *article.Metadata) []any {
	return []any{&m.Description, &m.Image, &m.CanonicalURL, &m.Section, &m.Tags, &s.modifiedAt, &m.Sections, &s.modifiedPrecision}
}

// finish sets what needs converting after the scan.
func (s *richScan) finish(m *article.Metadata) {
	m.Tags = nilIfEmpty(m.Tags)
	m.Sections = nilIfEmpty(sectionsOf(m.Section, m.Sections))
	if s.modifiedAt != nil {
		m.Modified = modifiedDate(*s.modifiedAt, s.modifiedPrecision)
	}
}

// sectionsOf is the list of sections of an article filed under section:
// the extracted list, or section alone when the list is empty (an
// extraction that named one section, an article stored before migration
// 0008), so that a stored article with a section always lists it.
func sectionsOf(section string, sections []string) []string {
	if len(sections) == 0 && section != "" {
		return []string{section}
	}
	return sections
}

// modifiedDate is a stored modified_at as the extraction had it. The
// column keeps the instant only: a time comes back in UTC, which it was
// stored as; a day (an "Updated 3 May") comes back as that calendar day,
// stored as its midnight in UTC and zoneless as the page stated it. A row
// stored before migration 0008 has no precision: a second, as read then.
func modifiedDate(at time.Time, precision *string) *article.Date {
	d := &article.Date{Time: at.UTC(), Precision: article.PrecisionSecond, HasZone: true}
	if precision != nil {
		d.Precision = article.Precision(*precision)
	}
	if d.Precision == article.PrecisionDay {
		d.HasZone = false
	}
	return d
}
