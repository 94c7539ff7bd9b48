package text

import (
	"testing"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/extracttest"
	"github.com/pressroom/pressroom/internal/extract/page"
)

func TestLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"The president said on Tuesday that the trade talks with China were going well and that a deal could be reached.", "en"},
		{"El presidente dijo el martes que las conversaciones comerciales con China iban bien y que se podría llegar a un acuerdo.", "es"},
		{"O presidente disse na terça-feira que as negociações comerciais com a China estão indo bem e que um acordo pode ser alcançado.", "pt"},
		{"Le président a déclaré mardi que les négociations commerciales avec la Chine se passaient bien et qu'un accord pourrait être conclu.", "fr"},
		{"Der Präsident sagte am Dienstag, dass die Handelsgespräche mit China gut verlaufen und dass eine Einigung erzielt werden könnte.", "de"},
		{"Il presidente ha detto martedì che i colloqui commerciali con la Cina stanno andando bene e che si potrebbe raggiungere un accordo.", "it"},
		{"De president zei dinsdag dat de handelsbesprekingen met China goed verlopen en dat er een akkoord kan worden bereikt.", "nl"},
		{"Президент заявил во вторник, что торговые переговоры с Китаем идут хорошо и что может быть достигнуто соглашение.", "ru"},
		{"先日、不正に改造したiPhoneを販売したとして、商標法違反の疑いで男性が逮捕されました。", "ja"},
		{"대통령은 화요일에 중국과의 무역 협상이 잘 진행되고 있으며 합의에 도달할 수 있다고 말했다.", "ko"},
		{"总统周二表示，与中国的贸易谈判进展顺利，可能会达成协议。", "zh"},
		{"قال الرئيس يوم الثلاثاء إن المحادثات التجارية مع الصين تسير بشكل جيد", "ar"},
		{"Az elnök kedden azt mondta, hogy a kereskedelmi tárgyalások jól haladnak, és hogy most már megállapodás is lehet.", "hu"},
		{"Prezident v úterý řekl, že obchodní jednání s Čínou jsou na dobré cestě a že by mohlo být dosaženo dohody.", "cs"},
		{"Præsidenten sagde tirsdag, at handelsforhandlingerne med Kina går godt, og at der kan blive indgået en aftale.", "da"},
		{"Prezydent powiedział we wtorek, że rozmowy handlowe z Chinami idą dobrze i że może być zawarte porozumienie.", "pl"},
	}
	for _, tt := range tests {
		d := article.NewDump("", "", "text/plain", []byte(tt.text+"\n\n"+tt.text), extracttest.ReceivedAt)
		blocks, err := segment(decode(d).text, MaxLines)
		if err != nil {
			t.Fatal(err)
		}
		doc := newDocument(d, decode(d), blocks)
		if doc.lang != tt.want {
			t.Errorf("language(%.30q…) = %q, want %q", tt.text, doc.lang, tt.want)
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
