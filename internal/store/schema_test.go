package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

// TestSchema_Search checks the generated search column: stemming in the
// article's language, title weighted above body.
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
// far beyond what a tsvector holds, is still stored (only its start is
// indexed).
func TestSchema_HugeBodyIndexes(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for b.Len() < 2<<20 { // ~260k distinct words: a 3 MB tsvector uncapped
		for range 7 {
			b.WriteByte(byte('a' + r.IntN(26)))
		}
		b.WriteByte(' ')
	}
	x := extraction()
	x.Metadata.Language = ""
	x.Paragraphs = []string{b.String()}
	ing := mustSaveIngest(t, s, dump("huge", "huge"), x)
	got, err := s.FindArticleByID(context.Background(), ing.Article.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Paragraphs) != 1 || got.Paragraphs[0] != b.String() {
		t.Errorf("body of %d bytes not kept whole", b.Len())
	}
}
