package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/store"
)

// TestStore_FindArticleByID_BinaryAsPgx: the article FindArticleByID
// decodes from the binary row is the one pgx's scanning makes of the same
// row, for every part asked for, with full, empty and odd values.
func TestStore_FindArticleByID_BinaryAsPgx(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := context.Background()
	tests := []struct {
		name string
		edit func(x *article.Extraction)
	}{
		{"every field", nil},
		{"no date, nil lists", func(x *article.Extraction) {
			x.Metadata.Published, x.Metadata.Modified = nil, nil
			x.Metadata.Authors, x.Metadata.Agencies, x.Metadata.Sponsors, x.Metadata.Tags, x.Metadata.Sections = nil, nil, nil, nil, nil
			x.Metadata.Section = ""
		}},
		{"empty texts and body", func(x *article.Extraction) {
			x.Metadata.Title, x.Metadata.URL, x.Metadata.Description, x.Paragraphs = "", "", "", nil
		}},
		{"unicode, quotes and a Markdown body", func(x *article.Extraction) {
			x.Input = article.InputHTML
			x.Metadata.Title = "Grüße \"aus\" 東京 😀"
			x.Metadata.Authors = []string{"Zoë O'Brien", "", "Émile"}
			x.Paragraphs = []string{"Première ligne.", "Second\tparagraph \\ with a backslash."}
			x.BodyMarkdown = "## Heading\n\n- Première ligne.\n\n> Second"
		}},
	}
	parts := []store.ArticleParts{{}, {Diagnostics: true}, {Markdown: true}, {Diagnostics: true, Markdown: true}}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := extraction()
			if tt.edit != nil {
				tt.edit(x)
			}
			ing := mustSaveIngest(t, s, dump("binary", fmt.Sprintf("body %d", i)), x)
			for _, p := range parts {
				got, err := s.FindArticleByID(ctx, ing.Article.ID, p)
				if err != nil {
					t.Fatalf("%+v: %v", p, err)
				}
				want, err := store.FindArticleByIDWithPgx(ctx, s, ing.Article.ID, p)
				if err != nil {
					t.Fatalf("%+v: %v", p, err)
				}
				if diff := cmp.Diff(want, got, sameTime); diff != "" {
					t.Errorf("%+v: binary decoding differs from pgx's (-pgx +binary):\n%s", p, diff)
				}
				if p.Markdown && got.BodyMarkdown != x.BodyMarkdown {
					t.Errorf("%+v: BodyMarkdown %q, want %q", p, got.BodyMarkdown, x.BodyMarkdown)
				}
			}
		})
	}
	t.Run("not found", func(t *testing.T) {
		_, err := s.FindArticleByID(ctx, article.ID{1}, store.ArticleParts{})
		if !errors.Is(err, article.ErrNotFound) {
			t.Fatalf("err = %v, want ErrNotFound", err)
		}
	})
}
