package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/article"
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
	findPublished(doc)
	trimHeader(doc)
	extendBody(doc)
	findSite(doc)
	findLocation(doc)
	findSponsorsAndPaywall(doc)
	applyCandidates(doc)
}

// applyCandidates weighs structured metadata a front-end read (JSON-LD,
// OpenGraph, <meta>, <time>) against what the blocks said: the more
// confident source wins.
func applyCandidates(doc *document) {
	m := &doc.meta
	for _, c := range doc.candidates {
		if c.value == "" {
			continue
		}
		f := field{value: c.value, idx: -1, rule: c.rule, conf: clamp01(c.confidence)}
		switch c.field {
		case "title":
			if c.confidence > m.title.conf {
				m.title = f
			}
		case "author":
			if c.confidence > m.byline.conf {
				names, agencies := splitCredit(c.value)
				if len(names)+len(agencies) > 0 {
					m.authors, m.agencies, m.byline = names, agencies, f
				}
			}
		case "published":
			if c.confidence > m.date.conf {
				if dm, ok := findDate(c.value, doc.dateCtx()); ok {
					d := dm.date
					m.published, m.date = &d, f
				}
			}
		case "site":
			if c.confidence > m.site.conf {
				m.site = f
			}
		case "language":
			if len(c.value) >= 2 {
				doc.lang, doc.langRule, doc.langConf = strings.ToLower(c.value[:2]), c.rule, c.confidence
			}
		}
	}
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

// cleanTitle strips an image-alt prefix glued to a headline ("NextImg:",
// "Image:"), which copy-paste from image links produces.
func cleanTitle(s string) string {
	i := strings.IndexByte(s, ':')
	if i <= 0 || i > 20 || strings.ContainsAny(s[:i], " \t") {
		return s
	}
	p := strings.ToLower(s[:i])
	for _, suffix := range []string{"img", "image", "photo", "pic", "thumb", "thumbnail"} {
		if strings.HasSuffix(p, suffix) {
			return strings.TrimSpace(s[i+1:])
		}
	}
	return s
}

// findTitle scores headline candidates before the body: headline-shaped
// (a handful of words, no full stop), close to the body, followed by a
// byline or date, repeated elsewhere on the page, similar to the URL slug.
func findTitle(doc *document) {
	bs := doc.blocks
	lo, scores := scoreTitles(doc)
	best, bestScore := -1, float32(0.8)
	for k, sc := range scores {
		if sc > bestScore {
			best, bestScore = lo+k, sc
		}
	}
	if best < 0 {
		return
	}
	conf := float64(bestScore) / 8
	doc.meta.title = field{value: cleanTitle(bs[best].text), idx: best, rule: "headline-score", conf: clamp01(conf)}
	bs[best].label, bs[best].reason = labelTitle, "headline-score"
	if best >= doc.bodyStart && best < doc.bodyEnd {
		doc.bodyStart = best + 1
	}
	// A short label right above the headline is its section.
	if p := best - 1; p >= 0 && bs[p].label == labelNone && bs[p].words <= 3 && !bs[p].endsSentence {
		bs[p].label, bs[p].reason = labelSection, "above-headline"
	}
}

// scoreTitles scores every headline candidate; blocks that cannot be a
// headline score 0. It returns the first candidate's index and the scores.
func scoreTitles(doc *document) (int, []float32) {
	bs := doc.blocks
	n := len(bs)
	s := doc.bodyStart
	lo, hi := s-titleWindow, s+2
	if doc.bodyEnd <= doc.bodyStart {
		lo, hi, s = 0, 40, 40
	}
	lo, hi = max(lo, 0), min(hi, n)
	// Furniture between a candidate and the body (share buttons, dates,
	// credits, captions) does not make it less of a headline; count only
	// the other blocks.
	gaps := make([]float32, hi-lo+1)
	for i := min(s, n) - 1; i >= lo; i-- {
		var g float32
		if i+1 < min(s, n) {
			g = gaps[i+1-lo] + furnitureWeight(doc, i+1)
		}
		gaps[i-lo] = g
	}
	scores := make([]float32, hi-lo)
	for i := lo; i < hi; i++ {
		b := &bs[i]
		if isChrome(b.label) || b.vocab.prefix&vByline != 0 || isMasthead(bs, i) {
			continue
		}
		text := cleanTitle(b.text)
		w := b.words
		if text != b.text {
			w = wordCount(text)
		}
		if w < 2 && b.cjk == 0 || b.runes < 8 || b.runes > 300 || w > 40 {
			continue
		}
		if dm, ok := doc.dateOf(i); ok && dm.end-dm.start > len(b.text)/2 {
			continue
		}
		var sc float32
		if b.tag == "h1" {
			sc += 1.5
		}
		switch {
		case w >= 3 && w <= 25:
			sc += 1
		case w == 2:
			sc -= 0.5
		default:
			sc -= 1.5
		}
		last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text, "\"'”’»)] "))
		switch {
		case last == '.' && !strings.HasSuffix(text, "..."):
			sc -= 1.2
		case last == ':' || last == ',' || last == ';':
			sc -= 1
		}
		first, _ := utf8.DecodeRuneInString(text)
		if unicode.IsLower(first) {
			sc -= 1
		}
		if endsWithFunctionWord(b.lower) {
			sc -= 1.5
		}
		if b.digits > 0 && w >= 3 && numericTokens(b.text)*5 >= w*2 {
			sc -= 1.5 // a table row
		}
		if w >= 4 && w <= 15 {
			sc += 0.5
		}
		if i > 0 && bs[i-1].vocab.prefix&vByline != 0 && bs[i-1].words <= 2 {
			sc -= 2 // the value of an "Author:" label
		}
		if b.titleCaseRatio() >= 0.7 {
			sc += 0.4
		}
		if b.isUpperLine() {
			sc -= 0.8
		}
		if w > 20 && b.stopDensity() > 0.3 {
			sc -= 1
		}
		if w <= 10 {
			if m, ok := doc.bylineOf(i); ok && len(m.authors) > 0 && (m.cue || m.rest == b.text) {
				sc -= 2 // a credit line, not a headline
			}
		}
		if w >= 10 && i > 0 && isHeadlineShaped(&bs[i-1]) && !bs[i-1].isUpperLine() && bs[i-1].runes < b.runes {
			sc -= 1.5 // a dek under the real headline
		}
		var gap float32
		if i < s {
			gap = gaps[i-lo]
		}
		sc += 2.5 / (1 + gap/3)
		sc += headlineFollowers(doc, i)
		if b.dup > 0 || repeatedAsSuffix(bs, i, lo, hi) {
			sc += 0.8
		}
		if sim := slugSimilarity(doc.urlInfo.slugWords, text); len(doc.urlInfo.slugWords) >= 3 && sim > 0 {
			sc += 6 * float32(sim)
		}
		for j := max(0, i-2); j < i; j++ {
			if bs[j].words <= 12 {
				if dm, ok := doc.dateOf(j); ok && dm.confidence > 0.5 {
					sc += 1 // a dateline printed above the headline
					break
				}
			}
		}
		scores[i-lo] = sc
	}
	return lo, scores
}

// titleWindow is how many blocks before the body the headline may be;
// some templates put a whole menu between the two.
const titleWindow = 250

// furnitureWeight is how much block i separates a headline above it from
// the article below: labelled chrome, dates and credits sit between the two
// without separating them (0), short labels a little (0.5), anything else
// fully (1).
func furnitureWeight(doc *document, i int) float32 {
	b := &doc.blocks[i]
	switch b.label {
	case labelShare, labelCounter, labelCaption, labelDate, labelByline, labelAd, labelFollow, labelSponsor, labelNewsletter:
		return 0
	case labelNav:
		return 0.5
	case labelNone:
	default:
		return 1
	}
	if b.vocab.prefix&vByline != 0 {
		return 0
	}
	if b.words <= 12 {
		if _, ok := doc.dateOf(i); ok {
			return 0
		}
	}
	if b.words <= 3 {
		return 0.5
	}
	return 1
}

// headlineFollowers scores what follows a headline candidate: a byline and
// a date within a few lines are the strongest evidence of a headline.
func headlineFollowers(doc *document, i int) float32 {
	bs := doc.blocks
	var byline, shaped, date bool
	for j := i + 1; j < min(len(bs), i+5); j++ {
		b := &bs[j]
		if b.words > 15 {
			continue
		}
		if !byline && b.vocab.prefix&vByline != 0 {
			byline = true
		}
		if !shaped && b.words <= 8 {
			if m, ok := doc.bylineOf(j); ok && len(m.authors) > 0 {
				shaped = true
			}
		}
		if !date {
			if dm, ok := doc.dateOf(j); ok && dm.confidence > 0.5 {
				date = true
			}
		}
	}
	var sc float32
	switch {
	case byline:
		sc += 2
	case shaped:
		sc += 1 // a name on its own line: weaker, menus hold name-like items too
	}
	if date {
		sc += 1.5
	}
	return sc
}

// isHeadlineShaped reports a line that could be a headline on its own:
// a few words, no full stop, not furniture.
func isHeadlineShaped(b *block) bool {
	return b.label == labelNone && b.words >= 3 && b.words <= 25 && !b.endsSentence && b.vocab.any&boilerKinds == 0
}

// numericTokens counts the words of s that are numbers.
func numericTokens(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if strings.Trim(w, "0123456789.,:%-+$€£") == "" {
			n++
		}
	}
	return n
}

// endsWithFunctionWord reports a line ending in a preposition, article or
// conjunction, which a headline never does ("Follow us on").
func endsWithFunctionWord(lower string) bool {
	i := strings.LastIndexByte(lower, ' ')
	if i < 0 {
		return false
	}
	switch strings.TrimRight(lower[i+1:], ".:!?") {
	case "on", "of", "the", "and", "to", "for", "with", "by", "in", "at", "a", "an", "or", "from":
		return true
	}
	return false
}

// repeatedAsSuffix reports whether another line ends with block i's text,
// as breadcrumbs and share prompts repeat the headline.
func repeatedAsSuffix(bs []block, i, lo, hi int) bool {
	t := bs[i].lower
	if len(t) < 15 {
		return false
	}
	for j := lo; j < hi; j++ {
		if j != i && len(bs[j].lower) > len(t) && strings.HasSuffix(bs[j].lower, t) {
			return true
		}
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
	ctx := doc.dateCtx()
	type cand struct {
		idx int
		m   bylineMatch
	}
	var cue, shaped *cand
	for i := from; i < to; i++ {
		b := &bs[i]
		if b.label == labelTitle || b.words > 25 || (isChrome(b.label) && b.vocab.prefix&vByline == 0) {
			continue
		}
		m, ok := parseByline(b.text, ctx)
		if !ok {
			continue
		}
		if m.label {
			if i+1 < n {
				if v, ok := labelledCredit(bs[i+1].text); ok {
					m.authors = []string{v}
					bs[i].label, bs[i].reason = labelByline, "byline:label"
					if cue == nil {
						cue = &cand{i + 1, m}
					}
				}
			}
			continue
		}
		if m.cue && cue == nil {
			cue = &cand{i, m}
		}
		if !m.cue && shaped == nil && b.words <= 10 && (t < 0 || separation(doc, t, i) <= 4) && !bodyBetween(doc, t, i) {
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
			if m, ok := parseByline(b.text, ctx); ok && len(m.authors) > 0 {
				pick, rule, conf = &cand{i, m}, "byline:above-headline", 0.5
				break
			}
		}
	}
	if pick == nil {
		return
	}
	doc.meta.authors, doc.meta.agencies = pick.m.authors, pick.m.agencies
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

// bylineOf memoises parseByline for block i.
func (doc *document) bylineOf(i int) (bylineMatch, bool) {
	if doc.bylineDone == nil {
		doc.bylineDone = make([]int8, len(doc.blocks))
		doc.bylines = make(map[int]bylineMatch)
	}
	switch doc.bylineDone[i] {
	case 1:
		return doc.bylines[i], true
	case -1:
		return bylineMatch{}, false
	}
	// Most lines cannot be credits: no cue, and not two capitalised words.
	if b := &doc.blocks[i]; b.vocab.prefix&vByline == 0 && (b.capWords < 2 && b.cjk == 0 || b.words > 14) && !strings.Contains(b.lower, " by ") {
		doc.bylineDone[i] = -1
		return bylineMatch{}, false
	}
	m, ok := parseByline(doc.blocks[i].text, doc.dateCtx())
	if ok {
		doc.bylineDone[i], doc.bylines[i] = 1, m
	} else {
		doc.bylineDone[i] = -1
	}
	return m, ok
}

// dateOf memoises the first date in block i.
func (doc *document) dateOf(i int) (dateMatch, bool) {
	if doc.dateDone == nil {
		doc.dateDone = make([]int8, len(doc.blocks))
		doc.dates = make(map[int]dateMatch)
	}
	switch doc.dateDone[i] {
	case 1:
		return doc.dates[i], true
	case -1:
		return dateMatch{}, false
	}
	var m dateMatch
	ok := false
	if hasDigitOrRelative(doc.blocks[i].text) {
		doc.toks = tokenizeDateInto(doc.toks[:0], doc.blocks[i].text)
		m, ok = findDateIn(doc.toks, doc.dateCtx())
	}
	if ok {
		doc.dateDone[i], doc.dates[i] = 1, m
	} else {
		doc.dateDone[i] = -1
	}
	return m, ok
}

func (doc *document) dateCtx() dateContext {
	return dateContext{ref: doc.ref, year: doc.urlInfo.year, dayFirst: doc.dayFirst, lang: doc.lang}
}

// dateCue says whether the words before a date call it the publication or
// an update.
func dateCue(b *block, m dateMatch) int {
	before := strings.ToLower(b.text[:m.start])
	if k := len(before) - 40; k > 0 {
		before = before[k:]
	}
	// Only the words since the previous separator count: "Updated X;Posted Y".
	if k := strings.LastIndexAny(before, ";|•"); k >= 0 {
		before = before[k+1:]
	}
	switch {
	case strings.Contains(before, "updated") || strings.Contains(before, "modified") || strings.Contains(before, "atualizado") || strings.Contains(before, "actualizado"):
		return -1
	case strings.Contains(before, "published") || strings.Contains(before, "posted") || strings.Contains(before, "publicado") || strings.Contains(before, "publié"):
		return 1
	}
	return 0
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
		m   dateMatch
		cue int
	}
	var best *cand
	rank := func(c *cand) float64 {
		r := c.m.confidence + float64(c.cue)*0.5
		if t >= 0 {
			d := c.idx - t
			if d < 0 {
				d = -d * 2
			}
			r -= float64(d) * 0.02
		}
		return r
	}
	for i := from; i < to; i++ {
		b := &bs[i]
		if b.words > 30 || b.label == labelTitle || b.label == labelDuplicate || b.label == labelCaption ||
			isChrome(b.label) && b.vocab.any&(vPublished|vUpdated) == 0 && b.label != labelCounter {
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
	if best != nil {
		setPublished(doc, best.idx, best.m, "date:header", best.m.confidence)
		return
	}
	if !doc.urlInfo.date.IsZero() {
		d := article.Date{Time: doc.urlInfo.date, Precision: article.PrecisionDay}
		doc.meta.published = &d
		doc.meta.date = field{value: d.Day(), idx: -1, rule: "date:url", conf: 0.7}
		return
	}
	for i := range bs {
		b := &bs[i]
		if b.words > 20 || b.vocab.prefix&vPublished == 0 {
			continue
		}
		if m, ok := doc.dateOf(i); ok {
			setPublished(doc, i, m, "date:published-line", m.confidence*0.7)
			return
		}
	}
	// A line holding little but a date, in the masthead above the headline.
	if t > 0 {
		for i := t - 1; i >= max(0, t-25); i-- {
			b := &bs[i]
			if b.words > 8 || isChrome(b.label) && b.label != labelCounter {
				continue
			}
			if m, ok := doc.dateOf(i); ok && (m.end-m.start)*2 >= len(strings.TrimRight(b.text, " |•-")) {
				setPublished(doc, i, m, "date:masthead", m.confidence*0.6)
				return
			}
		}
	}
}

// allDates returns every date in s, left to right.
func allDates(s string, ctx dateContext) []dateMatch {
	var out []dateMatch
	off := 0
	for len(out) < 4 {
		m, ok := findDate(s[off:], ctx)
		if !ok {
			break
		}
		m.start += off
		m.end += off
		out = append(out, m)
		if m.end <= off || m.end >= len(s) {
			break
		}
		off = m.end
	}
	return out
}

func setPublished(doc *document, idx int, m dateMatch, rule string, conf float64) {
	d := m.date
	doc.meta.published = &d
	doc.meta.date = field{value: doc.blocks[idx].text[m.start:m.end], idx: idx, rule: rule, conf: clamp01(conf)}
	b := &doc.blocks[idx]
	if b.label == labelNone || b.label == labelCounter || b.label == labelBody && b.words <= 12 {
		b.label, b.reason = labelDate, rule
	}
}

// trimHeader moves the body start past the headline, byline and date when
// the densest span began before them (a standfirst is prose too).
func trimHeader(doc *document) {
	end := -1
	for _, f := range []field{doc.meta.title, doc.meta.byline, doc.meta.date} {
		if f.idx >= doc.bodyStart && f.idx < doc.bodyEnd && f.idx-doc.bodyStart <= 6 && f.idx > end {
			end = f.idx
		}
	}
	if end < 0 {
		return
	}
	// More than a dek's worth of prose before the credit means the credit
	// was found inside the article; leave the body alone.
	if bodyCount(doc, doc.bodyStart, end) > 2 {
		return
	}
	for i := doc.bodyStart; i <= end; i++ {
		b := &doc.blocks[i]
		if b.label == labelBody {
			b.label, b.reason = labelSubtitle, "header:before-credit"
		}
	}
	doc.bodyStart = end + 1
	for doc.bodyStart < doc.bodyEnd && doc.blocks[doc.bodyStart].label != labelBody {
		doc.bodyStart++
	}
}

// extendBody pulls in strong paragraphs just outside the body span when
// only furniture separates them from it: a gallery or a box of links in
// the middle of an article costs the span more than the paragraphs beyond
// it bring. It never crosses the headline, a comment section, a paywall, a
// footer or a related-links heading.
func extendBody(doc *document) {
	if doc.bodyEnd <= doc.bodyStart {
		return
	}
	bs := doc.blocks
	stop := func(b *block) bool {
		switch b.label {
		case labelComments, labelPaywall, labelFooter, labelTitle, labelByline, labelDate, labelSubtitle:
			return true
		case labelRelated:
			return b.words <= 5
		}
		return false
	}
	strong := func(b *block) bool {
		return b.label == labelNone && b.score >= extendMinScore && b.endsSentence
	}
	for j := doc.bodyEnd; j < len(bs) && j-doc.bodyEnd < extendReach; j++ {
		// After the article, share and sign-up prompts mean it is over.
		if l := bs[j].label; stop(&bs[j]) || l == labelShare || l == labelNewsletter || l == labelFollow {
			break
		}
		if strong(&bs[j]) {
			for k := doc.bodyEnd; k <= j; k++ {
				if bs[k].label == labelNone && (bs[k].score > 0 || bs[k].cells >= 2 || k == j) {
					bs[k].label, bs[k].reason = labelBody, "extended"
				}
			}
			doc.bodyEnd = j + 1
		}
	}
	floor := 0
	for _, f := range []field{doc.meta.title, doc.meta.byline, doc.meta.date} {
		if f.idx >= floor && f.idx < doc.bodyStart {
			floor = f.idx + 1
		}
	}
	// Backwards, a dek and a caption under the headline look like strong
	// paragraphs too; only a run of them worth an article's opening counts.
	var gain float32
	strongCount, to := 0, -1
	for j := doc.bodyStart - 1; j >= floor && doc.bodyStart-j <= extendReach; j-- {
		if stop(&bs[j]) || isCreditOrDate(doc, j) {
			break // a second header (a repeated credit or date) is no article text
		}
		if bs[j].label == labelNone && bs[j].score > 0 {
			gain += bs[j].score
		}
		if strong(&bs[j]) {
			strongCount++
			if gain >= extendBackMin {
				to = j
			}
		}
	}
	if to >= 0 {
		for k := to; k < doc.bodyStart; k++ {
			if bs[k].label == labelNone && (bs[k].score > 0 || bs[k].cells >= 2 || k == to) {
				bs[k].label, bs[k].reason = labelBody, "extended"
			}
		}
		doc.bodyStart = to
	}
}

// isCreditOrDate reports a short line that is a date or a credit.
func isCreditOrDate(doc *document, i int) bool {
	b := &doc.blocks[i]
	if b.words > 12 || b.cells >= 2 {
		return false
	}
	if _, ok := doc.dateOf(i); ok {
		return true
	}
	m, ok := doc.bylineOf(i)
	return ok && len(m.authors) > 0 && (m.cue || b.words <= 4)
}

// Body extension: how far past the span to look, and how strong a
// paragraph must be to be worth the detour.
const (
	extendReach    = 12
	extendMinScore = 3
	extendBackMin  = 5
)

// findSite reads the site's name from a masthead in capitals at the top,
// then from the copyright line, then from the URL's host.
func findSite(doc *document) {
	bs := doc.blocks
	for i := 0; i < min(3, len(bs)); i++ {
		b := &bs[i]
		if isMasthead(bs, i) {
			doc.meta.site = field{value: titleCase(b.text), idx: i, rule: "site:masthead", conf: 0.6}
			if b.label == labelNone {
				b.label, b.reason = labelSite, "site:masthead"
			}
			return
		}
	}
	for i := len(bs) - 1; i >= 0 && i >= len(bs)-80; i-- {
		b := &bs[i]
		if b.words > 25 || !(strings.Contains(b.text, "©") || strings.HasPrefix(b.lower, "copyright")) {
			continue
		}
		if h := copyrightHolder(b.text); h != "" {
			doc.meta.site = field{value: h, idx: i, rule: "site:copyright", conf: 0.5}
			return
		}
	}
	if doc.urlInfo.host != "" {
		doc.meta.site = field{value: doc.urlInfo.host, idx: -1, rule: "site:url-host", conf: 0.3}
	}
}

// isMasthead reports a site name in capitals among the first lines of the
// page.
func isMasthead(bs []block, i int) bool {
	if i >= 3 {
		return false
	}
	b := &bs[i]
	return b.isUpperLine() && b.words >= 2 && b.words <= 6 && b.vocab.any == 0 && b.digits == 0 && onlyNameRunes(b.text)
}

func onlyNameRunes(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && r != ' ' && r != '&' && r != '\'' && r != '.' && r != '-' && r != '’' {
			return false
		}
	}
	return true
}

// copyrightHolder extracts "The Detroit News" from "© 2019 The Detroit
// News, a Digital First Media Newspaper. All rights reserved."
func copyrightHolder(s string) string {
	s = strings.ReplaceAll(s, "©", " ")
	lower := strings.ToLower(s)
	if i := strings.Index(lower, "copyright"); i >= 0 {
		s = s[:i] + " " + s[i+len("copyright"):]
	}
	s = strings.ReplaceAll(s, "(c)", " ")
	s = strings.ReplaceAll(s, "(C)", " ")
	// Cut at the first sentence or clause break.
	for _, sep := range []string{". ", ", ", " | ", " - ", " – ", ";", "All rights", "all rights", "All Rights"} {
		if i := strings.Index(s, sep); i > 0 {
			head := strings.TrimSpace(strings.Trim(s[:i], " -–0123456789"))
			if head != "" {
				s = s[:i]
			}
		}
	}
	words := strings.Fields(s)
	var out []string
	for _, w := range words {
		if strings.Trim(w, "0123456789-–,.") == "" {
			continue
		}
		out = append(out, w)
	}
	for len(out) > 0 {
		lw := strings.ToLower(strings.Trim(out[len(out)-1], ".,"))
		switch lw {
		case "inc", "llc", "ltd", "limited", "company", "co", "corp", "corporation", "gmbh", "plc", "pty", "s.a", "sa":
			out = out[:len(out)-1]
			continue
		}
		break
	}
	if len(out) == 0 || len(out) > 6 {
		return ""
	}
	h := strings.Trim(strings.Join(out, " "), " .,")
	r, _ := utf8.DecodeRuneInString(h)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return ""
	}
	return h
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
		case b.label == labelSponsor || b.vocab.prefix&vSponsor != 0:
			if name, ok := parseSponsor(b.text); ok {
				doc.meta.sponsors = dedupe(append(doc.meta.sponsors, name))
				if doc.meta.sponsor.idx < 0 {
					doc.meta.sponsor = field{value: name, idx: i, rule: "sponsor:credit", conf: 0.8}
				}
			}
		case b.label == labelPaywall || b.vocab.any&vPaywall != 0 && b.words <= 45:
			if !doc.meta.paywalled {
				doc.meta.paywalled = true
				doc.meta.paywall = field{value: "true", idx: i, rule: "paywall:vocabulary", conf: 0.8}
			}
			if name, pri, ok := publisherIn(b.text, true); ok && pri > bestPri {
				bestPri = pri
				doc.meta.publisher = field{value: name, idx: i, rule: "publisher:paywall", conf: 0.7}
			}
		case b.vocab.any&vSyndication != 0 && b.words <= 40:
			if name, pri, ok := publisherIn(b.text, false); ok && pri > bestPri {
				bestPri = pri
				doc.meta.publisher = field{value: name, idx: i, rule: "publisher:syndication", conf: 0.7}
			}
		}
	}
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
