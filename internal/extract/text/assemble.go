package text

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// maxDiagText bounds the text diagnostics repeat for a dropped block.
const maxDiagText = 160

// assemble turns a classified document into the extraction: metadata,
// body paragraphs in order, word count and diagnostics.
func assemble(doc *document) article.Extraction {
	x := article.Extraction{Input: doc.input}
	m := &doc.meta
	x.Metadata = article.Metadata{
		Title:             m.title.value,
		Authors:           m.authors,
		Agencies:          m.agencies,
		Published:         m.published,
		SiteName:          m.site.value,
		Location:          m.location.value,
		Sponsors:          m.sponsors,
		Paywalled:         m.paywalled,
		OriginalPublisher: m.publisher.value,
		Language:          doc.lang,
		Description:       m.describe.description.value,
		Section:           m.describe.section.value,
		Tags:              m.describe.tags,
	}
	x.Metadata.Sections = m.describe.sections
	if x.Metadata.Sections == nil && m.describe.section.value != "" {
		x.Metadata.Sections = []string{m.describe.section.value}
	}
	if dm := m.describe.modifiedAt; dm != nil {
		d := dm.Date
		x.Metadata.Modified = &d
	}
	if doc.url != nil {
		x.Metadata.URL = doc.url.String()
	}
	x.Paragraphs, x.WordCount = bodyParagraphs(doc)
	x.Diagnostics = diagnostics(doc, &x)
	if len(x.Paragraphs) == 0 {
		x.Err = fmt.Errorf("extract: %w: no article text found", article.ErrUnextractable)
	}
	return x
}

// bodyParagraphs returns the body blocks' text, joining a drop capital
// printed on a line of its own to the paragraph it starts, and their words
// as page.CountWords counts them.
func bodyParagraphs(doc *document) ([]string, int) {
	var out []string
	words := 0
	joined := -1 // the block whose text a drop capital was joined to
	bs := doc.blocks
	for i := doc.bodyStart; i < doc.bodyEnd; i++ {
		b := &bs[i]
		if b.label != labelBody {
			continue
		}
		if isDropCap(b) && i+1 < doc.bodyEnd && bs[i+1].label == labelBody {
			if r, _ := utf8.DecodeRuneInString(bs[i+1].text); unicode.IsLower(r) {
				bs[i+1].text = b.text + bs[i+1].text
				joined = i + 1
				continue
			}
		}
		out = append(out, b.text)
		if i == joined {
			words += page.CountWords(b.text)
		} else {
			words += b.counted
		}
	}
	return out, words
}

func isDropCap(b *block) bool {
	r, n := utf8.DecodeRuneInString(b.text)
	return n == len(b.text) && unicode.IsUpper(r)
}

// diagnostics says where every field came from and why every other block
// was dropped.
func diagnostics(doc *document, x *article.Extraction) article.Diagnostics {
	d := article.Diagnostics{Input: doc.input, Notes: doc.notes,
		Dropped: make([]article.DroppedBlock, 0, len(doc.blocks)-(doc.bodyEnd-doc.bodyStart))}
	m := &doc.meta
	add := func(name string, f field, value string) {
		if value == "" {
			return
		}
		line := 0
		if f.idx >= 0 && f.idx < len(doc.blocks) {
			line = doc.blocks[f.idx].line
		}
		d.Fields = append(d.Fields, article.FieldSource{Field: name, Value: value, Line: line, Rule: f.rule, Confidence: round2(f.conf)})
	}
	add("title", m.title, m.title.value)
	add("authors", m.byline, strings.Join(m.authors, "; "))
	add("agencies", m.byline, strings.Join(m.agencies, "; "))
	if m.published != nil {
		add("published", m.date, datetime.Format(m.published))
	}
	add("site", m.site, m.site.value)
	add("location", m.location, m.location.value)
	add("sponsors", m.sponsor, strings.Join(m.sponsors, "; "))
	if m.paywalled {
		add("paywalled", m.paywall, "true")
	}
	add("original_publisher", m.publisher, m.publisher.value)
	add("description", m.describe.description, m.describe.description.value)
	add("section", m.describe.section, m.describe.section.value)
	add("tags", m.describe.tagsFrom, m.describe.tagsFrom.value)
	if x.Metadata.Modified != nil {
		add("modified", m.describe.modified, datetime.Format(x.Metadata.Modified))
	}
	if doc.lang != "" {
		add("language", field{idx: -1, rule: "language:" + doc.langRule, conf: doc.langConf}, doc.lang)
	}
	if len(x.Paragraphs) > 0 {
		first := doc.bodyStart
		add("body", field{idx: first, rule: "densest-span", conf: bodyConfidence(doc)},
			fmt.Sprintf("%d paragraphs, %d words", len(x.Paragraphs), x.WordCount))
	}
	for i := range doc.blocks {
		b := &doc.blocks[i]
		if b.label == labelBody && i >= doc.bodyStart && i < doc.bodyEnd {
			continue
		}
		l := b.label
		if l == labelNone || l == labelBody {
			l = labelBoilerplate
		}
		d.Dropped = append(d.Dropped, article.DroppedBlock{Line: b.line, Label: l.String(), Text: page.TruncateRunes(b.text, maxDiagText)})
	}
	return d
}

// bodyConfidence grows with the amount of prose found and how clearly it
// stands out from the rest of the page.
func bodyConfidence(doc *document) float64 {
	var in, out float32
	for i := range doc.blocks {
		s := doc.blocks[i].score
		if s <= 0 {
			continue
		}
		if i >= doc.bodyStart && i < doc.bodyEnd {
			in += s
		} else {
			out += s
		}
	}
	if in <= 0 {
		return 0
	}
	c := float64(in/(in+out)) * float64(min(in, 20)/20)
	return round2(clamp01(c))
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }
