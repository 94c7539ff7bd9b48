package text

import "strings"

// dropHeaderCaption takes out of the body a line under the credit or the
// date that is no sentence, when a paragraph follows it: the caption of
// the picture at the top of the article ("The crowd outside the hall.
// Photo: A. Person"), or a repeated headline. An article's first paragraph
// ends like a sentence.
func dropHeaderCaption(doc *document) {
	bs := doc.blocks
	first := doc.bodyStart
	if first <= 0 || first >= doc.bodyEnd || bs[first].label != labelBody {
		return
	}
	b := &bs[first]
	if b.endsSentence || b.words < headerCaptionMinWords || b.words > headerCaptionWords || b.cells >= 2 || looseCreditLabel(b.lower) {
		return
	}
	h := first - 1
	for h >= 0 && (bs[h].words == 0 || isChrome(bs[h].label)) {
		h--
	}
	if h < 0 || h != doc.meta.byline.idx && h != doc.meta.date.idx {
		return
	}
	next := first + 1
	for next < doc.bodyEnd && bs[next].label != labelBody {
		next++
	}
	if next >= doc.bodyEnd || !bs[next].endsSentence || bs[next].words < headerCaptionProseWords {
		return
	}
	b.label, b.reason = labelCaption, "layout:caption-under-header"
	doc.bodyStart = next
}

// looseCreditLabel reports a picture credit closing the line after a
// sentence, a label and a colon (". Photo: Agency", ". Source: Supplied"),
// or a credit label of the caption vocabulary anywhere in it:
// Readability-style extractors keep such captions with the text, as
// markCreditedCaptions does.
func looseCreditLabel(lower string) bool {
	for _, l := range creditLabels {
		if strings.Contains(lower, l) {
			return true
		}
	}
	k := strings.LastIndex(lower, ": ")
	if k < 0 || len(strings.Fields(lower[k+2:])) > creditNameWords {
		return false
	}
	head := strings.TrimRight(lower[:k], " ")
	sp := strings.LastIndexByte(head, ' ')
	return sp > 0 && len(strings.Fields(head[sp:])) == 1 && strings.HasSuffix(strings.TrimRight(head[:sp], " "), ".")
}

// A caption under the header: headerCaptionMinWords to headerCaptionWords
// words (fewer make a section's heading), over a paragraph of at least
// headerCaptionProseWords.
const (
	headerCaptionMinWords   = 5
	headerCaptionWords      = 30
	headerCaptionProseWords = 15
)
