package tsvector

import (
	"strings"
	"testing"
)

// checkTiling checks what holds for every text Parse is sure of: the
// tokens, read in order, tile the text; a compound is followed by its
// parts and the hyphens between them, which tile the compound; each
// token is non-empty and of a known type.
func checkTiling(t *testing.T, text string) {
	t.Helper()
	var toks []struct {
		typ TokenType
		s   string
	}
	sure := Parse(text, func(typ TokenType, s string) {
		toks = append(toks, struct {
			typ TokenType
			s   string
		}{typ, s})
	})
	if !sure {
		return
	}
	rest, inside := text, ""
	for i, tok := range toks {
		if tok.typ == 0 || tok.typ >= NumTokenTypes || tok.s == "" {
			t.Fatalf("%q: token %d %v %q", text, i, tok.typ, tok.s)
		}
		isPart := tok.typ == HWordPart || tok.typ == HWordASCIIPart || tok.typ == HWordNumPart
		if inside != "" && (isPart || tok.typ == Blank && tok.s == "-") {
			if !strings.HasPrefix(inside, tok.s) {
				t.Fatalf("%q: part %d %q is not next in its compound %q", text, i, tok.s, inside)
			}
			inside = inside[len(tok.s):]
			continue
		}
		if inside != "" {
			t.Fatalf("%q: compound left unfinished at %q", text, inside)
		}
		if !strings.HasPrefix(rest, tok.s) {
			t.Fatalf("%q: token %d %q is not next in the text (%.20q)", text, i, tok.s, rest)
		}
		rest = rest[len(tok.s):]
		switch tok.typ {
		case ASCIIHWord, HWord, NumHWord:
			inside = tok.s
		case ASCIIWord, HWordASCIIPart:
			if strings.IndexFunc(tok.s, func(r rune) bool { return !('a' <= r|0x20 && r|0x20 <= 'z') }) >= 0 {
				t.Fatalf("%q: %q is not ASCII letters", text, tok.s)
			}
		}
	}
	if rest != "" || inside != "" {
		t.Fatalf("%q: text left over %q, compound left over %q", text, rest, inside)
	}
}

func TestParseTilesText(t *testing.T) {
	for _, text := range []string{
		"", "a", "-", "well-known state-of-the-art", "COVID-19 x86-64 ab-cd-12", "naïve-ish 中-文 a-",
		"3.14 -2.5 1e10 2.5E-3 1.2.3 -1.2.3", "e.g. U.S. example.com a@b.cd", "and/or 24/7 /usr/bin", "\xff\xfe-a",
	} {
		checkTiling(t, text)
	}
}

// FuzzParseInvariants checks the tiling on arbitrary bytes, and that
// Parse neither panics nor loops:
//
//	go test ./internal/tsvector -run '^$' -fuzz FuzzParseInvariants -fuzztime 60s
func FuzzParseInvariants(f *testing.F) {
	for _, s := range []string{"well-known 3.14 e.g. a@b.cd", "x-1.2.3 ab.cd-ef", "<p>&amp;"} {
		f.Add(s)
	}
	f.Fuzz(checkTiling)
}
