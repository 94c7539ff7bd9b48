package text

import (
	"testing"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/extracttest"
	"github.com/pressroom/pressroom/internal/extract/page"
)

func TestLanguage(t *testing.T) {
	for _, tt := range extracttest.LanguageSamples {
		d := article.NewDump("", "", "text/plain", []byte(tt.Text+"\n\n"+tt.Text), extracttest.ReceivedAt)
		blocks, err := segment(decode(d).text, MaxLines)
		if err != nil {
			t.Fatal(err)
		}
		doc := newDocument(d, decode(d), blocks)
		if doc.lang != tt.Lang {
			t.Errorf("language(%.30q…) = %q, want %q", tt.Text, doc.lang, tt.Lang)
		}
	}
}

func TestGuessLanguageTooLittle(t *testing.T) {
	if got := page.GuessLanguage(page.ScriptCounts{}, [page.LangCount]int{}); got != "" {
		t.Errorf("guessLanguage(empty) = %q, want \"\"", got)
	}
	var hits [page.LangCount]int
	hits[0], hits[1] = 5, 5
	if got := page.GuessLanguage(page.ScriptCounts{Latin: 100}, hits); got != "" {
		t.Errorf("guessLanguage(tie) = %q, want \"\"", got)
	}
}
