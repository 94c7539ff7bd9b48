package tsvector_test

import (
	"context"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/tsvector"
)

// TestCacheBounded: however many words pass through, the cache holds at
// most its bound of answers and about its bound of bytes, and keeps the
// words in use.
func TestCacheBounded(t *testing.T) {
	cases := []struct {
		name           string
		entries, bytes int
		words, wordLen int
		wantMaxEntries int
	}{
		{"entry bound", 100, 1 << 20, 10_000, 5, 100},
		// Each answer holds its word twice (word and lexeme).
		{"byte bound", 1 << 20, 16 << 10, 10_000, 100, (16 << 10) / (2 * 100)},
	}
	cfg := &tsvector.Config{}
	cfg.Dicts[tsvector.ASCIIWord] = []uint32{1}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cache := tsvector.NewCache(c.entries, c.bytes)
			asked := 0
			lexize := func(_ context.Context, keys []tsvector.Key) ([]tsvector.Lexized, error) {
				asked += len(keys)
				out := make([]tsvector.Lexized, len(keys))
				for i, k := range keys {
					out[i] = tsvector.Lexized{Lexemes: []string{k.Word}, Known: true}
				}
				return out, nil
			}
			word := func(i int) string { return strings.Repeat("w", c.wordLen) + letters(i) }
			for i := 0; i < c.words; i += 50 {
				var b strings.Builder
				for j := i; j < i+50; j++ {
					b.WriteString(word(j) + " ")
				}
				if _, err := cache.Vectors(context.Background(), []tsvector.Doc{{Config: cfg, Body: b.String()}}, lexize); err != nil {
					t.Fatal(err)
				}
				if n := cache.Len(); n > c.wantMaxEntries {
					t.Fatalf("after %d words the cache holds %d answers, want at most %d", i+50, n, c.wantMaxEntries)
				}
			}
			// The last words are still known: no question for them.
			asked = 0
			if _, err := cache.Vectors(context.Background(), []tsvector.Doc{{Config: cfg, Body: word(c.words - 1)}}, lexize); err != nil {
				t.Fatal(err)
			}
			if asked != 0 {
				t.Errorf("the last word was asked again: the cache dropped a word in use")
			}
		})
	}
}

// letters spells i in letters, so that every word is one asciiword token.
func letters(i int) string {
	var b []byte
	for n := i + 1; n > 0; n /= 26 {
		b = append(b, byte('a'+n%26))
	}
	return string(b)
}
