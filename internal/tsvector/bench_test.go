package tsvector_test

import (
	"context"
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

// BenchmarkVectors is one article's vector with every word in the cache:
// the Go CPU inline indexing costs per article once warm.
func BenchmarkVectors(b *testing.B) {
	text := benchText()
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
	docs := []tsvector.Doc{{Config: cfg, Title: "A title of some words", Body: text}}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := cache.Vectors(context.Background(), docs, lexize); err != nil {
			b.Fatal(err)
		}
	}
}
