package store

import (
	"time"

	"github.com/pressroom/pressroom/internal/article"
)

// richColumns are the article columns of migrations 0007 and 0008:
// description, image, canonical_url, section, tags, modified_at and
// sections, in that order.
const richColumns = `description, image, canonical_url, section, tags, modified_at, sections`

// richRow holds the values of richColumns, cleaned for PostgreSQL.
type richRow struct {
	description  string
	image        string
	canonicalURL string
	section      string
	tags         []string
	modifiedAt   *time.Time // NULL when the page states no update
	sections     []string   // section first
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
		t := m.Modified.Time.Truncate(time.Microsecond).UTC()
		r.modifiedAt = &t
	}
	return r
}

// values returns r in the order of richColumns.
func (r *richRow) values() []any {
	return []any{r.description, r.image, r.canonicalURL, r.section, r.tags, r.modifiedAt, r.sections}
}

// setOn sets r's fields on m as scanArticle would read them back.
func (r *richRow) setOn(m *article.Metadata) {
	m.Description, m.Image, m.CanonicalURL, m.Section = r.description, r.image, r.canonicalURL, r.section
	m.Tags = nilIfEmpty(r.tags)
	m.Sections = nilIfEmpty(r.sections)
	s := richScan{modifiedAt: r.modifiedAt}
	s.finish(m)
}

// richScan reads richColumns into m.
type richScan struct {
	modifiedAt *time.Time
}

func (s *richScan) dest(m *article.Metadata) []any {
	return []any{&m.Description, &m.Image, &m.CanonicalURL, &m.Section, &m.Tags, &s.modifiedAt, &m.Sections}
}

// finish sets what needs converting after the scan.
func (s *richScan) finish(m *article.Metadata) {
	m.Tags = nilIfEmpty(m.Tags)
	m.Sections = nilIfEmpty(sectionsOf(m.Section, m.Sections))
	if s.modifiedAt != nil {
		m.Modified = &article.Date{Time: s.modifiedAt.UTC(), Precision: article.PrecisionSecond, HasZone: true}
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
