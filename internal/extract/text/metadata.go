package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/credit"
	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// field is one metadata value and where it came from.
type field struct {
	value string
	idx   int // block index; -1 when the value does not come from a block
	rule  string
	conf  float64
}

// meta is what the metadata detectors found.
type meta struct {
	title     field
	authors   []string
	agencies  []string
	byline    field
	published *article.Date
	date      field
	site      field
	location  field
	sponsors  []string
	sponsor   field
	paywalled bool
	paywall   field
	publisher field
	describe  describe // dek, section, tags, update date (describe.go)
}

func noField() field { return field{idx: -1} }

// findMetadata picks the headline, byline and date around the start of the
// body, moves the body start past them, then reads the site name, dateline,
// sponsors and paywall.
func findMetadata(doc *document) {
	m := &doc.meta
	*m = meta{title: noField(), byline: noField(), date: noField(), site: noField(), location: noField(),
		sponsor: noField(), paywall: noField(), publisher: noField()}
	findTitle(doc)
	findByline(doc)
	findBylineNearBody(doc)
	findPublished(doc)
	trimHeader(doc)
	extendBody(doc)
	findSignatureAfterBody(doc) // after the header trim: the signature is no header
	dropAuthorBio(doc)
	findSite(doc)
	findLocation(doc)
	findSponsorsAndPaywall(doc)
	findDescribe(doc)
	keepStandfirst(doc)
}

// isChrome reports labels of page furniture that never hold metadata.
func isChrome(l label) bool {
	switch l {
	case labelNav, labelShare, labelRelated, labelComments, labelNewsletter, labelFooter, labelFollow,
		labelAd, labelPaywall, labelSponsor, labelCounter, labelCaption:
		return true
	}
	return false
}

// findByline looks for the credit right after the headline, then right
// before it; explicit "By" credits beat name-shaped lines.
func findByline(doc *document) {
	bs := doc.blocks
	n := len(bs)
	t := doc.meta.title.idx
	from, to := doc.bodyStart-10, doc.bodyStart+3
	if t >= 0 {
		from, to = t+1, max(doc.bodyStart+3, t+8)
	}
	from, to = max(from, 0), min(to, n)
	type cand struct {
		idx int
		m   credit.Match
	}
	var cue, shaped *cand
	for i := from; i < to; i++ {
		b := &bs[i]
		if b.label == labelTitle || b.words > 25 || (isChrome(b.label) && b.vocab.Prefix&page.VByline == 0) {
			continue
		}
		if cue == nil {
			if m, ok := doc.splitCredit(i); ok {
				cue = &cand{i + 1, m}
			}
		}
		m, ok := doc.parseBylineOf(i)
		if !ok {
			continue
		}
		if m.Label {
			if i+1 < n {
				if v, ok := labelledCredit(bs[i+1].text); ok {
					m.Authors = []string{v}
					bs[i].label, bs[i].reason = labelByline, "byline:label"
					if cue == nil {
						cue = &cand{i + 1, m}
					}
				}
			}
			continue
		}
		// "von …", "par …": a preposition opening a short line of names
		// is as explicit as "By".
		if (m.Cue || m.Prep && len(m.Authors) > 0 && b.words <= 12) && cue == nil {
			cue = &cand{i, m}
		}
		if !m.Cue && shaped == nil && b.words <= 10 && (t < 0 || separation(doc, t, i) <= 4) && !bodyBetween(doc, t, i) {
			shaped = &cand{i, m}
		}
	}
	pick, rule, conf := cue, "byline:cue", 0.9
	if pick == nil {
		pick, rule, conf = shaped, "byline:name-shaped", 0.6
	}
	if pick == nil && t > 0 {
		// Some layouts print the credit above the headline.
		for i := t - 1; i >= max(0, t-4); i-- {
			b := &bs[i]
			if b.words > 8 || isChrome(b.label) || b.isUpperLine() {
				continue // capitals above a headline are a section label
			}
			if m, ok := doc.parseBylineOf(i); ok && len(m.Authors) > 0 {
				pick, rule, conf = &cand{i, m}, "byline:above-headline", 0.5
				break
			}
		}
	}
	if pick == nil {
		if i, m, ok := creditAnywhere(doc); ok {
			pick, rule, conf = &cand{i, m}, "byline:anywhere", 0.4
		} else if i, m, ok := repeatedName(doc); ok {
			pick, rule, conf = &cand{i, m}, "byline:repeated-name", 0.3
		}
	}
	if pick == nil {
		return
	}
	doc.meta.authors, doc.meta.agencies = pick.m.Authors, pick.m.Agencies
	doc.meta.byline = field{value: bs[pick.idx].text, idx: pick.idx, rule: rule, conf: conf}
	bs[pick.idx].label, bs[pick.idx].reason = labelByline, rule
}

// separation counts the blocks strictly between a and b that are not
// labelled furniture (share buttons, counters, captions).
func separation(doc *document, a, b int) int {
	n := 0
	for i := a + 1; i < b; i++ {
		if l := doc.blocks[i].label; l == labelNone || l == labelBody {
			n++
		}
	}
	return n
}

// bodyBetween reports whether a body block lies strictly between a and b:
// a name after the first paragraph is a caption, not a byline.
func bodyBetween(doc *document, a, b int) bool {
	for i := max(a+1, 0); i < b; i++ {
		if doc.blocks[i].label == labelBody {
			return true
		}
	}
	return false
}

// bodyCount counts body blocks in [a, b).
func bodyCount(doc *document, a, b int) int {
	n := 0
	for i := max(a, 0); i < b; i++ {
		if doc.blocks[i].label == labelBody {
			n++
		}
	}
	return n
}

// labelledCredit accepts the value after an "Author:" label: a short
// capitalised phrase, which may be a pen name or a newsletter.
func labelledCredit(s string) (string, bool) {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 5 {
		return "", false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return "", false
		}
		for _, c := range w {
			if unicode.IsDigit(c) || c == '@' || c == ':' {
				return "", false
			}
		}
	}
	return strings.Join(words, " "), true
}

// bylineOf is page.ParseByline of block i for the lines shaped like a credit
// with several names: most lines have no cue and not two capitalised words,
// and are rejected without parsing.
func (doc *document) bylineOf(i int) (credit.Match, bool) {
	if b := &doc.blocks[i]; b.vocab.Prefix&page.VByline == 0 && (b.capWords < 2 && b.cjk == 0 || b.words > 14) && !strings.Contains(b.lower, " by ") {
		return credit.Match{}, false
	}
	return doc.parseBylineOf(i)
}

// parseBylineOf memoises page.ParseByline for block i.
func (doc *document) parseBylineOf(i int) (credit.Match, bool) {
	if doc.bylineDone == nil {
		doc.bylineDone = make([]int8, len(doc.blocks))
		doc.bylines = make(map[int]credit.Match)
	}
	switch doc.bylineDone[i] {
	case 1:
		return doc.bylines[i], true
	case -1:
		return credit.Match{}, false
	}
	m, ok := page.ParseBylineFolded(doc.blocks[i].text, doc.blocks[i].lower, doc.dateCtx())
	if ok {
		doc.bylineDone[i], doc.bylines[i] = 1, m
	} else {
		doc.bylineDone[i] = -1
	}
	return m, ok
}

// dateOf memoises the first date in block i.
func (doc *document) dateOf(i int) (datetime.Match, bool) {
	if doc.dateDone == nil {
		doc.dateDone = make([]int8, len(doc.blocks))
		doc.dates = make(map[int]datetime.Match)
	}
	switch doc.dateDone[i] {
	case 1:
		return doc.dates[i], true
	case -1:
		return datetime.Match{}, false
	}
	var m datetime.Match
	ok := false
	b := &doc.blocks[i]
	// The block's features make the cheap gate cheaper still: no digit and
	// not a short line naming a relative day means no date.
	if b.digits > 0 || len(b.lower) <= 30 && datetime.HasRelativeDay(b.lower) {
		doc.toks = datetime.Tokenize(doc.toks[:0], doc.blocks[i].text)
		m, ok = datetime.FindIn(doc.toks, doc.dateCtx())
	}
	if ok {
		doc.dateDone[i], doc.dates[i] = 1, m
	} else {
		doc.dateDone[i] = -1
	}
	return m, ok
}

func (doc *document) dateCtx() datetime.Context {
	return datetime.Context{Ref: doc.ref, Year: doc.urlInfo.Year, DayFirst: doc.dayFirst, Lang: doc.lang}
}

// dateCue says whether the words before a date call it the publication or
// an update.
func dateCue(b *block, m datetime.Match) int {
	before := strings.ToLower(b.text[:m.Start])
	if k := len(before) - 40; k > 0 {
		before = before[k:]
	}
	// Only the words since the previous separator count: "Updated X;Posted Y".
	if k := strings.LastIndexAny(before, ";|•"); k >= 0 {
		before = before[k+1:]
	}
	if c := lexicon.DateCue(before); c != 0 {
		return c
	}
	return cueAfterDate(b.text, m)
}

// findPublished picks the publication date near the headline: "Published"
// beats an undated-cue date, which beats "Updated"; then the URL's date,
// then a "Published" line anywhere.
func findPublished(doc *document) {
	bs := doc.blocks
	n := len(bs)
	t := doc.meta.title.idx
	from, to := doc.bodyStart-15, doc.bodyStart+2
	if t >= 0 {
		from, to = t-4, max(doc.bodyStart+2, t+10)
	}
	from, to = max(from, 0), min(to, n)
	type cand struct {
		idx int
		m   datetime.Match
		cue int
	}
	var best, lead *cand
	rank := func(c *cand) float64 {
		r := c.m.Confidence + float64(c.cue)*0.5
		if t >= 0 {
			d := c.idx - t
			if d < 0 {
				d = -d * 2
			}
			r -= float64(d) * 0.02
		}
		return r - proseDatePenalty(&bs[c.idx], c.m)
	}
	for i := from; i < to; i++ {
		b := &bs[i]
		if b.words > 30 && b.label != labelTitle {
			if m, ok := doc.leadDate(i); ok && lead == nil {
				lead = &cand{i, m, 0}
			}
			continue
		}
		if b.label == labelTitle {
			if m, ok := titleLineDate(doc, i); ok && (best == nil || rank(&cand{i, m, 0}) > rank(best)) {
				best = &cand{i, m, 0}
			}
			continue
		}
		if b.label == labelDuplicate || b.label == labelCaption ||
			isChrome(b.label) && b.vocab.Any&(page.VPublished|page.VUpdated) == 0 && b.label != labelCounter {
			continue
		}
		if b.label == labelBody && bodyCount(doc, doc.bodyStart, i) > 2 {
			continue // a date inside the article is news, not the dateline
		}
		for _, m := range allDates(b.text, doc.dateCtx()) {
			c := &cand{i, m, dateCue(b, m)}
			if best == nil || rank(c) > rank(best) {
				best = c
			}
		}
	}
	if best == nil {
		best = lead // a lead's opening date only when no short line is dated
	}
	if best != nil && !best.m.HasYear && !best.m.Relative {
		// A year-less date near the headline ("Oct 30") loses to a
		// "Published …" line that states the year, wherever it is.
		if i, m, ok := publishedLine(doc); ok && m.HasYear {
			setPublished(doc, i, m, "date:published-line", m.Confidence*0.7)
			return
		}
	}
	if best != nil {
		setPublished(doc, best.idx, best.m, "date:header", best.m.Confidence)
		if best.idx == t {
			dropTitleDate(doc, best.m)
		}
		if best == lead {
			// The lead stays the body's: its date is no header line to trim.
			doc.meta.date.idx, doc.meta.date.rule = -1, "date:lead"
		}
		return
	}
	if !doc.urlInfo.Date.IsZero() {
		d := article.Date{Time: doc.urlInfo.Date, Precision: article.PrecisionDay}
		doc.meta.published = &d
		doc.meta.date = field{value: d.Day(), idx: -1, rule: "date:url", conf: 0.7}
		return
	}
	if i, m, ok := publishedLine(doc); ok {
		setPublished(doc, i, m, "date:published-line", m.Confidence*0.7)
		return
	}
	// A line holding little but a date, in the masthead above the headline.
	if t > 0 {
		for i := t - 1; i >= max(0, t-25); i-- {
			b := &bs[i]
			if b.words > 8 || isChrome(b.label) && b.label != labelCounter {
				continue
			}
			if m, ok := doc.dateOf(i); ok && (m.End-m.Start)*2 >= len(strings.TrimRight(b.text, " |•-")) {
				setPublished(doc, i, m, "date:masthead", m.Confidence*0.6)
				return
			}
		}
	}
	if i, m, ok := cuedDateLine(doc); ok {
		setPublished(doc, i, m, "date:cued-line", m.Confidence*0.5)
		return
	}
	if i, m, ok := loneDateLine(doc); ok {
		setPublished(doc, i, m, "date:lone-line", m.Confidence*0.4)
	}
}

// publishedLine finds the first short line that opens with a publication
// cue ("Published", "Veröffentlicht am", "Erstellt am:") and holds a date.
func publishedLine(doc *document) (int, datetime.Match, bool) {
	for i := range doc.blocks {
		b := &doc.blocks[i]
		if b.words > 20 || b.vocab.Prefix&page.VPublished == 0 {
			continue
		}
		if m, ok := doc.dateOf(i); ok {
			return i, m, true
		}
	}
	return -1, datetime.Match{}, false
}

// allDates returns every date in s, left to right.
func allDates(s string, ctx datetime.Context) []datetime.Match {
	var out []datetime.Match
	off := 0
	for len(out) < 4 {
		m, ok := datetime.Find(s[off:], ctx)
		if !ok {
			break
		}
		m.Start += off
		m.End += off
		out = append(out, m)
		if m.End <= off || m.End >= len(s) {
			break
		}
		off = m.End
	}
	return out
}

func setPublished(doc *document, idx int, m datetime.Match, rule string, conf float64) {
	d := m.Date
	doc.meta.published = &d
	doc.meta.date = field{value: doc.blocks[idx].text[m.Start:m.End], idx: idx, rule: rule, conf: clamp01(conf)}
	b := &doc.blocks[idx]
	if b.label == labelNone || b.label == labelCounter || b.label == labelBody && b.words <= 12 {
		b.label, b.reason = labelDate, rule
	}
}

// findLocation reads the dateline opening the body, else a "City, ST" line
// near the headline.
func findLocation(doc *document) {
	bs := doc.blocks
	if doc.bodyStart < doc.bodyEnd {
		for i := doc.bodyStart; i < min(doc.bodyEnd, doc.bodyStart+2); i++ {
			if bs[i].label != labelBody {
				continue
			}
			if p, ok := parseDateline(bs[i].text); ok {
				doc.meta.location = field{value: p, idx: i, rule: "dateline:body", conf: 0.8}
				return
			}
			break
		}
	}
	from := 0
	if t := doc.meta.title.idx; t >= 0 {
		from = max(0, t-15)
	}
	for i := from; i < min(doc.bodyStart, len(bs)); i++ {
		b := &bs[i]
		if b.words > 5 || b.label == labelTitle {
			continue
		}
		if p, ok := parseHeaderLocation(b.text); ok {
			doc.meta.location = field{value: p, idx: i, rule: "dateline:header", conf: 0.6}
			return
		}
	}
}

// findSponsorsAndPaywall collects sponsor credits, the paywall flag and the
// original publisher a paywall or syndication notice names.
func findSponsorsAndPaywall(doc *document) {
	bs := doc.blocks
	bestPri := 0
	for i := range bs {
		b := &bs[i]
		switch {
		case b.label == labelSponsor || b.vocab.Prefix&page.VSponsor != 0:
			if name, ok := parseSponsor(b.text); ok {
				doc.meta.sponsors = addSponsor(doc.meta.sponsors, name)
				if doc.meta.sponsor.idx < 0 {
					doc.meta.sponsor = field{value: name, idx: i, rule: "sponsor:credit", conf: 0.8}
				}
			}
		case b.label == labelPaywall || b.vocab.Any&page.VPaywall != 0 && b.words <= 45:
			if !doc.meta.paywalled {
				doc.meta.paywalled = true
				doc.meta.paywall = field{value: "true", idx: i, rule: "paywall:vocabulary", conf: 0.8}
			}
			if name, pri, ok := publisherIn(b.text, true); ok && pri > bestPri {
				bestPri = pri
				doc.meta.publisher = field{value: name, idx: i, rule: "publisher:paywall", conf: 0.7}
			}
		case b.vocab.Any&page.VSyndication != 0 && b.words <= 40:
			if name, pri, ok := publisherIn(b.text, false); ok && pri > bestPri {
				bestPri = pri
				doc.meta.publisher = field{value: name, idx: i, rule: "publisher:syndication", conf: 0.7}
			}
		}
	}
}

// maxSponsors bounds the sponsors kept: a page credits one or two, and a
// dump repeating thousands of credits must not cost a pass over all of
// them per line.
const maxSponsors = 10

// addSponsor appends name to sponsors unless it is there already (in any
// case) or the list is full.
func addSponsor(sponsors []string, name string) []string {
	if len(sponsors) >= maxSponsors {
		return sponsors
	}
	lower := strings.ToLower(name)
	for _, s := range sponsors {
		if strings.ToLower(s) == lower {
			return sponsors
		}
	}
	return append(sponsors, name)
}

func clamp01(f float64) float64 {
	switch {
	case f < 0:
		return 0
	case f > 1:
		return 1
	}
	return f
}
