package text

// Headline detection: which line before the body is the article's title.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/extract/page"
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
	best, bestScore := -1, float32(titleThreshold)
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
	doc.meta.title = field{value: closeSpaceBeforePunct(headlineOfTrail(cleanTitle(bs[best].text)), doc.lang), idx: best, rule: "headline-score", conf: clamp01(conf)}
	bs[best].label, bs[best].reason = labelTitle, "headline-score"
	if best >= doc.bodyStart && best < doc.bodyEnd {
		doc.bodyStart = best + 1
	}
	// A short label right above the headline is its section.
	if p := best - 1; p >= 0 && bs[p].label == labelNone && bs[p].words <= 3 && !bs[p].endsSentence {
		bs[p].label, bs[p].reason = labelSection, "above-headline"
	}
}

// titleFeature names one signal of the headline score. A candidate's score
// is the dot product of its feature vector with titleWeights; the features
// are 0/1 indicators except where noted.
type titleFeature int

const (
	tfWordsHeadline    titleFeature = iota // 3-25 words
	tfWordsTwo                             // exactly 2 words
	tfWordsOther                           // any other count
	tfFullStop                             // ends with a full stop (not "...")
	tfClausePunct                          // ends with ':', ',' or ';'
	tfLowerStart                           // starts lower-case
	tfFunctionWordEnd                      // ends with a preposition or article
	tfTableRow                             // mostly numbers
	tfWordsCore                            // 4-15 words
	tfAfterAuthorLabel                     // the value of an "Author:" label
	tfTitleCase                            // title case
	tfUpperLine                            // all capitals
	tfLongProse                            // long and full of stop words
	tfCreditLine                           // a credit line, not a headline
	tfDek                                  // a dek under a shorter headline
	tfInSpan                               // inside the body span
	tfProximity                            // 1/(1+gap/3): closeness to the body, 0-1
	tfBylineBelow                          // a byline cue in the next lines
	tfNameBelow                            // a name-shaped line in the next lines
	tfDateBelow                            // a date in the next lines
	tfRepeated                             // repeated on the page
	tfSlug                                 // similarity to the URL slug, 0-1
	tfDatelineAbove                        // a date just above
	numTitleFeatures
)

// titleFeatures is one candidate's feature vector.
type titleFeatures [numTitleFeatures]float32

// titleWeights weighs the headline features; score = dot(weights, features).
type titleWeights [numTitleFeatures]float32

// handTitleWeights are the hand-set weights the scorer was developed with.
var handTitleWeights = titleWeights{
	tfWordsHeadline:    1,
	tfWordsTwo:         -0.5,
	tfWordsOther:       -1.5,
	tfFullStop:         -1.2,
	tfClausePunct:      -1,
	tfLowerStart:       -1,
	tfFunctionWordEnd:  -1.5,
	tfTableRow:         -1.5,
	tfWordsCore:        0.5,
	tfAfterAuthorLabel: -2,
	tfTitleCase:        0.4,
	tfUpperLine:        -0.8,
	tfLongProse:        -1,
	tfCreditLine:       -2,
	tfDek:              -1.5,
	tfInSpan:           -0.5,
	tfProximity:        2.5,
	tfBylineBelow:      2,
	tfNameBelow:        1,
	tfDateBelow:        1.5,
	tfRepeated:         0.8,
	tfSlug:             6,
	tfDatelineAbove:    1,
}

// titleThreshold is the score a headline must beat.
const titleThreshold = 0.8

// useFittedTitleWeights selects the weights `make train` fits
// (title_weights_fitted.go) over the hand-set ones. They are not used: in
// site-grouped cross-validation they do not beat the hand-set weights
// (internal/extract/README.md, "Fitted headline weights").
const useFittedTitleWeights = false

// titleWeightsInUse are the weights scoreTitles applies.
var titleWeightsInUse = func() *titleWeights {
	if useFittedTitleWeights {
		return &fittedTitleWeights
	}
	return &handTitleWeights
}()

// score is the dot product of the weights with f, summed in feature order.
func (w *titleWeights) score(f *titleFeatures) float32 {
	var sc float32
	for k, v := range f {
		if v != 0 {
			sc += w[k] * v
		}
	}
	return sc
}

// scoreTitles scores every headline candidate; blocks that cannot be a
// headline score 0. It returns the first candidate's index and the scores.
func scoreTitles(doc *document) (int, []float32) {
	lo, feats, ok := titleCandidates(doc)
	scores := make([]float32, len(feats))
	for k := range feats {
		if ok[k] {
			scores[k] = titleWeightsInUse.score(&feats[k])
		}
	}
	return lo, scores
}

// titleCandidates computes the feature vector of every block that may be
// the headline. It returns the first block's index, the vectors and which
// blocks are candidates at all (the others fail a hard gate).
func titleCandidates(doc *document) (int, []titleFeatures, []bool) {
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
	feats := make([]titleFeatures, max(hi-lo, 0))
	ok := make([]bool, len(feats))
	for i := lo; i < hi; i++ {
		b := &bs[i]
		if isChrome(b.label) || b.vocab.Prefix&page.VByline != 0 || isMasthead(bs, i) {
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
		f := &feats[i-lo]
		ok[i-lo] = true
		switch {
		case w >= 3 && w <= 25:
			f[tfWordsHeadline] = 1
		case w == 2:
			f[tfWordsTwo] = 1
		default:
			f[tfWordsOther] = 1
		}
		last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text, "\"'”’»)] "))
		switch {
		case last == '.' && !strings.HasSuffix(text, "..."):
			f[tfFullStop] = 1
		case last == ':' || last == ',' || last == ';':
			f[tfClausePunct] = 1
		}
		first, _ := utf8.DecodeRuneInString(text)
		f[tfLowerStart] = indicator(unicode.IsLower(first))
		f[tfFunctionWordEnd] = indicator(endsWithFunctionWord(b.lower))
		f[tfTableRow] = indicator(b.digits > 0 && w >= 3 && numericTokens(b.text)*5 >= w*2)
		f[tfWordsCore] = indicator(w >= 4 && w <= 15)
		f[tfAfterAuthorLabel] = indicator(i > 0 && bs[i-1].vocab.Prefix&page.VByline != 0 && bs[i-1].words <= 2)
		f[tfTitleCase] = indicator(b.titleCaseRatio() >= 0.7)
		f[tfUpperLine] = indicator(b.isUpperLine())
		f[tfLongProse] = indicator(w > 20 && b.stopDensity() > 0.3)
		if w <= 10 {
			if m, ok := doc.bylineOf(i); ok && len(m.Authors) > 0 && (m.Cue || m.Rest == b.text) {
				f[tfCreditLine] = 1
			}
		}
		f[tfDek] = indicator(w >= 10 && i > 0 && isHeadlineShaped(&bs[i-1]) && !bs[i-1].isUpperLine() && bs[i-1].runes < b.runes)
		var gap float32
		if i < s {
			gap = gaps[i-lo]
		} else {
			f[tfInSpan] = 1 // as likely the body's first short paragraph
		}
		f[tfProximity] = 1 / (1 + gap/3)
		headlineFollowers(doc, i, f)
		// A headline comes again in breadcrumbs, captions and lists; a line
		// that comes again only inside the body may as well be a media
		// player's label, printed above each player.
		f[tfRepeated] = indicator(b.dup > 0 && !repeatedInBody(doc, i) || repeatedAsSuffix(bs, i, lo, hi))
		if sim := page.SlugSimilarity(doc.urlInfo.SlugWords, text); sim > 0 {
			f[tfSlug] = float32(sim)
		}
		for j := max(0, i-2); j < i; j++ {
			if bs[j].words <= 12 {
				if dm, ok := doc.dateOf(j); ok && dm.Confidence > 0.5 {
					f[tfDatelineAbove] = 1 // a dateline printed above the headline
					break
				}
			}
		}
	}
	return lo, feats, ok
}

// indicator is 1 for true and 0 for false.
func indicator(b bool) float32 {
	if b {
		return 1
	}
	return 0
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
	if b.vocab.Prefix&page.VByline != 0 {
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

// headlineFollowers sets the features of what follows a headline
// candidate: a byline and a date within a few lines are the strongest
// evidence of a headline. A name on its own line counts only without a
// byline cue: it is weaker, menus hold name-like items too.
func headlineFollowers(doc *document, i int, f *titleFeatures) {
	bs := doc.blocks
	var byline, shaped, date bool
	for j := i + 1; j < min(len(bs), i+5); j++ {
		b := &bs[j]
		if b.words > 15 {
			continue
		}
		if !byline && b.vocab.Prefix&page.VByline != 0 {
			byline = true
		}
		if !shaped && b.words <= 8 {
			// A user name or desk is too weak a sign of a headline above.
			if m, ok := doc.bylineOf(j); ok && len(m.Authors) > 0 && !m.Lone {
				shaped = true
			}
		}
		if !date {
			if dm, ok := doc.dateOf(j); ok && dm.Confidence > 0.5 {
				date = true
			}
		}
	}
	f[tfBylineBelow] = indicator(byline)
	f[tfNameBelow] = indicator(shaped && !byline)
	f[tfDateBelow] = indicator(date)
}

// isHeadlineShaped reports a line that could be a headline on its own:
// a few words, no full stop, not furniture.
func isHeadlineShaped(b *block) bool {
	return b.label == labelNone && b.words >= 3 && b.words <= 25 && !b.endsSentence && b.vocab.Any&page.BoilerKinds == 0
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
