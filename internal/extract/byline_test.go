package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pressroom/pressroom/internal/article"
)

// TestCreditAnywhere: a dump with no credit near its headline takes a
// person credited with an explicit cue under the article; a preposition
// that far away is not enough.
func TestCreditAnywhere(t *testing.T) {
	para := "Die Stiftung hat am Montag ihren Bericht vorgestellt, und die Fachleute sind sich über die wichtigsten Ergebnisse weitgehend einig.\n\n"
	for _, tc := range []struct {
		name, foot string
		authors    []string
	}{
		{"labelled credit", "Autorin: Ann Lee, Leiterin des Projekts.", []string{"Ann Lee"}},
		{"written by", "Written by Bo Park", []string{"Bo Park"}},
		{"a preposition is not enough", "Von Bo Park", nil},
		{"a name alone on its line twice", "Bo Park\n\nBo Park schreibt über Stiftungen und Vereine.\n\nBo Park", []string{"Bo Park"}},
		{"a name alone once", "Bo Park", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dump := "Bericht der Stiftung vorgestellt\n\n" + strings.Repeat(para, 12) + tc.foot + "\n\nKommentare\n"
			x := Extract(article.NewDump("", "", "text/plain", []byte(dump), time.Time{}))
			if diff := cmp.Diff(tc.authors, x.Metadata.Authors); diff != "" {
				t.Errorf("authors (-want +got):\n%s", diff)
			}
		})
	}
}
