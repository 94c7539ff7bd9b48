package tsvector_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/tsvector"
)

func TestMain(m *testing.M) { os.Exit(dbtest.Main(m)) }

type tok struct {
	Type tsvector.TokenType
	Text string
}

// goTokens are Parse's tokens of text but its blanks, and whether Parse
// was sure of them.
func goTokens(text string) ([]tok, bool) {
	var out []tok
	sure := tsvector.Parse(text, func(typ tsvector.TokenType, s string) {
		if typ != tsvector.Blank {
			out = append(out, tok{typ, s})
		}
	})
	return out, sure
}

// pgTokens are ts_parse's tokens of text but its blanks (which go to no
// dictionary, and which Parse may cut differently).
func pgTokens(t testing.TB, pool *pgxpool.Pool, text string) []tok {
	t.Helper()
	rows, err := pool.Query(context.Background(), `SELECT tokid, token FROM ts_parse('default', $1) WHERE tokid <> 12`, text)
	if err != nil {
		t.Fatal(err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (tok, error) {
		var (
			id int32
			s  string
		)
		err := r.Scan(&id, &s)
		return tok{tsvector.TokenType(id), s}, err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// parserCases exercise each token type and the edges between them; each
// one Parse is sure of is checked against PostgreSQL's own ts_parse, and
// sureCases lists those it must be sure of.
// sureCases are the common forms of news text, which Parse must serve.
var sureCases = []string{
	"well-known COVID-19 x86-64 abc-123def 1st-class 2-year-old ab-cd-12 naïve-ish",
	"42 -17 +3 3.14 -2.5 1e10 2.5E-3 6.02e+23 1.2.3 -2.5.3 10:30 1,000 3.14abc 5%",
	"e.g. i.e. U.S.A. Ph.D. St.Louis example.com sub-domain.example.com 3com.net",
	"and/or 24/7 1/2/2020 km/h /usr/local/bin john.doe@example.com x_y-z@mail.example.org",
	"don't l’homme «quotes» b—c 😀 2025年 AT&T R&D x < y",
}

var parserCases = []string{
	"The quick brown fox jumps over the lazy dog.",
	"Ünïcödé wörds, naïve café, Straße; Россия и Москва; 東京都; العربية",
	"don't can’t it's — em—dash «quotes» “curly” l’homme",
	"well-known state-of-the-art e-mail co-operate re-re-election",
	"COVID-19 mp3 x86-64 F-16 1-2-3 abc-123def 3-D 2020-01-15 -- a--b a-",
	"Ünter-Straße naïve-ish 中-文 a-中",
	"42 -17 +3 3.14 -2.5 .5 1e10 2.5E-3 6.02e+23 1.2.3 10.0.0.1 1.2.3.4.5 3.14.",
	"mail me at john.doe@example.com or x_y-z@mail.example.org, not @handle or a@b",
	"see https://www.example.com/path/to/page?x=1&y=2#frag and http://example.org:8080/a",
	"ftp://files.example.net/ www.example.co.uk/news example.com. sub-domain.example.com",
	"paths /usr/local/bin ./rel/path ../up ~/home/file.txt C:\\dir file.tar.gz /a/b.c",
	"<p>Tagged <b>bold</b> text</p> <a href=\"x.html\" title='t'>link</a> <br/> <!-- comment --> <!DOCTYPE html>",
	"<script>var hidden = 1;</script> shown <style>.x{}</style> after",
	"entities &amp; &lt;tag&gt; &#39; &#x27; &nbsp; & alone",
	"snake_case_word CamelCase ALLCAPS a_b 1_2 under_score-hyphen",
	"version v1.2.3 release 2.0-beta test@ foo:bar a:/b //double",
	"emoji 😀 inside wörd😀s and ™ ® © ° ½",
	"1st 2nd 3rd 4th 10x 1.5x 100km/h 5%",
	"trailing hyphen- and -leading and -- double and - spaced",
	"a.b a.b.c 1.a a1.b2 x.1 localhost:80 host_name.example.com",
	"quotes \"inside\" and 'single' and `back` (paren) [bracket] {brace}",
	"tabs\tand\nnewlines\r\nand\u00a0nbsp\u2009thin",
	"end with url http://example.com",
	"end with email a.b@c.de",
	"-",
	"",
	"x",
	"&",
	"<",
	"a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p",
	"http://a.b/c d/e/f.g .h i.j/k",
	"e.g. i.e. U.S.A. Ph.D. St.Louis",
	"http://x.example.com/a\\b|c^d{e}f<g>h\"i`j http://ü.example.com/ä",
}

func TestParseMatchesPostgres(t *testing.T) {
	pool := dbtest.NewEmpty(t)
	cases := append(append([]string{}, parserCases...), sureCases...)
	mustBeSure := map[string]bool{}
	for _, s := range sureCases {
		mustBeSure[s] = true
	}
	for _, text := range cases {
		t.Run(fmt.Sprintf("%.30q", text), func(t *testing.T) {
			if !compareTokens(t, pool, text) {
				if mustBeSure[text] {
					t.Errorf("%q: Parse is not sure", text)
				} else {
					t.Logf("%q: not sure, left to PostgreSQL", text)
				}
			}
		})
	}
}

// compareTokens compares Parse's tokens with ts_parse's where Parse is
// sure of them, and reports whether it is.
func compareTokens(t *testing.T, pool *pgxpool.Pool, text string) bool {
	t.Helper()
	got, sure := goTokens(text)
	if !sure {
		return false
	}
	want := pgTokens(t, pool, text)
	if len(got) != len(want) {
		t.Errorf("%q: %d tokens, PostgreSQL %d\n go: %v\n pg: %v", text, len(got), len(want), got, want)
		return true
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("%q: token %d is %v, PostgreSQL's %v", text, i, got[i], want[i])
		}
	}
	return true
}

// FuzzParse checks the parser against PostgreSQL's on arbitrary text,
// wherever Parse is sure of it (FuzzParseInvariants checks the rest). In
// `make test` only the seeds run; fuzz it with
//
//	go test ./internal/tsvector -run '^$' -fuzz FuzzParse -fuzztime 60s
func FuzzParse(f *testing.F) {
	pool := dbtest.NewEmpty(f)
	for _, s := range parserCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if strings.ContainsRune(text, 0) || !isUTF8(text) {
			t.Skip("PostgreSQL text holds no NUL and only valid UTF-8")
		}
		compareTokens(t, pool, text)
	})
}

func isUTF8(s string) bool { return strings.ToValidUTF8(s, "\ufffd") == s }
