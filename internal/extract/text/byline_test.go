package text

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
		// A menu printed twice repeats its entries with their neighbours.
		{"a menu printed twice", "Startseite\nBo Park\nKontakt\n\nImpressum\n\nStartseite\nBo Park\nKontakt", nil},
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

// TestSplitCredit: a template that breaks its credit after the cue ("<date>
// von", then the name on a line of its own) credits the name, under the
// headline or under the article; a sponsor's or a photo's credit does not.
func TestSplitCredit(t *testing.T) {
	para := "Die Stiftung hat am Montag ihren Bericht vorgestellt, und die Fachleute sind sich über die wichtigsten Ergebnisse weitgehend einig.\n\n"
	body := strings.Repeat(para, 12)
	for _, tc := range []struct {
		name, dump string
		authors    []string
	}{
		{"date and cue under the headline", "Bericht der Stiftung vorgestellt\n\n12.03.2021 09:15 von\nBo Park\n\n" + body, []string{"Bo Park"}},
		// The cue beats a name-shaped kicker nearer the headline.
		{"cue under a kicker", "Bericht der Stiftung vorgestellt\n\nStiftung Warentest\n\nGlosse von\nBo Park\n\n" + body, []string{"Bo Park"}},
		{"cue alone under the article", "Bericht der Stiftung vorgestellt\n\n" + body + "Glosse von\nBo Park\n\nKommentare\n", []string{"Bo Park"}},
		{"a sponsor", "Bericht der Stiftung vorgestellt\n\n" + body + "präsentiert von\nAcme Bank\n\nKommentare\n", nil},
		{"a photo", "Bericht der Stiftung vorgestellt\n\n" + body + "Foto von\nBo Park\n\nKommentare\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(article.NewDump("", "", "text/plain", []byte(tc.dump), time.Time{}))
			if diff := cmp.Diff(tc.authors, x.Metadata.Authors); diff != "" {
				t.Errorf("authors (-want +got):\n%s", diff)
			}
		})
	}
}
