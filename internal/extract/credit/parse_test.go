package credit

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

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
		// Its screen-reader labels run into the values: "Author" after the dates.
		{in: "Posted on3. Mai 20213. Mai 2021AuthorBo Park4 Kommentare", ok: true, cue: true, authors: []string{"Bo Park"}},
		{in: "Posted on 3 May 2021Author Webteam", ok: true, cue: true, authors: []string{"Webteam"}},
		{in: "3 May 2021 Authored a new report on schools"},
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
		m, ok := testReader.Parse(tt.in, "", ctx)
		ok = ok && (len(m.Authors) > 0 || len(m.Agencies) > 0 || m.Label)
		if ok != tt.ok {
			t.Errorf("Parse(%q) ok = %v, want %v (authors %q agencies %q)", tt.in, ok, tt.ok, m.Authors, m.Agencies)
			continue
		}
		if !ok {
			continue
		}
		if m.Cue != tt.cue {
			t.Errorf("Parse(%q) cue = %v, want %v", tt.in, m.Cue, tt.cue)
		}
		if diff := cmp.Diff(tt.authors, m.Authors); diff != "" {
			t.Errorf("Parse(%q) authors (-want +got):\n%s", tt.in, diff)
		}
		if diff := cmp.Diff(tt.agencies, m.Agencies); diff != "" {
			t.Errorf("Parse(%q) agencies (-want +got):\n%s", tt.in, diff)
		}
	}
}

// TestPersonName: one name test, with what each kind of input adds: a
// line of text refuses page furniture and dates and a topic's acronym; a
// stated value refuses roles and desks, and takes a surname in capitals
// and an inverted name's particle.
func TestPersonName(t *testing.T) {
	tests := []struct {
		in          string
		line, value bool
	}{
		{"Jane Doe", true, true},
		{"Maria T. Okafor", true, true},
		{"Jean-Luc Picard", true, true},
		{"Ludwig van Beethoven", true, true},
		{"王小明", true, true},
		{"jane doe", false, false},
		{"Jane", false, false},
		{"Acme News", false, false},
		{"City Council Report", false, false},
		{"Jane Doe 2019", false, false},
		{"The Times", false, false},
		{"One Two Three Four Five Six", false, false},
		{"Springfield.com Staff", false, false},
		{"Example-Online-Experte Ann Lee", false, false}, // a part of a hyphenated word
		{"Ann Lee Updated", false, true},                 // page furniture on a line
		{"June Lee", false, true},                        // a month first on a line
		{"Jane Roe Senior Writer", true, false},          // roles: on a line, the page vocabulary's
		{"Anna BEISPIEL", false, true},                   // a surname in capitals
		{"Resultados UEFA", false, true},                 // on a line, a topic's acronym
		{"Jan de", false, true},                          // "Vries, Jan de"
		{"Jane Roe (AP)", false, false},
	}
	for _, tt := range tests {
		if got := PersonName(tt.in); got != tt.line {
			t.Errorf("PersonName(%q) = %v, want %v", tt.in, got, tt.line)
		}
		if got := valuePersonName(tt.in); got != tt.value {
			t.Errorf("valuePersonName(%q) = %v, want %v", tt.in, got, tt.value)
		}
	}
}

func FuzzParseByline(f *testing.F) {
	for _, s := range []string{"By Jane Doe", "Posted by A on Nov 1, 2019", "A, B and C, Reuters", "Jane DoeFOX", "Author:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, ok := testReader.Parse(s, "", datetime.Context{})
		if !ok {
			return
		}
		for _, a := range append(append([]string{}, m.Authors...), m.Agencies...) {
			if a == "" {
				t.Fatalf("Parse(%q) returned an empty name", s)
			}
		}
	})
}

// TestParseBylineLanguages: credits and roles in each language.
func TestParseBylineLanguages(t *testing.T) {
	ctx := datetime.Context{Ref: time.Date(2025, 7, 3, 0, 0, 0, 0, time.UTC)}
	tests := []struct {
		lang, in string
		authors  []string
	}{
		{"en", "Written by Jane Doe", []string{"Jane Doe"}},
		{"de", "von Anna Beispiel", []string{"Anna Beispiel"}},
		{"de", "Von Anna Beispiel und Jonas Muster", []string{"Anna Beispiel", "Jonas Muster"}},
		{"de", "Autor: Jonas Muster", []string{"Jonas Muster"}},
		{"de", "Autorin: Anna Beispiel, Projektleiterin", []string{"Anna Beispiel"}},
		{"de", "Gepostet von Anna Beispiel | Wohnen", []string{"Anna Beispiel"}},
		{"de", "von Anna Beispiel, 24. Januar 2022", []string{"Anna Beispiel"}},
		{"de", "22. Dezember 2019 von Jonas Muster", []string{"Jonas Muster"}},
		{"de", "Von Anna Beispiel Kategorien: Mode 6. November 2023, 15:25 Uhr", []string{"Anna Beispiel"}},
		{"de", "Eine Kolumne von Anna Beispiel", []string{"Anna Beispiel"}},
		{"fr", "par Claire Exemple, 21 juin 2018", []string{"Claire Exemple"}},
		{"fr", "Par Claire Exemple et Paul Modèle", []string{"Claire Exemple", "Paul Modèle"}},
		{"es", "por Ana Ejemplo y Luis Muestra", []string{"Ana Ejemplo", "Luis Muestra"}},
		{"es", "Publicado por Ana Ejemplo", []string{"Ana Ejemplo"}},
		{"it", "di Marco Esempio", []string{"Marco Esempio"}},
		{"pt", "Por Joana Exemplo", []string{"Joana Exemplo"}},
		{"nl", "door Jan Voorbeeld en Eva Proef", []string{"Jan Voorbeeld", "Eva Proef"}},
		{"pl", "Autor(ka): Anna Przykład", []string{"Anna Przykład"}},
		{"pl", "Autor: Jan Kowalski i Anna Nowak", []string{"Jan Kowalski", "Anna Nowak"}},
		{"cs", "Autorka: Jana Příkladová", []string{"Jana Příkladová"}},
		{"sv", "Av Anna Exempel och Erik Prov", []string{"Anna Exempel", "Erik Prov"}},
		{"hu", "Szerző: Kovács Anna", []string{"Kovács Anna"}},
		{"ru", "Автор: Иван Петров", []string{"Иван Петров"}},
		{"zh", "记者 王小明", []string{"王小明"}},
		{"zh", "记者：王小明", []string{"王小明"}},
		{"ar", "بقلم أحمد علي", []string{"أحمد علي"}},
		{"ko", "작성자: 김민수", []string{"김민수"}},
		{"ko", "김민수 기자", []string{"김민수"}},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.in, func(t *testing.T) {
			m, ok := testReader.Parse(tt.in, "", ctx)
			if !ok {
				t.Fatalf("Parse(%q) found no credit", tt.in)
			}
			if !m.Cue && !m.Prep {
				t.Errorf("Parse(%q): no cue recognised", tt.in)
			}
			if diff := cmp.Diff(tt.authors, m.Authors); diff != "" {
				t.Errorf("Parse(%q) authors (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestParseBylineNotCredits: lines with a cue word that are no credit.
func TestParseBylineNotCredits(t *testing.T) {
	ctx := datetime.Context{Ref: time.Date(2025, 7, 3, 0, 0, 0, 0, time.UTC)}
	for _, in := range []string{
		"These Weeks in Software: Issue 85",
		"Von Berlin aus fuhr der Zug weiter nach Hamburg und dann an die Küste.",
		"Par ailleurs, le conseil municipal a voté le budget.",
	} {
		if m, ok := testReader.Parse(in, "", ctx); ok && len(m.Authors) > 0 {
			t.Errorf("Parse(%q) = %q, want no credit", in, m.Authors)
		}
	}
}

// TestNameShapes checks the name tests for a month used as a middle name
// and for contractions, which are capitalised words but no names.
func TestNameShapes(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Laura June Example", true},
		{"Anna April Beispiel", true},
		{"June Example", false}, // a month first: "June 2019"-like lines
		{"Example June", false}, // and last
		{"I'm Nicolas", false},
		{"It’s Friday", false},
		{"Dan O'Example", true},
		{"Ann D’Example", true},
	}
	for _, tc := range tests {
		if got := PersonName(tc.in); got != tc.want {
			t.Errorf("PersonName(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
	m, ok := testReader.Parse("by Laura June Example July 10, 2015", "", datetime.Context{})
	if !ok || len(m.Authors) != 1 || m.Authors[0] != "Laura June Example" {
		t.Errorf("Parse with a middle name June = %+v, %v", m, ok)
	}
}
