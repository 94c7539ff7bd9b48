package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pressroom/pressroom/internal/article"
)

// TestBylineNearBody checks the credit found above the body when the
// headline gave none (the headline search is skipped here, as when it
// failed): an explicit credit near the body, even with a long role
// description after the name, but not a bare name, and not a credit far
// above the body.
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
		{"credit far above the body", dump("By Jane Example", 8), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &article.Dump{Body: []byte(tc.dump)}
			dec := decode(d)
			blocks, err := segment(dec.text, maxLines)
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
