package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/datetime"
)

func TestParseByline(t *testing.T) {
	ctx := datetime.Context{Ref: time.Date(2025, 7, 3, 0, 0, 0, 0, time.UTC), Lang: "en"}
	tests := []struct {
		in       string
		ok       bool
		cue      bool
		authors  []string
		agencies []string
	}{
		{in: "By Jane Doe", ok: true, cue: true, authors: []string{"Jane Doe"}},
		{in: "BY JANE DOE and JOHN Q. PUBLIC", ok: true, cue: true, authors: []string{"Jane Doe", "John Q. Public"}},
		{in: "By Ann Lee, Bo Kim and Cy Young", ok: true, cue: true, authors: []string{"Ann Lee", "Bo Kim", "Cy Young"}},
		{in: "By Jane Doe, Staff Writer", ok: true, cue: true, authors: []string{"Jane Doe"}},
		{in: "By Jane Doe For Daily Mail Australia", ok: true, cue: true, authors: []string{"Jane Doe"}},
		{in: "By Jane Doe and John Roe for The Example Times", ok: true, cue: true, authors: []string{"Jane Doe", "John Roe"}},
		{in: "By Jane Doe | The Daily Planet", ok: true, cue: true, authors: []string{"Jane Doe"}},
		{in: "By Jane Doe - Contributing Editor 2024-03-05T09:41:27Z", ok: true, cue: true, authors: []string{"Jane Doe"}},
		{in: "By Jane Doe@janedoe Mar 5, 2024, 8:14pm EST", ok: true, cue: true, authors: []string{"Jane Doe"}},
		{in: "By Jane DoeDAILYPlanet", ok: true, cue: true, authors: []string{"Jane Doe"}},
		{in: "Posted by Jane Doe on March 5, 2024, 7:02 AM EST", ok: true, cue: true, authors: []string{"Jane Doe"}},
		{in: "By Jane Doe March 5, 2024, 08:26 PM EST", ok: true, cue: true, authors: []string{"Jane Doe"}},
		{in: "6:12 AM PST 03/05/2024 by Jane Doe", ok: true, cue: true, authors: []string{"Jane Doe"}},
		{in: "Analysis by Jane Doe, Editor-at-large", ok: true, cue: true, authors: []string{"Jane Doe"}},
		{in: "Jane Doe and John Roe, Associated Press", ok: true, authors: []string{"Jane Doe", "John Roe"}, agencies: []string{"Associated Press"}},
		{in: "Jane Doe, Ap Travel Writer", ok: true, authors: []string{"Jane Doe"}},
		{in: "Jane Doe @janedoe / 2 days", ok: true, authors: []string{"Jane Doe"}},
		{in: "Jane Doe - Mar 5, 2024, 11:48 pm CST", ok: true, cue: true, authors: []string{"Jane Doe"}},
		{in: "Jane SmithsonView More Articles", ok: true, authors: []string{"Jane Smithson"}},
		{in: "Mary McDonald", ok: true, authors: []string{"Mary McDonald"}},
		{in: "Ana de la Cruz", ok: true, authors: []string{"Ana de la Cruz"}},
		{in: "Reuters", ok: true, agencies: []string{"Reuters"}},
		{in: "By Reuters", ok: true, cue: true, agencies: []string{"Reuters"}},
		{in: "Ann Lee Associated Press", ok: true, authors: []string{"Ann Lee"}, agencies: []string{"Associated Press"}},
		{in: "Author:", ok: true, cue: true},
		// After an explicit cue, a pen name, a user name or a desk is the
		// credit the page gives.
		{in: "By Staff Reports", ok: true, cue: true, authors: []string{"Staff Reports"}},
		{in: "by jdadmin", ok: true, cue: true, authors: []string{"jdadmin"}},
		{in: "von schreiberling · 3. März 2021", ok: true, authors: []string{"schreiberling"}},
		{in: "Posted on 4. Mai 2020 by Webteam", ok: true, cue: true, authors: []string{"Webteam"}},
		{in: "Autor: bloggerin.de", ok: true, cue: true, authors: []string{"bloggerin.de"}},
		{in: "12/04/2020 by Webteam 24 Comments", ok: true, cue: true, authors: []string{"Webteam"}},
		// A blog template's post line: the date (twice, run together), then the author.
		{in: "28. Juni 2019 | Ann Lee", ok: true, cue: true, authors: []string{"Ann Lee"}},
		{in: "2. Februar 20202. Februar 2020 Ann Lee 1 Kommentar Reisen, Kochen", ok: true, cue: true, authors: []string{"Ann Lee"}},
		{in: "September 17, 2019 Bo Park 0", ok: true, cue: true, authors: []string{"Bo Park"}},
		{in: "17. September 2019 Berliner Senat beschließt neues Gesetz"},
		{in: "Posted 3. Mai 2018 by Ann von Lee", ok: true, cue: true, authors: []string{"Ann von Lee"}},
		{in: "By Ann Lee Last updated Nov 8, 2023", ok: true, cue: true, authors: []string{"Ann Lee"}},
		{in: "Von Ann Lee Vom 3. Februar 2022", ok: true, authors: []string{"Ann Lee"}},
		{in: "von schreiberling Veröffentlicht am 11. Juni 2019", ok: true, authors: []string{"schreiberling"}},
		{in: "Ann Lee Zuletzt geändert am 06.11.2023", ok: true, authors: []string{"Ann Lee"}},
		// A name dated like a post, after a separator.
		{in: "Ann Lee – 14.09.2022 – Kolumne", ok: true, cue: true, authors: []string{"Ann Lee"}},
		{in: "Ann Lee | lundi 9 décembre 2019 à 09h08", ok: true, cue: true, authors: []string{"Ann Lee"}},
		{in: "Ann Lee November 20, 2019 12:32", ok: true, authors: []string{"Ann Lee"}},
		// Not credits.
		{in: "By the way"},
		{in: "von der Leyen"},
		{in: "Heizdecken von Wollmann"},
		{in: "von 9 bis 17 Uhr"},
		{in: "by Share on Facebook"},
		{in: "Breaking News Today"},
		{in: "The president spoke on Tuesday."},
		{in: "Share on Facebook"},
		{in: "Home"},
		{in: "Byron said nothing"},
	}
	for _, tt := range tests {
		m, ok := parseByline(tt.in, ctx)
		ok = ok && (len(m.authors) > 0 || len(m.agencies) > 0 || m.label)
		if ok != tt.ok {
			t.Errorf("parseByline(%q) ok = %v, want %v (authors %q agencies %q)", tt.in, ok, tt.ok, m.authors, m.agencies)
			continue
		}
		if !ok {
			continue
		}
		if m.cue != tt.cue {
			t.Errorf("parseByline(%q) cue = %v, want %v", tt.in, m.cue, tt.cue)
		}
		if diff := cmp.Diff(tt.authors, m.authors); diff != "" {
			t.Errorf("parseByline(%q) authors (-want +got):\n%s", tt.in, diff)
		}
		if diff := cmp.Diff(tt.agencies, m.agencies); diff != "" {
			t.Errorf("parseByline(%q) agencies (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestIsPersonName(t *testing.T) {
	tests := map[string]bool{
		"Jane Doe": true, "Maria T. Okafor": true, "Jean-Luc Picard": true, "Ludwig van Beethoven": true,
		"jane doe": false, "Jane": false, "Acme News": false, "Jane Doe 2019": false, "The Times": false,
		"One Two Three Four Five Six": false, "Springfield.com Staff": false,
	}
	for in, want := range tests {
		if got := isPersonName(in); got != want {
			t.Errorf("isPersonName(%q) = %v, want %v", in, got, want)
		}
	}
}

func FuzzParseByline(f *testing.F) {
	for _, s := range []string{"By Jane Doe", "Posted by A on Nov 1, 2019", "A, B and C, Reuters", "Jane DoeFOX", "Author:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, ok := parseByline(s, datetime.Context{})
		if !ok {
			return
		}
		for _, a := range append(append([]string{}, m.authors...), m.agencies...) {
			if a == "" {
				t.Fatalf("parseByline(%q) returned an empty name", s)
			}
		}
	})
}

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
