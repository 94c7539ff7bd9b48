package page

import (
	"strings"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

func CleanSection(s string) string {
	s = cleanTerm(s)
	if utf8.RuneCountInString(s) > maxSectionRune {
		return ""
	}
	return s
}

// TagSet collects tags (or other terms) once each, in order, up to
// maxTags.
type TagSet struct {
	Tags []string
	seen map[string]bool
	// limit and clean, when set, replace maxTags and cleanTerm.
	limit int
	clean func(string) string
}

func (ts *TagSet) Add(s string) {
	limit, clean := maxTags, cleanTerm
	if ts.limit > 0 {
		limit = ts.limit
	}
	if ts.clean != nil {
		clean = ts.clean
	}
	s = clean(s)
	if s == "" || len(ts.Tags) >= limit {
		return
	}
	k := strings.ToLower(s)
	if ts.seen[k] {
		return
	}
	if ts.seen == nil {
		ts.seen = map[string]bool{}
	}
	ts.seen[k] = true
	ts.Tags = append(ts.Tags, s)
}

// AddList adds a comma-separated (or semicolon-separated) keyword list.
func (ts *TagSet) AddList(s string) {
	sep := ","
	if !strings.Contains(s, ",") && strings.Contains(s, ";") {
		sep = ";"
	}
	for _, t := range strings.Split(s, sep) {
		ts.Add(t)
	}
}

// maxSections bounds the sections listed for one article. An article is
// rarely filed deeper than two levels; further values come mostly from
// menus and category clouds (on the development pages a third and fourth
// found a few more labelled sections but halved the overlap).
const maxSections = 2

// NewSectionList collects section names once each, in order, up to
// maxSections; the front page's name is none.
func NewSectionList() *TagSet {
	return &TagSet{limit: maxSections, clean: func(s string) string {
		if s = CleanSection(s); lexicon.HomeSteps[strings.ToLower(s)] {
			return ""
		}
		return s
	}}
}

const maxTags = 30

const maxTagRunes = 60

const maxSectionRune = 60

// cleanTerm tidies one tag or section name; "" when it is not one.
func cleanTerm(s string) string {
	s = dom.CollapseSpace(UnescapeOnce(s))
	s = strings.Trim(s, " ,;|#·•»›>/")
	if s == "" || utf8.RuneCountInString(s) > maxTagRunes || LooksLikeURL(s) {
		return ""
	}
	return s
}
