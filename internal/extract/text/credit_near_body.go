package text

import (
	"strings"

	"github.com/pressroom/pressroom/internal/extract/credit"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// findBylineNearBody looks just above the start of the body for the credit
// when the headline gave none, or gave only a name-shaped line far from the
// body (as happens when the headline itself was missed: a caption or a
// teaser taken for it, and a name under it). It takes the nearest explicit
// credit ("By …", "Written by …", "// By …"), however long the role
// description after the name, or a bare name stacked over its dated line
// ("Jane Roe" / "9/11/13 10:00AM") or its wire service ("JANE ROE" /
// "Associated Press").
func findBylineNearBody(doc *document) {
	if doc.bodyEnd <= doc.bodyStart {
		return
	}
	if len(doc.meta.authors) > 0 {
		weak := doc.meta.byline.rule == "byline:name-shaped" || doc.meta.byline.rule == "byline:above-headline"
		if !weak || doc.bodyStart-doc.meta.byline.idx <= bylineNearBodyReach {
			return
		}
	}
	bs := doc.blocks
	// The span may open with the credit itself: its first lines count
	// too, when short.
	for i := min(doc.bodyEnd, doc.bodyStart+3) - 1; i >= 0 && doc.bodyStart-i <= bylineNearBodyReach; i-- {
		b := &bs[i]
		inBody := i >= doc.bodyStart
		if b.label == labelTitle || b.words > 40 || inBody && b.words > 12 || !inBody && b.label == labelBody {
			continue
		}
		m, ok := doc.parseBylineOf(i)
		if !ok || len(m.Authors) == 0 {
			if t := credit.BeforeSeparator(b.text); t != b.text {
				m, ok = page.ParseByline(t, doc.dateCtx())
			}
		}
		if !ok || len(m.Authors) == 0 {
			continue
		}
		rule := "byline:near-body"
		if !m.Cue {
			if inBody || b.words > 5 || m.Rest != b.text || i+1 >= len(bs) || !creditCompanion(doc, i+1) {
				continue
			}
			rule = "byline:stacked"
		}
		if old := doc.meta.byline.idx; old >= 0 && bs[old].label == labelByline {
			bs[old].label, bs[old].reason = labelNone, ""
		}
		doc.meta.authors, doc.meta.agencies = m.Authors, m.Agencies
		doc.meta.byline = field{value: b.text, idx: i, rule: rule, conf: 0.5}
		b.label, b.reason = labelByline, rule
		return
	}
}

// bylineNearBodyReach is how many blocks above the body a credit is looked
// for when the headline gave none.
const bylineNearBodyReach = 16

// creditCompanion reports a short line that is a date with its time, a
// reading time, or that names only a wire service: what a bare name is
// stacked over in a credit. A date alone is not enough (a teaser's, under a section name),
// nor the first line of a list of dated events.
func creditCompanion(doc *document, i int) bool {
	b := &doc.blocks[i]
	if b.words > 8 {
		return false
	}
	if dm, ok := doc.dateOf(i); ok && dm.Confidence >= 0.5 && dm.HasTime && (dm.End-dm.Start)*3 >= len(b.text)*2 {
		if i+1 < len(doc.blocks) {
			if _, next := doc.dateOf(i + 1); next {
				return false
			}
		}
		return true
	}
	if b.vocab.Any&page.VReadTime != 0 {
		return true // "4 min read": printed under the writer's name
	}
	m, ok := doc.parseBylineOf(i)
	return ok && len(m.Authors) == 0 && len(m.Agencies) > 0
}

// findSignatureAfterBody takes the credit a blog prints as the article's
// signature, when nothing above the body credited anyone: a line at the
// end of the body or just after it that opens with a person's name, then a
// separator and a date ("Jane Roe — 2013-09-29 — in Code — Permalink").
func findSignatureAfterBody(doc *document) {
	if len(doc.meta.authors) > 0 || doc.bodyEnd <= doc.bodyStart {
		return
	}
	bs := doc.blocks
	for i := max(doc.bodyStart, doc.bodyEnd-2); i < min(len(bs), doc.bodyEnd+3); i++ {
		b := &bs[i]
		if b.words > 20 || b.label == labelTitle {
			continue
		}
		dm, ok := doc.dateOf(i)
		if !ok || !dm.HasYear {
			continue
		}
		m, ok := doc.parseBylineOf(i)
		if !ok || len(m.Authors) != 1 || !strings.HasPrefix(b.text, m.Rest) {
			continue
		}
		after := strings.TrimSpace(b.text[len(m.Rest):])
		if !strings.HasPrefix(after, "—") && !strings.HasPrefix(after, "–") && !strings.HasPrefix(after, "|") && !strings.HasPrefix(after, "·") && !strings.HasPrefix(after, "•") {
			continue
		}
		doc.meta.authors, doc.meta.agencies = m.Authors, m.Agencies
		doc.meta.byline = field{value: b.text, idx: i, rule: "byline:signature", conf: 0.4}
		return
	}
}
