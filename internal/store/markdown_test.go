package store_test

import (
	"context"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

// htmlExtraction is extraction() as if from an HTML page, with a Markdown
// body.
func htmlExtraction(md string) *article.Extraction {
	x := extraction()
	x.Input = article.InputHTML
	x.BodyMarkdown = md
	return x
}

// TestStore_BodyMarkdown round-trips the Markdown body through every path
// that writes an article's body: it is read back by FindArticleByID when
// asked for, and the column is NULL for text input.
func TestStore_BodyMarkdown(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	ctx := context.Background()
	grouped := store.New(pool)
	serial := store.NewWithOptions(pool, store.Options{DisableGroupCommit: true})
	t.Cleanup(grouped.Close)
	t.Cleanup(serial.Close)
	const md = "## Bridge\n\n- The council voted on Tuesday.\n- Work starts  \n  next spring."

	// check reads the article back and checks its Markdown body and the
	// column's NULL-ness.
	check := func(t *testing.T, s *store.Store, id article.ID, want string) {
		t.Helper()
		a, err := s.FindArticleByID(ctx, id, store.ArticleParts{Markdown: true})
		if err != nil {
			t.Fatal(err)
		}
		if a.BodyMarkdown != want {
			t.Errorf("BodyMarkdown = %q, want %q", a.BodyMarkdown, want)
		}
		var isNull bool
		if err := pool.QueryRow(ctx, `SELECT body_markdown IS NULL FROM articles WHERE id = $1`, id.String()).Scan(&isNull); err != nil {
			t.Fatal(err)
		}
		if isNull != (want == "") {
			t.Errorf("body_markdown IS NULL = %v for %q", isNull, want)
		}
		a, err = s.FindArticleByID(ctx, id, store.ArticleParts{Diagnostics: true})
		if err != nil {
			t.Fatal(err)
		}
		if a.BodyMarkdown != "" || a.Diagnostics != nil {
			t.Errorf("without Markdown: BodyMarkdown = %q, Diagnostics = %v (none are stored)", a.BodyMarkdown, a.Diagnostics)
		}
	}

	for name, s := range map[string]*store.Store{"group commit": grouped, "own transaction": serial} {
		t.Run("SaveIngest/"+name, func(t *testing.T) {
			h := mustSaveIngest(t, s, dump("md-"+name, "html"), htmlExtraction(md))
			check(t, s, h.Article.ID, md)
			txt := mustSaveIngest(t, s, dump("md-"+name, "text"), extraction())
			check(t, s, txt.Article.ID, "")
		})
	}

	t.Run("SaveIngest cleans", func(t *testing.T) {
		h := mustSaveIngest(t, grouped, dump("md-clean", "html"), htmlExtraction("a\x00b \xff"))
		check(t, grouped, h.Article.ID, "ab \ufffd")
	})

	t.Run("SaveIngestBatch", func(t *testing.T) {
		res := grouped.SaveIngestBatch(ctx, []store.IngestItem{
			{Dump: dump("md-batch", "html"), Extraction: htmlExtraction(md)},
			{Dump: dump("md-batch", "text"), Extraction: extraction()},
			{Dump: dump("md-batch", "html 2"), Extraction: htmlExtraction("Other")},
		})
		for i, want := range []string{md, "", "Other"} {
			if res[i].Err != nil {
				t.Fatalf("item %d: %v", i, res[i].Err)
			}
			check(t, grouped, res[i].Ingest.Article.ID, want)
		}
	})

	t.Run("SaveReextraction", func(t *testing.T) {
		ing := mustSaveIngest(t, grouped, dump("md-re", "text first"), extraction())
		check(t, grouped, ing.Article.ID, "")
		// Updated in place: the Markdown body comes, and goes again when
		// the new extraction has none.
		for _, want := range []string{md, "", "Again"} {
			x := htmlExtraction(want)
			x.Version = 9
			re, err := grouped.SaveReextraction(ctx, ing.Dump, x)
			if err != nil {
				t.Fatal(err)
			}
			check(t, grouped, re.Article.ID, want)
		}
		// Created by the re-extraction of a dump that had no article.
		failed := mustSaveIngest(t, grouped, dump("md-re", "failed first"),
			&article.Extraction{Version: 3, Err: article.ErrUnextractable})
		re, err := grouped.SaveReextraction(ctx, failed.Dump, htmlExtraction(md))
		if err != nil {
			t.Fatal(err)
		}
		if !re.Created {
			t.Fatal("re-extraction created no article")
		}
		check(t, grouped, re.Article.ID, md)
	})

	t.Run("lists stay light", func(t *testing.T) {
		p, err := grouped.FindArticles(ctx, article.Filter{Source: "md-batch"})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Articles) == 0 {
			t.Fatal("nothing listed")
		}
		for _, a := range p.Articles {
			if a.BodyMarkdown != "" {
				t.Errorf("listed article %s carries its Markdown body", a.ID)
			}
		}
	})

	t.Run("lz4", func(t *testing.T) {
		var method string
		err := pool.QueryRow(ctx, `SELECT attcompression::text FROM pg_attribute
			WHERE attrelid = 'articles'::regclass AND attname = 'body_markdown'`).Scan(&method)
		if err != nil {
			t.Fatal(err)
		}
		if method != "l" {
			t.Errorf("body_markdown compression = %q, want lz4 (l), as 0003 gives the other large columns", method)
		}
	})
}
