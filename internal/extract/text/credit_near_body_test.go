package text

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pressroom/pressroom/internal/article"
)

// TestBylineNearBody checks the credit found above the body when the
// headline gave none (the headline search is skipped here, as when it
// failed): an explicit credit near the body, even with a long role
// description after the name or template symbols around it, a name
// stacked over its dated line or wire service; but not a bare name, a
// section name over a date, or a credit far above the body.
func TestBylineNearBody(t *testing.T) {
	para := "The council voted on Tuesday to keep the public pool open through the winter, reversing a decision it made in the spring after residents packed three meetings to object to the closure of the only heated pool in the district."
	para2 := "The pool will now close for two weeks in January for repairs to its heating system, the council said, and reopen with longer hours on weekends and a new swimming class for beginners of every age."
	dump := func(credit string, gap int) string {
		s := "Menu\nNews\nSport\n\n" + credit + "\n\n" + strings.Repeat("Share this story\nRelated topics\n", gap)
		return s + "\n" + para + "\n\n" + para2 + "\n"
	}
	tests := []struct {
		name string
		dump string
		want []string
	}{
		{"credit above the body", dump("By Jane Example", 0), []string{"Jane Example"}},
		{"credit with a long role", dump("By Jane Example, a senior reporter who has covered the council and its budget for more than a decade at this paper and at two others.", 1), []string{"Jane Example"}},
		{"bare name", dump("Jane Example", 0), nil},
		{"credit between template symbols", dump("// By Jane Example • May 2, 2020", 0), []string{"Jane Example"}},
		{"name over its dated line", dump("Jane Example\n9/11/13 10:00AM", 0), []string{"Jane Example"}},
		{"name over a wire service", dump("JANE EXAMPLE\nAssociated Press", 0), []string{"Jane Example"}},
		{"name over its reading time", dump("Jane Example\n4 min read", 0), []string{"Jane Example"}},
		{"section name over a date without a time", dump("Winter Games\n02 Feb. 2022", 0), nil},
		{"heading over a list of dated events", dump("Latest Posts\n20.02.2020 20:00 Meeting\n13.02.2020 20:00 Meeting", 0), nil},
		{"credit far above the body", dump("By Jane Example", 8), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &article.Dump{Body: []byte(tc.dump)}
			dec := decode(d)
			blocks, err := segment(dec.text, MaxLines)
			if err != nil {
				t.Fatal(err)
			}
			doc := newDocument(d, dec, blocks)
			classify(doc)
			doc.meta = meta{title: noField(), byline: noField()}
			findBylineNearBody(doc)
			if diff := cmp.Diff(tc.want, doc.meta.authors); diff != "" {
				t.Errorf("authors (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSignatureAfterBody checks the blog signature at the end of the body
// ("Name — date — in Category"), taken when nothing above credited anyone,
// and that a name-shaped line there without a date is not.
func TestSignatureAfterBody(t *testing.T) {
	para := "The council voted on Tuesday to keep the public pool open through the winter, reversing a decision it made in the spring after residents packed three meetings to object to the closure of the only heated pool in the district."
	para2 := "The pool will now close for two weeks in January for repairs to its heating system, the council said, and reopen with longer hours on weekends and a new swimming class for beginners of every age."
	tests := []struct {
		name      string
		signature string
		want      []string
	}{
		{"name, dash and date", "Jane Example — 2013-09-29 — in Local — Permalink", []string{"Jane Example"}},
		{"name and category without a date", "Jane Example — in Local — Permalink", nil},
		{"date first", "2013-09-29 — Jane Example", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// Long enough that the signature's date is not the header's.
			// Distinct paragraphs: repeated ones would be dropped as
			// duplicates and leave the signature inside the header window.
			var body strings.Builder
			for i := range 4 {
				fmt.Fprintf(&body, "%s Meeting %d heard from %d residents.\n\n%s\n\n", para, i+1, 10*(i+2), para2[:len(para2)-1]+fmt.Sprintf(", the clerk added on day %d.", i+1))
			}
			dump := "Council keeps the pool open\n\n" + body.String() + tc.signature + "\n\nHome\nAbout\nContact\n"
			x := Extract(&article.Dump{Body: []byte(dump)})
			if x.Err != nil {
				t.Fatalf("Extract: %v", x.Err)
			}
			if diff := cmp.Diff(tc.want, x.Metadata.Authors); diff != "" {
				t.Errorf("authors (-want +got):\n%s", diff)
			}
		})
	}
}
