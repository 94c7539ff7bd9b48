package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/article"
)

// TestHeaderDateChoice: of the dates near the headline, the page's own is
// the one on a short line (or opening the headline line), not one a
// sentence of the article reports.
func TestHeaderDateChoice(t *testing.T) {
	para := "Die Regierung hat sich viel vorgenommen und muss nun zeigen, dass sie die Lage im Land verbessern kann.\n\n"
	for _, tc := range []struct{ name, head, want string }{
		{"a short date line beats a sentence's date",
			"Große Pläne für die neue Regierung\n03/11/2021\n\nDie neue Ministerpräsidentin ist die erste Frau in diesem Amt. Am Montag, dem 11. Oktober 2021, hat sie ihr Kabinett vorgestellt und die Ziele erläutert.\n\n",
			"2021-11-03"},
		{"a dateline opening the lead still counts",
			"Große Pläne für die neue Regierung\n\nBerlin, 4. November 2021. Die neue Ministerpräsidentin ist die erste Frau in diesem Amt und hat ihr Kabinett am Morgen vorgestellt.\n\n",
			"2021-11-04"},
		{"a date opening the headline line",
			"Meldung | 30.10.2021 Große Pläne für die neue Regierung\n\n",
			"2021-10-30"},
		{"a written date opening the headline line",
			"2. November 2021 Große Pläne für die neue Regierung\n\n",
			"2021-11-02"},
		{"a date inside the headline is its subject",
			"Große Pläne für die neue Regierung ab dem 1. Januar 2022\n\n",
			""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dump := "Startseite\nPolitik\nWirtschaft\n\n" + tc.head + strings.Repeat(para, 8) + "Kommentare\n"
			x := Extract(article.NewDump("", "", "text/plain", []byte(dump), time.Time{}))
			if got := publishedDay(x); got != tc.want {
				t.Errorf("published = %q, want %q (title %q)", got, tc.want, x.Metadata.Title)
			}
		})
	}
}
