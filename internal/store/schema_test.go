package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

// TestSchema_Search checks the search column as the indexer fills it:
// stemming in the article's language, title weighted above body.
func TestSchema_Search(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.New(pool)
	ctx := context.Background()

	tests := []struct {
		lang, title, body, query string
		match                    bool
	}{
		{"en", "Bridges", "The councils were voting.", "bridge:A & vote:B & council:B", true},
		{"en", "Bridges", "The councils were voting.", "council:A", false}, // a body word is not a title word
		{"EN-gb", "Bridges", "", "bridge", true},
		{"pt-BR", "Pontes", "Os conselhos votaram.", "ponte & conselh", true},
		{"de", "Brücken", "Die Räte stimmten ab.", "brück", true},
		{"", "Bridges", "", "bridges", true}, // simple: no stemming
		{"", "Bridges", "", "bridge", false},
		{"xx", "Bridges", "", "bridges", true},
	}
	for i, tt := range tests {
		t.Run(fmt.Sprintf("%s %s", tt.lang, tt.query), func(t *testing.T) {
			x := extraction()
			x.Metadata.Language, x.Metadata.Title, x.Paragraphs = tt.lang, tt.title, []string{tt.body}
			ing := mustSaveIngest(t, s, dump("search", fmt.Sprint(i)), x)
			dbtest.IndexAll(t, s)
			var match bool
			err := pool.QueryRow(ctx, `SELECT search @@ to_tsquery(pressroom_regconfig(language), $2) FROM articles WHERE id = $1`,
				ing.Article.ID.String(), tt.query).Scan(&match)
			if err != nil {
				t.Fatal(err)
			}
			if match != tt.match {
				t.Errorf("%q matches %q/%q in %q: %v, want %v", tt.query, tt.title, tt.body, tt.lang, match, tt.match)
			}
		})
	}
}

// TestSchema_HugeBodyIndexes checks that a body of distinct nonsense words,
// far beyond what a tsvector holds, is still stored and indexed: only its
// first 256 KiB characters are.
func TestSchema_HugeBodyIndexes(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	var first, last string
	for b.Len() < 2<<20 { // ~260k distinct words: a 3 MB tsvector uncapped
		start := b.Len()
		for range 7 {
			b.WriteByte(byte('a' + r.IntN(26)))
		}
		last = b.String()[start:]
		if first == "" {
			first = last
		}
		b.WriteByte(' ')
	}
	x := extraction()
	x.Metadata.Language = ""
	x.Paragraphs = []string{b.String()}
	ing := mustSaveIngest(t, s, dump("huge", "huge"), x)
	got, err := s.FindArticleByID(context.Background(), ing.Article.ID, store.ArticleParts{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Paragraphs) != 1 || got.Paragraphs[0] != b.String() {
		t.Errorf("body of %d bytes not kept whole", b.Len())
	}
	dbtest.IndexAll(t, s)
	for word, want := range map[string]int{first: 1, last: 0} {
		if p := mustPage(t, s, article.Filter{Query: word}); len(p.Articles) != want {
			t.Errorf("search for %q (at the body's start 1, past the cap 0): %d articles, want %d", word, len(p.Articles), want)
		}
	}
}
