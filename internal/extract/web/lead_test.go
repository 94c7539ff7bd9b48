package web

import (
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/dom"
)

// TestHTMLKeepLead checks that a lead paragraph printed in the article's
// header, beside the headline and outside the body's container, opens the
// body, and that a one-sentence dek, a linked teaser or a header holding
// another story's text stays out.
func TestHTMLKeepLead(t *testing.T) {
	body := []string{
		"The council voted on Tuesday to keep the public pool open through the winter, reversing a decision it made in the spring after residents packed three meetings to object to the closure.",
		"The pool will now close for two weeks in January for repairs to its heating system, the council said, and reopen with longer hours on weekends and a new class for beginners.",
		"Members who had argued for the closure said the repairs would cost more than the budget allows, but agreed to revisit the figures at the next meeting in March.",
		"Residents who spoke at the meetings said the pool was the only place in the district where children could learn to swim in winter, and that the next nearest was an hour away by bus.",
		"The vote was twelve to three. The three members who voted against said they would ask the auditor to look at the repair estimates before the work begins.",
	}
	const (
		lead     = "The public pool stays open this winter. The council changed its mind after three crowded meetings."
		dek      = "After three crowded meetings, the council changes its mind about the public pool this winter"
		linked   = `The public pool stays open this winter. <a href="/pool">The council changed its mind</a> after three crowded meetings.`
		linkedTx = "The public pool stays open this winter. The council changed its mind after three crowded meetings."
	)
	for _, tc := range []struct {
		name, header, want string
		kept               bool
	}{
		{"lead paragraph", "<p>" + lead + "</p>", lead, true},
		{"one-sentence dek", "<p>" + dek + "</p>", dek, false},
		{"linked teaser", "<p>" + linked + "</p>", linkedTx, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString("<html><body><article><header><h1>Council keeps the pool open</h1>")
			b.WriteString(tc.header)
			// Share links make the header score below the story's
			// container, as a real page's header does.
			b.WriteString("<p>By Jane Roe</p><ul>")
			for _, net := range []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"} {
				b.WriteString(`<li><a href="/share/` + net + `">Share this on the ` + net + ` network</a></li>`)
			}
			b.WriteString("</ul></header><div class=\"story\">")
			for _, p := range body {
				b.WriteString("<p>" + p + "</p>")
			}
			b.WriteString("</div></article></body></html>")
			x := Extract(&article.Dump{Body: []byte(b.String()), ContentType: "text/html"})
			if x.Err != nil {
				t.Fatalf("Extract: %v", x.Err)
			}
			got := strings.Join(x.Paragraphs, "\n")
			if !strings.Contains(got, body[0]) || !strings.Contains(got, body[len(body)-1]) {
				t.Fatalf("body lost its paragraphs: %q", got)
			}
			if kept := strings.Contains(got, tc.want); kept != tc.kept {
				t.Errorf("lead kept = %v, want %v; body:\n%s", kept, tc.kept, got)
			}
		})
	}
}

// TestHTMLKeepLeadGap checks the rule on labelled blocks: a lead under the
// headline is kept, unless the gap before the body holds another long
// block that is neither a lead, a caption nor furniture.
func TestHTMLKeepLeadGap(t *testing.T) {
	const lead = "The public pool stays open this winter. The council changed its mind after three crowded meetings."
	teaser := "A new bakery opens on the high street after a year of delays. Its owners say the queue went round the block. Read more"
	story := strings.Repeat("The council voted on Tuesday to keep the public pool open through the winter. ", 12)
	block := func(text string, links int) dom.Block {
		return dom.Block{Text: text, Chars: len(text), LinkChars: links, Words: len(strings.Fields(text))}
	}
	for _, tc := range []struct {
		name   string
		blocks []dom.Block
		labels []string
		want   bool
	}{
		{"lead", []dom.Block{block("Council keeps the pool open", 0), block(lead, 0), block("By Jane Roe", 0), block(story, 0)},
			[]string{dom.LabelTitle, dom.LabelOutside, dom.LabelOutside, dom.LabelContent}, true},
		{"caption in the gap", []dom.Block{block("Council keeps the pool open", 0), block(lead, 0),
			{Text: "The pool on a winter morning, seen from the car park behind the library.", Chars: 90, Words: 14, InFigure: true}, block(story, 0)},
			[]string{dom.LabelTitle, dom.LabelOutside, dom.LabelCaption, dom.LabelContent}, true},
		{"linked teaser in the gap", []dom.Block{block("Council keeps the pool open", 0), block(lead, 0), block(teaser, 9), block(story, 0)},
			[]string{dom.LabelTitle, dom.LabelOutside, dom.LabelOutside, dom.LabelContent}, false},
		{"body too short", []dom.Block{block("Council keeps the pool open", 0), block(lead, 0), block(story[:300], 0)},
			[]string{dom.LabelTitle, dom.LabelOutside, dom.LabelContent}, false},
		{"no headline", []dom.Block{block(lead, 0), block(story, 0)},
			[]string{dom.LabelOutside, dom.LabelContent}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			labels := append([]string(nil), tc.labels...)
			htmlKeepLead(tc.blocks, labels)
			kept := false
			for i, b := range tc.blocks {
				kept = kept || b.Text == lead && labels[i] == dom.LabelContent
			}
			if kept != tc.want {
				t.Errorf("lead kept = %v, want %v (labels %q)", kept, tc.want, labels)
			}
		})
	}
}
