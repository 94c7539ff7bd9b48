package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// endAtTeaserRun ends the body at a run of teaser lines after the article:
// headlines of other stories, each perhaps with a line of teaser text, then
// more of the page's furniture (an author box, a blurb about the site). The
// densest span carries them along when the teasers read like short prose
// and a long blurb follows them; but an article's own text comes in
// paragraphs, and a run of short lines that are mostly no sentences, with
// little prose after it, is the page around the article.
func endAtTeaserRun(doc *document) {
	bs := doc.blocks
	runs := teaserRuns(doc)
	var before float32  // positive score of the body before i
	short, long := 0, 0 // the body's lines before i, teaser-length and longer
	for i := doc.bodyStart; i < doc.bodyEnd; i++ {
		b := &bs[i]
		if b.label != labelBody {
			continue
		}
		r := &runs[i-doc.bodyStart]
		// An article written in short lines (a changelog, a list of
		// notes) shows no change of texture where its teasers start.
		if before >= teaserArticleMin && 2*long >= short && r.n > 0 && !r.introduced {
			// Under a "Read also" heading the teasers may be sentences.
			headed := relatedHeadingBefore(doc, i) && r.n >= teaserHeadedMin
			if headed || r.n >= teaserRunMin && r.headlines*10 >= r.n*teaserHeadlineTenths {
				after := runs[0].total - before - r.score // what follows the run
				if after <= before*teaserTailShare && after <= teaserTailMax {
					// The article's closing sentence may be short too: the
					// teasers start at the first line that is no sentence.
					for i+1 < doc.bodyEnd && bs[i].label == labelBody && bs[i].endsSentence && !truncated(bs[i].text) {
						i++
					}
					for j := i; j < doc.bodyEnd; j++ {
						if bs[j].label == labelBody {
							bs[j].label, bs[j].reason = labelRelated, "layout:teaser-run"
						}
					}
					doc.bodyEnd = i
					return
				}
			}
		}
		if b.score > 0 {
			before += b.score
		}
		if r.n > 0 {
			short++
		} else {
			long++
		}
	}
}

// teaserStats describes the run of short body lines that starts at a line.
type teaserStats struct {
	n, headlines int     // teaser lines in the run, headline-shaped ones
	score        float32 // their positive score
	introduced   bool    // a line ending with a colon heads the run or comes right before it: the article's own list
	total        float32 // at the span's first line only: the body's positive score
}

// teaserRuns returns, for every line of the body span, the run of teaser
// lines from it to the first longer body line: one pass from the end for
// the runs, one from the start for the colons that introduce them. Lines
// the classifier took for furniture do not break a run.
func teaserRuns(doc *document) []teaserStats {
	bs := doc.blocks
	runs := make([]teaserStats, doc.bodyEnd-doc.bodyStart)
	var next *teaserStats // the next body line's run
	nextIdx := -1
	var total float32
	for i := doc.bodyEnd - 1; i >= doc.bodyStart; i-- {
		b := &bs[i]
		if b.label != labelBody {
			continue
		}
		if b.score > 0 {
			total += b.score
		}
		r := &runs[i-doc.bodyStart]
		if isTeaserLine(b) {
			if next != nil {
				r.n, r.headlines, r.score = next.n, next.headlines, next.score
			}
			r.n++
			if b.score > 0 {
				r.score += b.score
			}
			// A line whose sentence runs on into the next body line, which
			// starts in lower case, is hard-wrapped prose, no headline.
			continued := false
			if nextIdx >= 0 {
				first, _ := utf8.DecodeRuneInString(bs[nextIdx].text)
				continued = unicode.IsLower(first)
			}
			if isTeaserHeadline(b) && !continued {
				r.headlines++
			}
		}
		next, nextIdx = r, i
	}
	if len(runs) > 0 {
		runs[0].total = total
	}
	introduced := false
	for i := doc.bodyStart; i < doc.bodyEnd; i++ {
		b := &bs[i]
		if b.label != labelBody {
			continue
		}
		colon := strings.HasSuffix(strings.TrimSpace(b.text), ":")
		introduced = colon || introduced && isTeaserLine(b)
		runs[i-doc.bodyStart].introduced = introduced
	}
	return runs
}

// relatedHeadingBefore reports a short heading of the related-links
// vocabulary ("Read also", "Mehr zum Thema") right before block i.
func relatedHeadingBefore(doc *document, i int) bool {
	if i == 0 {
		return false
	}
	b := &doc.blocks[i-1]
	return b.label == labelRelated && b.words <= teaserHeadingWords && b.reason != "layout:related-list"
}

// isTeaserLine reports a line short enough to be a headline or a teaser.
func isTeaserLine(b *block) bool {
	return b.words <= teaserWords && b.effectiveLength() < teaserChars && b.cells < 2
}

// isTeaserHeadline reports a line that reads as another story's headline
// or its cut-off teaser: words that start with a capital, mostly letters,
// and no complete sentence. Items of an article's own lists (names of
// functions, commands, single terms) are shorter or no words.
func isTeaserHeadline(b *block) bool {
	if b.words < 3 || b.letters*2 < b.runes || b.endsSentence && !truncated(b.text) {
		return false
	}
	if strings.Contains(b.text, "://") {
		return false // a link printed out is the article's
	}
	r, _ := utf8.DecodeRuneInString(b.text)
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(b.text, " \u00a0"))
	return (unicode.IsUpper(r) || unicode.IsDigit(r)) && (unicode.IsLetter(last) || unicode.IsDigit(last) || unicode.IsPunct(last))
}

// truncated reports a teaser cut off by the template: it ends with an
// ellipsis.
func truncated(s string) bool {
	s = strings.TrimRight(s, " \u00a0")
	return strings.HasSuffix(s, "…") || strings.HasSuffix(s, "...")
}

// A teaser run: at least teaserRunMin short lines (teaserWords words,
// teaserChars characters) after teaserArticleMin of article score, with
// at most teaserTailShare of that score from the run on.
const (
	teaserRunMin         = 5
	teaserHeadedMin      = 3 // teasers under a related-links heading
	teaserHeadingWords   = 6
	teaserHeadlineTenths = 6 // of the run's lines headline-shaped
	teaserWords          = 25
	teaserChars          = 180
	teaserArticleMin     = 2 * scoreArticleMin
	teaserTailShare      = 0.35
	teaserTailMax        = 3 * scoreArticleMin // an author box, not the rest of the article
)

// dropFinalIsland ends the body before a paragraph or two left alone at its
// end behind a gap of furniture: an author's blurb under "About the
// author", a pitch for the site, a licence note. The densest span takes
// them in when the paragraph outweighs the few lines of chrome before it;
// an article's last paragraph follows its text without such a gap.
func dropFinalIsland(doc *document) {
	bs := doc.blocks
	prose := func(b *block) bool { return b.label == labelBody && b.score > 0 }
	j := doc.bodyEnd - 1
	for j > doc.bodyStart && !prose(&bs[j]) {
		j--
	}
	islandEnd := j + 1
	var island float32
	for j > doc.bodyStart && prose(&bs[j]) && islandEnd-j <= islandMaxBlocks {
		island += bs[j].score
		j--
	}
	islandStart := j + 1
	if islandEnd-islandStart > islandMaxBlocks || islandStart == islandEnd {
		return
	}
	gap, chrome := 0, 0
	for j > doc.bodyStart && !prose(&bs[j]) {
		gap++
		switch bs[j].label {
		case labelRelated, labelShare, labelNewsletter, labelFollow, labelComments, labelFooter, labelAd, labelSponsor, labelNav:
			chrome++
		}
		j--
	}
	if gap < islandGapMin || chrome == 0 {
		return
	}
	var before float32
	for k := doc.bodyStart; k <= j; k++ {
		if prose(&bs[k]) {
			before += bs[k].score
		}
	}
	if island > before*islandShare {
		return
	}
	for k := j + 1; k < doc.bodyEnd; k++ {
		if bs[k].label == labelBody {
			bs[k].label, bs[k].reason = labelRelated, "layout:final-island"
		}
	}
	doc.bodyEnd = j + 1
}

// A final island: at most islandMaxBlocks paragraphs worth at most
// islandShare of the body's score, behind at least islandGapMin lines
// that are no prose, one of them furniture.
const (
	islandMaxBlocks = 2
	islandGapMin    = 2
	islandShare     = 0.2
)
