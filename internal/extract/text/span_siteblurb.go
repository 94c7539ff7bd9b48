package text

import (
	"strings"

	"github.com/pressroom/pressroom/internal/extract/page"
)

// dropSiteBlurb ends the body at the site's description of itself under
// the article: one of the body's last paragraphs that opens with the
// site's name as the URL's host spells it ("Example News is the town's
// daily since 1901 …", "The Example Club e.V. – Hausvaterweg 3"). The
// article is about its subject, not about the site that prints it.
func dropSiteBlurb(doc *document) {
	labels := page.HostLabels(doc.urlInfo.Host)
	if len(labels) == 0 {
		return
	}
	bs := doc.blocks
	total := bodyRunes(doc)
	seen, tail := 0, 0
	for i := doc.bodyEnd - 1; i > doc.bodyStart && seen < blurbReach; i-- {
		b := &bs[i]
		if b.label != labelBody {
			continue
		}
		seen++
		tail += b.runes
		if tail*blurbShare > total {
			return
		}
		if opensWithSite(b.lower, labels) {
			if siteMentions(doc, doc.bodyStart, i, labels)*blurbSubjectShare < bodyCount(doc, doc.bodyStart, i) {
				cutBody(doc, i, labelRelated, "layout:site-blurb")
			}
			return
		}
	}
}

// siteMentions counts the body lines in [a, b) that name the site: named
// in many of them, the site is the article's subject ("Install Example on
// Linux"), and a closing paragraph about it is the article's too.
func siteMentions(doc *document, a, b int, labels []string) int {
	n := 0
	for i := a; i < b; i++ {
		if bl := &doc.blocks[i]; bl.label == labelBody {
			for _, l := range labels {
				if len(l) >= blurbLabelMin && containsSkipping(bl.lower, l) {
					n++
					break
				}
			}
		}
	}
	return n
}

// opensWithSite reports a line whose first words spell a host label.
func opensWithSite(lower string, labels []string) bool {
	head := lower
	if f := strings.Fields(lower); len(f) > blurbNameWords {
		head = strings.Join(f[:blurbNameWords], " ")
	}
	for _, l := range labels {
		if len(l) >= blurbLabelMin && containsSkipping(head, l) {
			return true
		}
	}
	return false
}

// The blurb: among the body's last blurbReach paragraphs, holding with what
// follows it at most 1/blurbShare of the body; the site's name, a label of
// at least blurbLabelMin letters, within its first blurbNameWords words.
const (
	blurbReach     = 3
	blurbShare     = 5
	blurbNameWords = 4
	blurbLabelMin  = 4

	blurbSubjectShare = 4 // a site named in a quarter of the lines above is their subject
)
