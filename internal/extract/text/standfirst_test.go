package text

import (
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
)

// TestStandfirst checks that a lead paragraph printed between the headline
// and the credit opens the body, while a one-sentence dek stays out of it
// (it is the description).
func TestStandfirst(t *testing.T) {
	body := "Die Stadtwerke legten am Dienstag einen Plan vor, nach dem beide Hallenbäder den ganzen Winter über geöffnet bleiben. Die Heizung wird im Januar repariert, die Kurse beginnen danach wieder.\n\n" +
		"Der Stadtrat stimmte am Abend mit zwölf zu drei Stimmen zu. Am Wochenende sollen die Bäder künftig länger offen sein, sagte die Sprecherin der Stadtwerke, und für Anfänger gibt es neue Kurse.\n\n" +
		"Die Kosten trägt zum größten Teil die Stadt, der Rest kommt aus dem Fonds des Landes für Sportstätten, der in diesem Jahr zum ersten Mal auch Bäder in kleinen Gemeinden fördert.\n"
	long := "Wochenlang stand die Schließung im Raum. Jetzt ist klar, dass beide Bäder offen bleiben. Die Heizung wird repariert, und die Schwimmvereine können ihre Trainingszeiten behalten, wie sie es seit Jahren gewohnt sind."
	short := "Beide Hallenbäder bleiben den ganzen Winter über geöffnet."
	tests := []struct {
		name      string
		dek       string
		wantFirst string
	}{
		{"lead paragraph opens the body", long, long},
		{"one-sentence dek stays out", short, "Die Stadtwerke legten am Dienstag"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dump := "Startseite\nLokales\n\nHallenbäder bleiben offen\n\n" + tc.dek + "\n\nvon Anna Beispiel\n12.03.2024, 08:15 Uhr\nteilen\n\n" + body
			x := Extract(&article.Dump{Body: []byte(dump)})
			if x.Err != nil {
				t.Fatalf("Extract: %v", x.Err)
			}
			if len(x.Paragraphs) == 0 || !strings.HasPrefix(x.Paragraphs[0], tc.wantFirst) {
				t.Errorf("body starts %q, want %q", x.Paragraphs, tc.wantFirst)
			}
		})
	}
}

// TestCreditUnderShortArticle checks that a short post whose credit and
// date come after its one long paragraph keeps that paragraph as its body.
func TestCreditUnderShortArticle(t *testing.T) {
	post := "Im Herbst öffnen in der Stadt zwei neue Kinosäle, obwohl die Betreiber für die Umstellung auf digitale Projektoren viel Geld ausgeben mussten. Die kleinen Häuser am Rand der Altstadt haben sich zusammengeschlossen, teilen sich die Technik und zeigen nun jeden Abend Filme aus Europa, dazu am Sonntag ein Programm für Kinder. Die Besucherzahlen sind im ersten Monat gestiegen, sagt die Betreiberin. Für den Winter planen die beiden Häuser eine Reihe mit alten Filmen aus der Region, zu der die Regisseure selbst kommen sollen, und am Nachmittag Vorstellungen für ältere Besucher, die abends nicht mehr gern in die Stadt fahren."
	dump := "Startseite\nBlog\n\nNeue Kinosäle in der Altstadt\n\n" + post + "\n\nVon Anna Beispiel am 07.08.2023 um 09:07 Uhr gespeichert unter Kultur\n\nBisher keine Kommentare\n\nEinen Kommentar schreiben\n"
	x := Extract(&article.Dump{Body: []byte(dump)})
	if x.Err != nil {
		t.Fatalf("Extract: %v", x.Err)
	}
	if !strings.Contains(strings.Join(x.Paragraphs, "\n"), "Die Besucherzahlen sind im ersten Monat gestiegen") {
		t.Errorf("body %q lost the post", x.Paragraphs)
	}
}

// TestLeadUnderDate checks that a lead printed under the headline and the
// date, before any credit, opens the body.
func TestLeadUnderDate(t *testing.T) {
	body := "Die Stadtwerke legten am Dienstag einen Plan vor, nach dem beide Hallenbäder den ganzen Winter über geöffnet bleiben. Die Heizung wird im Januar repariert, die Kurse beginnen danach wieder.\n\n" +
		"Der Stadtrat stimmte am Abend mit zwölf zu drei Stimmen zu. Am Wochenende sollen die Bäder künftig länger offen sein, sagte die Sprecherin der Stadtwerke, und für Anfänger gibt es neue Kurse.\n\n" +
		"Die Kosten trägt zum größten Teil die Stadt, der Rest kommt aus dem Fonds des Landes für Sportstätten, der in diesem Jahr zum ersten Mal auch Bäder in kleinen Gemeinden fördert.\n"
	lead := "Wochenlang stand die Schließung im Raum, jetzt ist klar: Beide Hallenbäder der Stadt bleiben den ganzen Winter über für alle geöffnet."
	tests := []struct {
		name      string
		header    string
		wantFirst string
	}{
		{"lead under the date", "12.03.2024, 08:15 Uhr\n\n" + lead + "\n\nteilen\nTwitter\nFacebook\nE-Mail\n\n", lead},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dump := "Startseite\nLokales\n\nHallenbäder bleiben offen\n\n" + tc.header + body
			x := Extract(&article.Dump{Body: []byte(dump)})
			if x.Err != nil {
				t.Fatalf("Extract: %v", x.Err)
			}
			if len(x.Paragraphs) == 0 || !strings.HasPrefix(x.Paragraphs[0], tc.wantFirst) {
				t.Errorf("body starts %q, want %q", x.Paragraphs, tc.wantFirst)
			}
		})
	}
}
