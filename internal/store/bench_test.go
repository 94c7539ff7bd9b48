package store_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

// benchExtraction is an article of realistic size: 20 paragraphs, ~5 KB.
func benchExtraction() *article.Extraction {
	x := extraction()
	x.Paragraphs = make([]string, 20)
	for i := range x.Paragraphs {
		x.Paragraphs[i] = strings.Repeat(fmt.Sprintf("Sentence %d of a paragraph about the council. ", i), 6)
	}
	return x
}

func BenchmarkSaveIngest(b *testing.B) {
	s := store.New(dbtest.New(b))
	ctx := context.Background()
	x := benchExtraction()
	raw := strings.Repeat("<p>raw page</p>", 2000) // ~30 KB
	b.Run("new", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			if _, err := s.SaveIngest(ctx, dump("bench", fmt.Sprint(i, raw)), x); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("repeat", func(b *testing.B) {
		d := dump("bench-repeat", raw)
		for b.Loop() {
			if _, err := s.SaveIngest(ctx, d, x); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("new-parallel", func(b *testing.B) {
		var n atomicCounter
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				if _, err := s.SaveIngest(ctx, dump("bench-par", fmt.Sprint(n.next(), raw)), x); err != nil {
					b.Error(err)
					return
				}
			}
		})
	})
}

func BenchmarkFindArticleByID(b *testing.B) {
	s := store.New(dbtest.New(b))
	ctx := context.Background()
	ing, err := s.SaveIngest(ctx, dump("bench", "find"), benchExtraction())
	if err != nil {
		b.Fatal(err)
	}
	for _, diag := range []bool{false, true} {
		b.Run(fmt.Sprintf("diagnostics=%v", diag), func(b *testing.B) {
			for b.Loop() {
				if _, err := s.FindArticleByID(ctx, ing.Article.ID, store.ArticleParts{Diagnostics: diag}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

type atomicCounter struct{ n atomic.Int64 }

func (c *atomicCounter) next() int64 { return c.n.Add(1) }
