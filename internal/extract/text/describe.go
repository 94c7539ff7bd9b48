package text

// The richer metadata of a text dump: the dek under the headline, the
// section (the label or breadcrumb above the headline, a "Filed under"
// line, the URL), tags ("Tags: a, b") and the "Updated …" date.

import (
	"strings"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// describe holds what findDescribe found; its fields are set only when
// found.
type describe struct {
	description field
	section     field
	tags        []string
	tagsFrom    field
	sections    []string // every section named, section's value first; nil for one
	modified    field
	modifiedAt  *datetime.Match
}

// findDescribe reads the dek, section, tags and update date of a text
// dump once the headline, byline, date and body are known.
func findDescribe(doc *document) {
	d := &doc.meta.describe
	*d = describe{description: noField(), section: noField(), tagsFrom: noField(), modified: noField()}
	findDek(doc)
	findTextSection(doc)
	findTextTags(doc)
	findModified(doc)
}

// findDek takes the dek: a sentence-like line between the headline and the
// body that is not the credit, the date or furniture. The first body
// paragraph is never repeated as the dek.
func findDek(doc *document) {
	t := doc.meta.title.idx
	if t < 0 {
		return
	}
	bs := doc.blocks
	for i := t + 1; i < min(len(bs), t+6); i++ {
		b := &bs[i]
		if i >= doc.bodyStart && i < doc.bodyEnd && b.label == labelBody {
			return // reached the article
		}
		if b.label != labelSubtitle && b.label != labelNone && b.label != labelBoilerplate {
			continue
		}
		if b.words < 6 || b.words > 80 || b.dup > 0 || b.vocab.Prefix&(page.VByline|page.VPublished|page.VUpdated) != 0 || b.cells > 0 || notDek(b) ||
			b.vocab.Any&page.BoilerKinds != 0 || sameAsHeadline(b.text, doc.meta.title.value) {
			continue
		}
		doc.meta.describe.description = field{value: b.text, idx: i, rule: "dek:under-headline", conf: 0.6}
		if b.label != labelSubtitle {
			b.label, b.reason = labelSubtitle, "dek:under-headline"
		}
		return
	}
}

// sameAsHeadline reports a line that repeats the headline, as pages
// print it twice (above the article and in its header): a dek says
// something more.
func sameAsHeadline(line, title string) bool {
	return title != "" && page.DescAgreement(page.DescWords(line), page.DescWords(title)) >= page.DescAgree
}

// notDek rejects lines that sit under a headline but are no dek: photo
// credits and captions, breadcrumb trails.
func notDek(b *block) bool {
	for _, w := range lexicon.PhotoCredit {
		if strings.Contains(b.lower, w) {
			return true
		}
	}
	return breadcrumbLine(b.text) != nil
}

// labelledList returns the text after one of labels opening line (folded),
// or "".
func labelledList(text, lower string, labels []string) string {
	for _, l := range labels {
		if strings.HasPrefix(lower, l) && len(text) > len(l) {
			return strings.TrimSpace(strings.TrimLeft(text[len(l):], ": "))
		}
	}
	return ""
}

// splitTerms splits a list of terms on commas, bullets or bars.
func splitTerms(s string) []string {
	var ts page.TagSet
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '|' || r == '•' || r == '·' || r == ';' }) {
		ts.Add(part)
	}
	return ts.Tags
}

// breadcrumbSeps separate the steps of a breadcrumb printed on one line.
var breadcrumbSeps = []string{" › ", " > ", " » ", " / ", " | ", " → "}

// breadcrumbLine splits a one-line breadcrumb ("Home › Politics › Europe")
// into its steps, or returns nil.
func breadcrumbLine(s string) []string {
	for _, sep := range breadcrumbSeps {
		if strings.Count(s, sep) < 1 {
			continue
		}
		var steps []string
		parts := strings.Split(strings.Trim(s, " >›»/|"), strings.TrimSpace(sep))
		for k, p := range parts {
			p = strings.TrimSpace(p)
			if p == "" {
				continue
			}
			// Steps are section names; the last may be the page's title.
			if k < len(parts)-1 && (utf8.RuneCountInString(p) > 40 || len(strings.Fields(p)) > 5) {
				return nil
			}
			steps = append(steps, p)
		}
		if len(steps) >= 2 {
			return steps
		}
	}
	return nil
}

// arrowTrail reports a breadcrumb trail whose steps are joined by arrows
// ("Home › Local › Council"): headline-shaped, but never a headline.
func arrowTrail(s string) bool {
	if !strings.ContainsAny(s, ">›»→") {
		return false
	}
	steps := breadcrumbLine(s)
	return len(steps) >= 2 && !strings.Contains(s, " / ") && !strings.Contains(s, " | ")
}

// findTextSection reads the section from a breadcrumb or label line above
// the headline, a "Filed under" line, or the URL.
func findTextSection(doc *document) {
	bs := doc.blocks
	set := func(v string, idx int, rule string, conf float64) {
		if v = page.CleanSection(v); v != "" {
			doc.meta.describe.section = field{value: v, idx: idx, rule: rule, conf: conf}
		}
	}
	if t := doc.meta.title.idx; t > 0 {
		for i := t - 1; i >= max(0, t-4); i-- {
			b := &bs[i]
			if b.words > 30 || b.label == labelByline || b.label == labelDate {
				continue
			}
			if steps := breadcrumbLine(b.text); steps != nil {
				for k, s := range steps {
					if !lexicon.HomeSteps[strings.ToLower(s)] && (k < len(steps)-1 || len(steps) == 1) {
						set(s, i, "breadcrumb-line", 0.7)
						break
					}
				}
				if doc.meta.describe.section.idx >= 0 {
					b.label, b.reason = labelSection, "breadcrumb-line"
					return
				}
			}
		}
		// A kicker: a word or two just above the headline (or above its
		// dateline), not a sentence, a date or a credit. A menu's last
		// item may sit there too, so the search stops at the site's
		// chrome rather than reaching past it into the menu.
		for i := t - 1; i >= max(0, t-3); i-- {
			b := &bs[i]
			if !kickerLine(b, i == t-1) {
				if siteChrome(b, i == t-1) {
					break
				}
				continue
			}
			set(strings.Trim(b.text, " >›»/|•"), i, "above-headline", 0.6)
			if doc.meta.describe.section.idx >= 0 {
				if b.label == labelNone {
					b.label, b.reason = labelSection, "above-headline"
				}
				if names := kickerSections(bs, i); len(names) > 1 {
					doc.meta.describe.section.value, doc.meta.describe.sections = names[0], names
				}
				return
			}
		}
	}
	// "Filed under: …" near the headline, also inside a line of metadata
	// ("27 January by Ann Lee / Categories: Events").
	if t := doc.meta.title.idx; t >= 0 {
		for i := t + 1; i < min(len(bs), t+15); i++ {
			b := &bs[i]
			if b.words > 40 {
				continue
			}
			for _, l := range lexicon.SectionLabels {
				if k := strings.Index(b.lower, l); k > 0 && len(b.lower) == len(b.text) {
					if terms := splitTerms(strings.TrimLeft(b.text[k+len(l):], ": ")); len(terms) > 0 {
						set(terms[0], i, "section-line", 0.6)
						if doc.meta.describe.section.idx >= 0 {
							return
						}
					}
				}
			}
		}
	}
	for i := range bs {
		b := &bs[i]
		if b.words > 15 {
			continue
		}
		if v := labelledList(b.text, b.lower, lexicon.SectionLabels); v != "" {
			if terms := splitTerms(v); len(terms) > 0 {
				set(terms[0], i, "section-line", 0.7)
				if doc.meta.describe.section.idx >= 0 {
					return
				}
			}
		}
	}
	if doc.url != nil {
		if s := page.URLSection(doc.url.String()); s != "" {
			doc.meta.describe.section = field{value: s, idx: -1, rule: "url-path", conf: 0.4}
		}
	}
}

// kickerLine reports a line shaped like a section's name: a word or
// two, no sentence, no digits, not the site's chrome. Right above the
// headline a line the navigation vocabulary knows ("Politics", "Sport")
// is the section the article is filed in.
func kickerLine(b *block, adjacent bool) bool {
	if b.words == 0 || b.words > 3 || b.endsSentence || b.digits > 0 || b.label == labelByline || b.label == labelDate {
		return false
	}
	if b.vocab.Any != 0 && !(adjacent && b.words == 1 && b.vocab.Any == page.VNav && !navActions[b.lower]) {
		return false
	}
	return !isChrome(b.label) || adjacent && b.label == labelNav
}

// navActions are the one-word menu entries that do something rather than
// name a part of the site; the others a navigation bar shares with
// kickers ("News", "Politics", "Sport").
var navActions = map[string]bool{"menu": true, "search": true, "subscribe": true, "login": true, "logout": true,
	"register": true, "close": true, "open": true, "more": true, "next": true, "previous": true, "prev": true,
	"back": true, "home": true, "continue": true, "loading": true, "expand": true, "collapse": true, "select": true,
	"suche": true, "startseite": true, "accueil": true, "rechercher": true, "buscar": true, "busca": true,
	"cerca": true, "zoeken": true, "inicio": true, "início": true}

// siteChrome reports a short line of the site's furniture (a menu item,
// a sign-in link), past which no kicker is looked for. Advertisement and
// sponsor markers and view counters, which sit between a kicker and its
// headline, are not.
func siteChrome(b *block, adjacent bool) bool {
	if b.words == 0 || b.words > 3 || b.vocab.Any&(page.VAd|page.VSponsor) != 0 || b.label == labelCounter {
		return false
	}
	return b.vocab.Any != 0 || isChrome(b.label) && !(adjacent && b.label == labelNav)
}

// kickerSections lists the sections of a kicker at bs[k]: its parts when
// it names several ("Lifestyle • Sport"), then the kicker-shaped line
// right above it, a breadcrumb printed one step a line ("Politics" over
// "Europe"), at most maxSections in all.
func kickerSections(bs []block, k int) []string {
	l := page.NewSectionList()
	for _, part := range splitTerms(bs[k].text) {
		l.Add(part)
	}
	if k > 0 && kickerLine(&bs[k-1], false) {
		l.Add(strings.Trim(bs[k-1].text, " >›»/|•"))
	}
	return l.Tags
}

// findTextTags reads a "Tags: a, b, c" line, usually after the article.
func findTextTags(doc *document) {
	for i := range doc.blocks {
		b := &doc.blocks[i]
		if b.words > 40 {
			continue
		}
		if v := labelledList(b.text, b.lower, lexicon.TagLabels); v != "" {
			if tags := splitTerms(v); len(tags) > 0 {
				doc.meta.describe.tags = tags
				doc.meta.describe.tagsFrom = field{value: strings.Join(tags, "; "), idx: i, rule: "tags-line", conf: 0.7}
				return
			}
		}
	}
}

// findModified reads an "Updated …" date near the headline.
func findModified(doc *document) {
	bs := doc.blocks
	from, to := 0, min(len(bs), 40)
	if t := doc.meta.title.idx; t >= 0 {
		from, to = max(0, t-4), min(len(bs), max(doc.bodyStart+2, t+10))
	}
	for i := from; i < to; i++ {
		b := &bs[i]
		if b.words > 30 || b.vocab.Any&page.VUpdated == 0 {
			continue
		}
		for _, m := range allDates(b.text, doc.dateCtx()) {
			if dateCue(b, m) < 0 {
				m := m
				doc.meta.describe.modifiedAt = &m
				doc.meta.describe.modified = field{value: b.text[m.Start:m.End], idx: i, rule: "date:updated-line", conf: 0.7}
				return
			}
		}
	}
}
