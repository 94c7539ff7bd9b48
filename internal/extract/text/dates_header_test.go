package text

import (
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/extracttest"
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
			if got := extracttest.PublishedDay(x); got != tc.want {
				t.Errorf("published = %q, want %q (title %q)", got, tc.want, x.Metadata.Title)
			}
		})
	}
}

// TestCueAfterDate: verb-final languages close a post line with the
// participle ("… wurde am 3. März 2021 … veröffentlicht"); the cue counts
// for the date before it, within its clause only.
func TestCueAfterDate(t *testing.T) {
	paras := []string{
		"Wir sind früh losgefahren und haben am Strand gefrühstückt, bevor die anderen kamen.",
		"Der Hund lief sofort ins Wasser und wollte gar nicht mehr heraus, so sehr gefiel es ihm dort.",
		"Am Nachmittag zogen Wolken auf, doch der Regen blieb aus und wir konnten weiter spazieren.",
		"Auf dem Rückweg haben wir in einem kleinen Café angehalten und Kuchen gegessen.",
		"Zu Hause war der Hund so müde, dass er sofort in seinem Korb eingeschlafen ist.",
	}
	for _, tc := range []struct{ name, foot, want string }{
		{"a participle closing the clause", "Dieser Eintrag wurde am 3. März 2021 von kai in Reisen veröffentlicht.", "2021-03-03"},
		{"a participle after the time", "Der Ausflug wurde am 3. März 2021 um 23:03 Uhr gepostet und unter Reisen abgelegt.", "2021-03-03"},
		{"a participle of the next sentence", "Wir kamen am 3. März 2021 spät an. Die Fotos haben wir erst später veröffentlicht.", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dump := "Ein Tag am Meer mit dem Hund\n\n" + strings.Join(paras, "\n\n") + "\n\n" + tc.foot + "\n\nKommentare\n"
			x := Extract(article.NewDump("", "", "text/plain", []byte(dump), time.Time{}))
			if got := extracttest.PublishedDay(x); got != tc.want {
				t.Errorf("published = %q, want %q (title %q)", got, tc.want, x.Metadata.Title)
			}
		})
	}
}

// TestTitleLineDateDropped: the date a headline line opens with dates the
// page and leaves the headline.
func TestTitleLineDateDropped(t *testing.T) {
	para := "Die Regierung hat sich viel vorgenommen und muss nun zeigen, dass sie die Lage im Land verbessern kann.\n\n"
	for _, tc := range []struct{ head, title, date string }{
		{"2. November 2021 Große Pläne für die neue Regierung", "Große Pläne für die neue Regierung", "2021-11-02"},
		{"[ 2. November 2021 ] Große Pläne für die neue Regierung", "Große Pläne für die neue Regierung", "2021-11-02"},
		{"Große Pläne für die neue Regierung", "Große Pläne für die neue Regierung", ""},
	} {
		dump := "Startseite\nPolitik\nWirtschaft\n\n" + tc.head + "\n\n" + strings.Repeat(para, 8) + "Kommentare\n"
		x := Extract(article.NewDump("", "", "text/plain", []byte(dump), time.Time{}))
		if x.Metadata.Title != tc.title || extracttest.PublishedDay(x) != tc.date {
			t.Errorf("%q: title %q, date %q; want %q, %q", tc.head, x.Metadata.Title, extracttest.PublishedDay(x), tc.title, tc.date)
		}
	}
}
