package tsvector_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/tsvector"
)

// benchText is ~5 KB of prose with some numbers and hyphenated words.
func benchText() string {
	words := strings.Fields(`the of and to in a is that for on was with he it as at by from his an were are
		which this be has or had not but been its they who their one new after also more two first last year
		government minister police court report state public plan officials company market percent million
		well-known 2024 3.5 co-operate election party leader members spokesman statement according during`)
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for b.Len() < 5000 {
		b.WriteString(words[rng.IntN(len(words))])
		if rng.IntN(10) == 0 {
			b.WriteString(". ")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func BenchmarkParse(b *testing.B) {
	text := benchText()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		n := 0
		tsvector.Parse(text, func(tsvector.TokenType, string) { n++ })
	}
}

// benchSetup is the vector benchmarks' configuration (every token type
// but blanks to one dictionary), an empty cache, and a dictionary that
// knows every word, as its lowercase.
func benchSetup() (*tsvector.Config, *tsvector.Cache, tsvector.LexizeFunc) {
	cfg := &tsvector.Config{}
	for typ := range tsvector.NumTokenTypes {
		cfg.Dicts[typ] = []uint32{1}
	}
	cfg.Dicts[tsvector.Blank] = nil
	cache := tsvector.NewCache(tsvector.DefaultCacheEntries, tsvector.DefaultCacheBytes)
	lexize := func(_ context.Context, keys []tsvector.Key) ([]tsvector.Lexized, error) {
		out := make([]tsvector.Lexized, len(keys))
		for i, k := range keys {
			out[i] = tsvector.Lexized{Lexemes: []string{strings.ToLower(k.Word)}, Known: true}
		}
		return out, nil
	}
	return cfg, cache, lexize
}

// BenchmarkVectors is one article's vector with every word in the cache:
// the Go CPU inline indexing costs per article once warm.
func BenchmarkVectors(b *testing.B) {
	text := benchText()
	cfg, cache, lexize := benchSetup()
	docs := []tsvector.Doc{{Config: cfg, Title: "A title of some words", Body: text}}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := cache.Vectors(context.Background(), docs, lexize); err != nil {
			b.Fatal(err)
		}
	}
}

// proseDocs are n ~6 KB articles of words drawn, Zipf-like, from a
// vocabulary of ~8,000 invented words (names capitalised, some numbers
// and compounds), so that an article has ~500 distinct words, as the load
// generator's do, against ~150 in benchText.
func proseDocs(n int) []string {
	rng := rand.New(rand.NewPCG(3, 4))
	const letters = "etaoinshrdlcumwfgypbvkjxqz"
	vocab := make([]string, 8000)
	for i := range vocab {
		var w []byte
		for range 2 + rng.IntN(9) {
			w = append(w, letters[min(rng.IntN(26), rng.IntN(26))])
		}
		switch {
		case i%11 == 0:
			w[0] -= 'a' - 'A'
		case i%29 == 0:
			w = fmt.Appendf(nil, "%d", rng.IntN(5000))
		case i%37 == 0:
			w = append(w, "-based"...)
		}
		vocab[i] = string(w)
	}
	zipf := rand.NewZipf(rand.New(rand.NewPCG(5, 6)), 1.1, 2, uint64(len(vocab)-1))
	docs := make([]string, n)
	for i := range docs {
		var b strings.Builder
		fmt.Fprintf(&b, "Report %d. ", 100000+i)
		for b.Len() < 6000 {
			b.WriteString(vocab[zipf.Uint64()])
			switch rng.IntN(12) {
			case 0:
				b.WriteString(". ")
			case 1:
				b.WriteString(", ")
			default:
				b.WriteByte(' ')
			}
		}
		docs[i] = b.String()
	}
	return docs
}

// BenchmarkVectorsBatch is a group-commit batch of eight such articles,
// the cache warm: what the store's writers do per batch. It reports the
// time per article (ns/article).
func BenchmarkVectorsBatch(b *testing.B) {
	cfg, cache, lexize := benchSetup()
	const perBatch = 8
	texts := proseDocs(64 * perBatch)
	batches := make([][]tsvector.Doc, 64)
	for i := range batches {
		for j := range perBatch {
			batches[i] = append(batches[i], tsvector.Doc{Config: cfg, Title: "A title of some words", Body: texts[i*perBatch+j]})
		}
	}
	n := 0
	for b.Loop() {
		if _, err := cache.Vectors(context.Background(), batches[n%len(batches)], lexize); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n*perBatch), "ns/article")
}
