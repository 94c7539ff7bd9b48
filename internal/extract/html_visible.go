package extract

import (
	"strings"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/dom"
)

// htmlVisibleWindow is how many blocks around the headline are searched
// for a printed date or byline.
const htmlVisibleWindow = 8

// htmlHeadArea returns the range of block indexes around the headline (or
// before the body when no headline was found) where pages print the date
// and byline.
func htmlHeadArea(labels []string) (lo, hi int) {
	t := -1
	first := -1
	for i, l := range labels {
		if l == dom.LabelTitle && t < 0 {
			t = i
		}
		if l == dom.LabelContent && first < 0 {
			first = i
		}
	}
	switch {
	case t >= 0:
		return max(0, t-2), min(len(labels), t+htmlVisibleWindow)
	case first >= 0:
		return max(0, first-htmlVisibleWindow), first
	}
	return 0, 0
}

// htmlVisibleDate finds a date printed near the headline, for pages that
// state none in their metadata.
func htmlVisibleDate(blocks []dom.Block, labels []string) (*article.Date, int) {
	lo, hi := htmlHeadArea(labels)
	for i := lo; i < hi; i++ {
		b := &blocks[i]
		if b.Chars > 100 || labels[i] == dom.LabelContent && b.Chars > 60 {
			continue
		}
		if d, ok := htmlParseDate(b.Text); ok {
			return d, i
		}
		t := b.Text
		for j := 0; j+8 <= len(t); j++ {
			if (t[j] == '1' || t[j] == '2') && (j == 0 || t[j-1] == ' ' || t[j-1] == '(') {
				if d, ok := htmlParseISODate(t[j:]); ok {
					return d, i
				}
			}
		}
	}
	return nil, -1
}

// htmlVisibleByline finds a "By …" line near the headline, for pages that
// name no author in their metadata.
func htmlVisibleByline(blocks []dom.Block, labels []string, site string) (persons, orgs []string, at int) {
	lo, hi := htmlHeadArea(labels)
	for i := lo; i < hi; i++ {
		b := &blocks[i]
		if b.Chars > 80 || b.Chars < 5 {
			continue
		}
		low := strings.ToLower(b.Text)
		found := false
		for _, p := range htmlAuthorPrefixes {
			if p != "de " && strings.HasPrefix(low, p) {
				found = true
				break
			}
		}
		if !found {
			continue
		}
		text := htmlCutAtDate(b.Text)
		p, o := htmlSplitCredits([]string{text}, site)
		if len(p) > 0 {
			return p, o, i
		}
	}
	return nil, nil, -1
}

var htmlWeekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "mon": true, "tue": true, "wed": true, "thu": true,
	"fri": true, "sat": true, "sun": true,
}

// htmlCutAtDate drops a date, and anything after it, from a byline line
// ("By Ann Lee Monday, November 18, 2019" gives "By Ann Lee").
func htmlCutAtDate(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		lw := strings.ToLower(strings.Trim(w, ",.;:|"))
		if i > 1 && (htmlWeekdays[lw] || htmlMonths[lw] != 0 || strings.ContainsAny(lw, "0123456789") ||
			lw == "updated" || lw == "published" || lw == "posted") {
			return strings.Join(words[:i], " ")
		}
	}
	return s
}
