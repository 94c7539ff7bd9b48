package datetime

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// referenceTokenize is the tokenizer before its ASCII fast path: one
// decoded rune at a time. The fast path must give the same tokens.
func referenceTokenize(toks []Token, s string) []Token {
	space := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			space = true
			i += n
			continue
		case r >= '0' && r <= '9':
			j, v := i, 0
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				if j-i < 9 {
					v = v*10 + int(s[j]-'0')
				}
				j++
			}
			toks = append(toks, Token{kind: tNum, text: s[i:j], val: v, start: i, end: j, space: space})
			i = j
		case unicode.IsLetter(r):
			j := i
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				if r2 == '年' || r2 == '月' || r2 == '日' {
					if j == i {
						j += n2
					}
					break
				}
				j += n2
			}
			toks = append(toks, Token{kind: tWord, text: strings.ToLower(s[i:j]), start: i, end: j, space: space, upper: unicode.IsUpper(r)})
			i = j
		default:
			toks = append(toks, Token{kind: tSep, text: s[i : i+n], start: i, end: i + n, space: space})
			i += n
		}
		space = false
	}
	return toks
}

func checkTokenize(t *testing.T, s string) {
	t.Helper()
	got, want := Tokenize(nil, s), referenceTokenize(nil, s)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Tokenize(%q) =\n%+v\nwant\n%+v", s, got, want)
	}
	// A limited tokenization is the whole one's first tokens.
	for _, n := range []int{0, 1, len(want) / 2, len(want) - 1, len(want)} {
		if n < 0 || n > len(want) {
			continue
		}
		if got := tokenize(nil, s, n); len(got) != n || n > 0 && !reflect.DeepEqual(got, want[:n]) {
			t.Fatalf("tokenize(%q, %d) = %+v, want %+v", s, n, got, want[:n])
		}
	}
}

func TestTokenizeAsBefore(t *testing.T) {
	for _, s := range []string{
		"", " ", "Jul 2, 2025 8:03 am ET", "\t\n\v\f\r x\u0085y\u00a0z\u2003",
		"Straße ÄRGER İstanbul ǅemal", "2021年4月9日 abc年def", "年年", "2016년 12월 1일",
		"\xff\xfe5\xc3 May\x80 2020", "٣ مايو ٢٠٢٠", "ªº µ", "MiXeD CaSe 12345678901234 x",
		"\u0301é e\u0301", strings.Repeat("word ", 300),
	} {
		checkTokenize(t, s)
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Jul 2, 2025", "Straße 2021年4月9日", "\xff\xfe5\xc3 May\x80", "İ\u00a0x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 300 {
			s = s[:300]
		}
		checkTokenize(t, s)
	})
}
