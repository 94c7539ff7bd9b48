package text

import (
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/extracttest"
)

func TestAllDatesCues(t *testing.T) {
	ctx := datetime.Context{Year: 2024, Ref: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	b := block{text: "Updated Mar 5, 7:02 AM;Posted Mar 4, 6:58 AM"}
	ms := allDates(b.text, ctx)
	if len(ms) != 2 {
		t.Fatalf("allDates found %d dates, want 2", len(ms))
	}
	if c := dateCue(&b, ms[0]); c != -1 {
		t.Errorf("cue of first = %d, want -1 (updated)", c)
	}
	if c := dateCue(&b, ms[1]); c != 1 {
		t.Errorf("cue of second = %d, want 1 (posted)", c)
	}
}

// FuzzAllDates walks every date of a line: each lies in it, after the last.
func FuzzAllDates(f *testing.F) {
	for _, s := range []string{"Updated Mar 5, 7:02 AM;Posted Mar 4, 6:58 AM", "19/11/2019 and 2025-07-02T10:00:00Z",
		"3 hours ago", "2021年4月9日"} {
		f.Add(s)
	}
	ref := time.Date(2025, 7, 3, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, m := range allDates(s, datetime.Context{Ref: ref}) {
			if m.Start < prev || m.End > len(s) || m.Start >= m.End {
				t.Fatalf("allDates(%q): span [%d,%d) after %d", s, m.Start, m.End, prev)
			}
			prev = m.End
		}
	})
}

// TestCuedDateLine: a dump with no date near its headline takes the one
// its template prints under the article with a publication cue or a
// credit; an update's only when nothing else is dated.
func TestCuedDateLine(t *testing.T) {
	para := "Wir sind früh losgefahren, haben am Strand gefrühstückt und sind bis zum Abend geblieben, weil das Wetter so schön war.\n\n"
	for _, tc := range []struct{ name, foot, want string }{
		{"credit before the date", "Author: schreiberling am 29.12.2010, 13:36 Uhr", "2010-12-29"},
		{"publication cue", "Veröffentlicht in Reisen, Erstellt am 3. März 2021", "2021-03-03"},
		{"update only", "Aktualisiert: 30.12.2016", "2016-12-30"},
		{"created, in English", "Created late in the afternoon of Sunday, October 18th, 2020.", "2020-10-18"},
		{"a bare date is not enough", "Bild\t12.01.19", ""},
		{"a line that is a date", "15.12.2021", "2021-12-15"},
		{"a lone written date", "Stand: 3. März 2021", "2021-03-03"},
		{"a date inside a sentence is not a lone line", "Die Saison begann am 3. März 2021 mit Regen.", ""},
		{"a relative date is not a lone line", "vor 3 Tagen", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dump := "Ein Tag am Meer mit dem Hund\n\n" + strings.Repeat(para, 14) + tc.foot + "\n\nKommentare\n"
			x := Extract(article.NewDump("", "", "text/plain", []byte(dump), time.Time{}))
			if got := extracttest.PublishedDay(x); got != tc.want {
				t.Errorf("published = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestLeadDate: a lead that opens with a full date dates the article when no
// header line does, and stays in the body.
func TestLeadDate(t *testing.T) {
	para := "Wir sind früh losgefahren, haben am Strand gefrühstückt und sind bis zum Abend geblieben, weil das Wetter so schön war.\n\n"
	for _, tc := range []struct{ name, lead, want string }{
		{"date opens the lead", "4.3.2021 – ", "2021-03-04"},
		{"after a short cue", "Mitteilung vom 4. März 2021 | Hamburg – ", "2021-03-04"},
		{"a date deep in the lead", "Der Ausflug, den wir schon lange geplant hatten, fand am 4. März 2021 statt. ", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lead := tc.lead + strings.Repeat("Die Gruppe wanderte lange am Wasser entlang und sammelte Muscheln. ", 4)
			dump := "Ein Tag am Meer mit dem Hund\n\n" + lead + "\n\n" + strings.Repeat(para, 6)
			x := Extract(article.NewDump("", "", "text/plain", []byte(dump), time.Time{}))
			if got := extracttest.PublishedDay(x); got != tc.want {
				t.Errorf("published = %q, want %q", got, tc.want)
			}
			if !strings.Contains(strings.Join(x.Paragraphs, "\n"), "Muscheln") {
				t.Errorf("the lead left the body: %q", x.Paragraphs)
			}
		})
	}
}
