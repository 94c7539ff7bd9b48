// Package extracttest holds what the tests of the extract packages share:
// the fixed clock of test dumps, golden-file comparison, and views of an
// extraction that several packages' tests compare.
package extracttest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pressroom/pressroom/internal/article"
)

// ReceivedAt is the fixed clock of every test dump.
var ReceivedAt = time.Date(2025, 7, 3, 12, 0, 0, 0, time.UTC)

// CheckGoldenJSON compares got with the JSON golden file at path, or, when
// update is set, rewrites the file from got (flag names the flag that does
// that, for the message when the file is missing).
func CheckGoldenJSON[T any](t *testing.T, path string, got T, update bool, flag string) {
	t.Helper()
	if update {
		b, err := json.MarshalIndent(got, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test %s to create it)", err, flag)
	}
	var want T
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("extraction differs from %s (-want +got):\n%s", path, diff)
	}
}

// PublishedDay is the extraction's publication day, "" when it has none.
func PublishedDay(x article.Extraction) string {
	if p := x.Metadata.Published; !p.IsZero() {
		return p.Time.Format("2006-01-02")
	}
	return ""
}

// LinesDump is a dump of n short lines: prose lines with no blank line
// between them, the most blocks a dump of its size can make.
func LinesDump(n int) []byte {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "Line %d of a very long article body, which goes on and on with words.\n", i)
	}
	return []byte(b.String())
}

// DescribeOf is the richer metadata an extraction holds, and the rule each
// field came from.
type DescribeOf struct {
	Description, Image, Canonical, Section, Modified string
	Tags                                             []string
	Rules                                            map[string]string
}

func DescribeFrom(x article.Extraction) DescribeOf {
	md := x.Metadata
	got := DescribeOf{Description: md.Description, Image: md.Image, Canonical: md.CanonicalURL, Section: md.Section,
		Tags: md.Tags, Rules: map[string]string{}}
	if !md.Modified.IsZero() {
		got.Modified = md.Modified.Time.UTC().Format(time.DateOnly)
	}
	for _, f := range x.Diagnostics.Fields {
		switch f.Field {
		case "description", "image", "canonical_url", "section", "tags", "modified":
			got.Rules[f.Field] = f.Rule
		}
	}
	return got
}

const FixtureProse = "The council voted on Tuesday evening to keep the old swimming pool open for another summer, after a petition signed by more than four thousand residents."

// LanguageSamples are one sentence in each language the stop-word lists
// cover, or written in a script that names its language, and that
// language's ISO 639-1 code: both front-ends must guess it.
var LanguageSamples = []struct{ Text, Lang string }{
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

// EvalFiles returns the files of the evaluation corpora (../shared/eval,
// read by benchmarks and never copied into the repository) that match
// globs, from the directory EVAL_DIR names or else the one beside the
// repository as seen from a package under internal/extract. It skips tb
// when there are none.
func EvalFiles(tb testing.TB, globs ...string) []string {
	tb.Helper()
	dir := os.Getenv("EVAL_DIR")
	if dir == "" {
		dir = "../../../../shared/eval"
	}
	var files []string
	for _, glob := range globs {
		m, _ := filepath.Glob(filepath.Join(dir, glob))
		files = append(files, m...)
	}
	if len(files) == 0 {
		tb.Skip("no evaluation corpora under " + dir)
	}
	return files
}
