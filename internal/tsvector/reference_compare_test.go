package tsvector

import (
	"context"
	"hash/fnv"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// fragments make odd texts: every token type, the bytes the parser's
// fast path stops at, and lexemes sharing long prefixes.
var fragments = []string{
	"a", "Z", "word", "The", "the", "inter", "national", "ization", "internation", "é", "ß", "中文", "x", "e",
	"1", "42", "3.5", "-", "--", ".", "..", "...", ",", ";", ":", "/", "//", "@", "_", "<", ">", "&", "#",
	" ", "  ", " ", " ", "\n", "\t", "\r", "'", "\"", "(", ")", "!", "?", "+", "~", "%", "\x00", "\xff",
	"http://", "https://", "www", "com", ".com", "example.org", "e.g.", "U.S.A.", "a@b.cd", "<b>", "</p>",
	"&amp;", "1e10", "2.5E-3", "1.2.3", "COVID-19", "well-known", "state-of-the-art", "and/or", "24/7",
	"/usr/bin", "x86-64", "naïve-ish", "£71.6m", "Straße",
}

// oddText is up to n random fragments.
func oddText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range rng.IntN(n + 1) {
		b.WriteString(fragments[rng.IntN(len(fragments))])
		if rng.IntN(3) == 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// proseText is about n words of plain prose from a small vocabulary.
func proseText(rng *rand.Rand, n int) string {
	words := strings.Fields(`The the of and to in a is international internationally internationalization
		nation national report Report reports state-of-the-art co-operate 2024 3.5 well-known U.S. e.g.
		minister ministers court naïve Straße über x86-64 and/or`)
	var b strings.Builder
	for range n {
		b.WriteString(words[rng.IntN(len(words))])
		b.WriteString([]string{" ", " ", " ", ". ", ", ", "\n", " - ", "; "}[rng.IntN(8)])
	}
	return b.String()
}

func TestParseMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	type tok struct {
		typ TokenType
		s   string
	}
	for i := range 20000 {
		text := oddText(rng, 40)
		if i%4 == 0 {
			text = proseText(rng, 30)
		}
		var got, want, noBlanks []tok
		gotSure := Parse(text, func(typ TokenType, s string) { got = append(got, tok{typ, s}) })
		wantSure := refParse(text, func(typ TokenType, s string) { want = append(want, tok{typ, s}) })
		if gotSure != wantSure || gotSure && !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\nParse    %v %q\nstep by step %v %q", text, gotSure, got, wantSure, want)
		}
		parse(text, emitFunc(func(typ TokenType, s string) { noBlanks = append(noBlanks, tok{typ, s}) }), false)
		var wantNoBlanks []tok
		for _, tk := range want {
			if tk.typ != Blank {
				wantNoBlanks = append(wantNoBlanks, tk)
			}
		}
		if gotSure && !reflect.DeepEqual(noBlanks, wantNoBlanks) {
			t.Fatalf("%q without blanks:\n%q\nwant %q", text, noBlanks, wantNoBlanks)
		}
	}
}

// fakeLexize answers as a stemmer (dictionary 1), simple (2) and a
// dictionary that knows nothing (3) might, deterministically from the
// word: unknown words, stop words, several lexemes (one of them twice),
// lexemes shared by many words and lexemes sharing long prefixes.
func fakeLexize(_ context.Context, keys []Key) ([]Lexized, error) {
	out := make([]Lexized, len(keys))
	for i, k := range keys {
		h := fnv.New32a()
		h.Write([]byte{byte(k.Dict)})
		h.Write([]byte(k.Word))
		n := h.Sum32()
		low := strings.ToLower(k.Word)
		switch k.Dict {
		case 1:
			switch n % 16 {
			case 0:
				continue // unknown: the next dictionary
			case 1, 2:
				out[i] = Lexized{Known: true}
			case 3:
				out[i] = Lexized{Known: true, Lexemes: []string{low, low + "s"}}
			case 4:
				out[i] = Lexized{Known: true, Lexemes: []string{low, low}}
			default:
				out[i] = Lexized{Known: true, Lexemes: []string{low[:min(len(low), 5)]}}
			}
		case 2:
			if n%7 != 0 {
				out[i] = Lexized{Known: true, Lexemes: []string{low}}
			}
		}
	}
	return out, nil
}

// TestVectorsMatchReference: Cache.Vectors builds, byte for byte, what
// the fourth pass's builder built, on batches of odd and prosaic texts,
// texts Parse is not sure of, configurations with chains of dictionaries
// and with blanks mapped, and past every limit (MaxPos, a lexeme's 255
// and 256 positions, 2,048-byte words); and it asks lexize the same words
// in the same order when its cache is empty.
func TestVectorsMatchReference(t *testing.T) {
	all := func(dicts ...uint32) *Config {
		c := &Config{}
		for typ := range NumTokenTypes {
			if typ != int(Blank) {
				c.Dicts[typ] = dicts
			}
		}
		return c
	}
	stem := all(1)
	stem.Dicts[ASCIIWord], stem.Dicts[HWordASCIIPart] = []uint32{1, 2}, []uint32{1, 2}
	stem.Dicts[Word], stem.Dicts[Int] = []uint32{2}, nil
	blanks := all(2, 1)
	blanks.Dicts[Blank] = []uint32{2}
	unknownFirst := &Config{}
	unknownFirst.Dicts[ASCIIWord] = []uint32{3, 1}
	unknownFirst.Dicts[NumWord] = []uint32{3}
	configs := []*Config{stem, blanks, unknownFirst, all(1)}

	long := strings.Repeat("alpha beta the ", 6000) // past MaxPos
	odd := []Doc{
		{Config: stem, Title: long, Body: long},
		{Config: stem, Title: strings.Repeat("report ", 300), Body: strings.Repeat("report reports ", 300)},
		{Config: blanks, Title: strings.Repeat("x ", 17000) + "report", Body: "report " + long},
		{Config: stem, Title: "", Body: ""},
		{Config: all(2), Title: "other words", Body: strings.Repeat("solo ", 300)},
		{Config: all(2), Title: "solo solo", Body: strings.Repeat("solo ", 300)},
		{Config: all(2), Title: strings.Repeat("solo ", 254), Body: strings.Repeat("solo ", 300)},
		{Config: stem, Title: strings.Repeat("w", MaxWordBytes-1) + " " + strings.Repeat("w", MaxWordBytes), Body: "w"},
		{Config: stem, Title: "<script>x</script>", Body: "word"},
	}
	rng := rand.New(rand.NewPCG(9, 10))
	shared := NewCache(DefaultCacheEntries, DefaultCacheBytes)
	tiny := NewCache(4, 1<<10)
	for round := range 300 {
		var docs []Doc
		if round%50 == 0 {
			docs = odd
		}
		for range 1 + rng.IntN(8) {
			d := Doc{Config: configs[rng.IntN(len(configs))]}
			if rng.IntN(2) == 0 {
				d.Title, d.Body = oddText(rng, 8), oddText(rng, 200)
			} else {
				d.Title, d.Body = proseText(rng, 6), proseText(rng, 300)
			}
			docs = append(docs, d)
		}
		var askedRef, askedNew [][]Key
		record := func(asked *[][]Key) LexizeFunc {
			return func(ctx context.Context, keys []Key) ([]Lexized, error) {
				*asked = append(*asked, append([]Key(nil), keys...))
				return fakeLexize(ctx, keys)
			}
		}
		want, err := refVectors(context.Background(), docs, record(&askedRef))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name  string
			cache *Cache
		}{{"empty cache", NewCache(DefaultCacheEntries, DefaultCacheBytes)}, {"shared cache", shared}, {"tiny cache", tiny}} {
			askedNew = nil
			got, err := c.cache.Vectors(context.Background(), docs, record(&askedNew))
			if err != nil {
				t.Fatal(err)
			}
			for i := range docs {
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Fatalf("round %d, %s, doc %d (title %.40q, body %.80q):\n got %v\nwant %v",
						round, c.name, i, docs[i].Title, docs[i].Body, got[i], want[i])
				}
			}
			if c.name == "empty cache" && !reflect.DeepEqual(askedNew, askedRef) {
				t.Fatalf("round %d: asked lexize %v, the reference asked %v", round, askedNew, askedRef)
			}
		}
	}
}

// FuzzVectorsMatchReference compares the two builders on arbitrary text:
//
//	go test ./internal/tsvector -run '^$' -fuzz FuzzVectorsMatchReference -fuzztime 60s
func FuzzVectorsMatchReference(f *testing.F) {
	for _, s := range []string{"well-known 3.14 e.g. a@b.cd", "x-1.2.3 ab.cd-ef", "<p>&amp;", "The the THE report reports"} {
		f.Add("A title", s)
	}
	cfg := &Config{}
	for typ := range NumTokenTypes {
		cfg.Dicts[typ] = []uint32{1, 2}
	}
	cache := NewCache(64, 1<<12)
	f.Fuzz(func(t *testing.T, title, body string) {
		docs := []Doc{{Config: cfg, Title: title, Body: body}, {Config: cfg, Title: body, Body: title}}
		want, err := refVectors(context.Background(), docs, fakeLexize)
		if err != nil {
			t.Fatal(err)
		}
		got, err := cache.Vectors(context.Background(), docs, fakeLexize)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("title %q, body %q:\n got %v\nwant %v", title, body, got, want)
		}
	})
}
