package extract

// Headline detection: which line before the body is the article's title.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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
	if best+1 < len(bs) && arrowTrail(bs[best].text) {
		// A breadcrumb trail ends with the page's own title, which the
		// headline under it repeats: that line is the headline.
		if steps := breadcrumbLine(bs[best].text); strings.EqualFold(steps[len(steps)-1], bs[best+1].text) {
			bs[best].label, bs[best].reason = labelSection, "breadcrumb-line"
			best++
		}
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
		if isParagraphSentence(b, w) {
			continue
		}
		if dm, ok := doc.dateOf(i); ok && dm.End-dm.Start > len(b.text)/2 {
			continue
		}
		var sc float32
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
		} else {
			sc -= 0.5 // inside the span: as likely its first short paragraph
		}
		sc += 2.5 / (1 + gap/3)
		sc += headlineFollowers(doc, i)
		// A headline comes again in breadcrumbs, captions and lists; a line
		// that comes again only inside the body may as well be a media
		// player's label, printed above each player.
		if b.dup > 0 && !repeatedInBody(doc, i) || repeatedAsSuffix(bs, i, lo, hi) {
			sc += 0.8
		}
		if sim := slugSimilarity(doc.urlInfo.slugWords, text); sim > 0 {
			sc += 6 * float32(sim)
		}
		for j := max(0, i-2); j < i; j++ {
			if bs[j].words <= 12 {
				if dm, ok := doc.dateOf(j); ok && dm.Confidence > 0.5 {
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
			// A user name or desk is too weak a sign of a headline above.
			if m, ok := doc.bylineOf(j); ok && len(m.authors) > 0 && !m.lone {
				shaped = true
			}
		}
		if !date {
			if dm, ok := doc.dateOf(j); ok && dm.Confidence > 0.5 {
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

// repeatedInBody reports whether block i's text comes again inside the
// body span, past its first lines.
func repeatedInBody(doc *document, i int) bool {
	bs := doc.blocks
	for j := max(doc.bodyStart+2, i+1); j < doc.bodyEnd; j++ {
		if bs[j].lower == bs[i].lower {
			return true
		}
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
