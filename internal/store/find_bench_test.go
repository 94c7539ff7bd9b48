package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

// BenchmarkFindArticles measures one page of 50 for each filter shape over
// the 5,000 synthetic articles of the query-plan test.
func BenchmarkFindArticles(b *testing.B) {
	pool := dbtest.New(b)
	s := store.New(pool)
	seedSynthetic(b, pool, 5000)
	ctx := context.Background()
	for _, bb := range []struct {
		name string
		f    article.Filter
	}{
		{"newest", article.Filter{}},
		{"source", article.Filter{Source: "source-3"}},
		{"author", article.Filter{Author: "author 7"}},
		{"since-until", article.Filter{Since: t0.Add(-10 * 24 * time.Hour), Until: t0.Add(-9 * 24 * time.Hour)}},
		{"search", article.Filter{Query: "topic17"}},
		{"search-language", article.Filter{Query: "topic17", Language: "en"}},
		{"search-broad", article.Filter{Query: "words"}}, // every article matches
	} {
		b.Run(bb.name, func(b *testing.B) {
			p, err := s.FindArticles(ctx, bb.f)
			if err != nil {
				b.Fatal(err)
			}
			bb.f.Cursor = p.Next // the second page: the cursor path
			for b.Loop() {
				if _, err := s.FindArticles(ctx, bb.f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
