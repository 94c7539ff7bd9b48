package store_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

func TestStore_DeleteArticle(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := context.Background()
	keep := mustSaveIngest(t, s, dump("takedown", "keep"), extraction())
	gone := mustSaveIngest(t, s, dump("takedown", "gone"), extraction())

	if err := s.DeleteArticle(ctx, gone.Article.ID); err != nil {
		t.Fatalf("DeleteArticle: %v", err)
	}
	if _, err := s.FindArticleByID(ctx, gone.Article.ID, store.ArticleParts{}); !isKind(err, article.ErrNotFound) {
		t.Errorf("article after delete: err = %v, want ErrNotFound", err)
	}
	if _, err := s.FindDumpByID(ctx, gone.Dump.ID, true); !isKind(err, article.ErrNotFound) {
		t.Errorf("dump after delete: err = %v, want ErrNotFound", err)
	}
	if _, err := s.FindArticleByID(ctx, keep.Article.ID, store.ArticleParts{}); err != nil {
		t.Errorf("the other article: %v", err)
	}
	for name, id := range map[string]article.ID{
		"second delete": gone.Article.ID,
		"unknown id":    article.NewID(time.Now()),
		"a dump's id":   keep.Dump.ID, // ids of dumps are not article ids
	} {
		if err := s.DeleteArticle(ctx, id); !isKind(err, article.ErrNotFound) {
			t.Errorf("%s: err = %v, want ErrNotFound", name, err)
		}
	}
	// The same bytes sent again after a takedown are a new dump.
	again := mustSaveIngest(t, s, dump("takedown", "gone"), extraction())
	if !again.Created || again.Article.ID == gone.Article.ID {
		t.Errorf("re-ingest after delete: created %v, id %s (old %s)", again.Created, again.Article.ID, gone.Article.ID)
	}
}

func TestStore_DumpsToReextract(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := context.Background()
	var ids []article.ID // in the order of creation, which is id order
	for i, v := range []int{1, 3, 2, 1, 3} {
		x := extraction()
		x.Version = v
		if i == 3 {
			x.Err = fmt.Errorf("%w: no body", article.ErrUnextractable)
		}
		ids = append(ids, mustSaveIngest(t, s, dump("re", fmt.Sprint("body ", i)), x).Dump.ID)
	}
	tests := []struct {
		name  string
		below int
		after article.ID
		limit int
		want  []article.ID
	}{
		{"below 3", 3, article.ID{}, 10, []article.ID{ids[0], ids[2], ids[3]}},
		{"limit", 3, article.ID{}, 2, []article.ID{ids[0], ids[2]}},
		{"resume", 3, ids[2], 2, []article.ID{ids[3]}},
		{"below 2", 2, article.ID{}, 10, []article.ID{ids[0], ids[3]}},
		{"all current", 1, article.ID{}, 10, []article.ID{}},
		{"past the end", 4, ids[4], 10, []article.ID{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dumps, err := s.DumpsToReextract(ctx, tt.below, tt.after, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			got := make([]article.ID, len(dumps))
			for i, d := range dumps {
				got[i] = d.ID
				if string(d.Body) != fmt.Sprint("body ", slices.Index(ids, d.ID)) {
					t.Errorf("dump %s body %q", d.ID, d.Body)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("status and article id come along", func(t *testing.T) {
		dumps, err := s.DumpsToReextract(ctx, 2, article.ID{}, 10)
		if err != nil || len(dumps) != 2 {
			t.Fatalf("%v, %d dumps", err, len(dumps))
		}
		if d := dumps[0]; d.Status != article.DumpExtracted || d.ArticleID.IsZero() || d.ExtractorVersion != 1 {
			t.Errorf("extracted dump: %+v", d)
		}
		if d := dumps[1]; d.Status != article.DumpFailed || !d.ArticleID.IsZero() || d.ExtractError == "" {
			t.Errorf("failed dump: %+v", d)
		}
	})
	for _, limit := range []int{0, -1} {
		if _, err := s.DumpsToReextract(ctx, 3, article.ID{}, limit); !isKind(err, article.ErrInvalid) {
			t.Errorf("limit %d: err = %v, want ErrInvalid", limit, err)
		}
	}
}

// reextraction is a different successful extraction at version 7.
func reextraction() *article.Extraction {
	x := extraction()
	x.Version = 7
	x.Metadata.Title = "Council rejects the tunnel"
	x.Metadata.Authors = []string{"Grace Hopper"}
	x.Metadata.Published = &article.Date{Time: time.Date(2025, 7, 3, 0, 0, 0, 0, time.UTC), Precision: article.PrecisionDay}
	x.Metadata.Language = "de"
	x.Metadata.Description, x.Metadata.Section, x.Metadata.Tags = "Kein Tunnel.", "Lokales", []string{"Tunnel"}
	x.Metadata.Sections = []string{"Lokales", "Verkehr"}
	x.Metadata.Image, x.Metadata.CanonicalURL, x.Metadata.Modified = "", "", nil
	x.Paragraphs = []string{"Ein Tunnel wurde abgelehnt."}
	x.WordCount = 4
	x.Diagnostics.Notes = []string{"re-extracted"}
	return x
}

func TestStore_SaveReextraction(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.New(pool)
	ctx := context.Background()

	t.Run("article updated in place", func(t *testing.T) {
		old := mustSaveIngest(t, s, dump("re", "in place"), extraction())
		dbtest.IndexAll(t, s)
		// Articles stored before migration 0006 have their diagnostics
		// stored; they are read back until a re-extraction replaces the
		// fields they explain.
		legacy := &article.Diagnostics{Input: "text", Fields: []article.FieldSource{{Field: "title", Value: "Old", Line: 2, Rule: "r", Confidence: 0.5}}}
		if _, err := pool.Exec(ctx, `UPDATE articles SET diagnostics = $2 WHERE id = $1`, old.Article.ID.String(), legacy); err != nil {
			t.Fatal(err)
		}
		if got, err := s.FindArticleByID(ctx, old.Article.ID, store.ArticleParts{Diagnostics: true}); err != nil || !cmp.Equal(got.Diagnostics, legacy) {
			t.Fatalf("stored diagnostics: %+v, %v; want %+v", got.Diagnostics, err, legacy)
		}
		if p := mustPage(t, s, article.Filter{Query: "bridge", Source: "re"}); len(p.Articles) != 1 {
			t.Fatalf("indexed original text not found: %v", titles(p))
		}
		x := reextraction()
		ing, err := s.SaveReextraction(ctx, old.Dump, x)
		if err != nil {
			t.Fatal(err)
		}
		if ing.Created {
			t.Error("Created = true for an update")
		}
		a := ing.Article
		want := &article.Article{
			ID: old.Article.ID, DumpID: old.Dump.ID, Source: "re", Metadata: x.Metadata, Paragraphs: x.Paragraphs,
			WordCount: x.WordCount, ExtractorVersion: 7, ReceivedAt: old.Article.ReceivedAt,
			CreatedAt: old.Article.CreatedAt, UpdatedAt: a.UpdatedAt,
		}
		if diff := cmp.Diff(want, a, sameTime); diff != "" {
			t.Errorf("article (-want +got):\n%s", diff)
		}
		if a.UpdatedAt.Before(old.Article.UpdatedAt) {
			t.Errorf("UpdatedAt %v before the original %v", a.UpdatedAt, old.Article.UpdatedAt)
		}
		if d := ing.Dump; d.Status != article.DumpExtracted || d.ExtractorVersion != 7 || d.ArticleID != a.ID {
			t.Errorf("dump: %+v", d)
		}
		got, err := s.FindArticleByID(ctx, a.ID, store.ArticleParts{Diagnostics: true})
		if err != nil {
			t.Fatal(err)
		}
		if got.Diagnostics != nil {
			t.Errorf("diagnostics of the old extraction kept: %+v", got.Diagnostics)
		}
		// The search vector follows the new text and language at once,
		// without waiting for the indexer.
		p, err := s.FindArticles(ctx, article.Filter{Query: "Tunnels", Language: "de"})
		if err != nil || len(p.Articles) != 1 || p.Articles[0].ID != a.ID {
			t.Errorf("search for the new text: %v, %v", titles(p), err)
		}
		if p, _ := s.FindArticles(ctx, article.Filter{Query: "bridge", Source: "re"}); len(p.Articles) != 0 {
			t.Errorf("old text still found: %v", titles(p))
		}
	})

	t.Run("article created for a dump that had none", func(t *testing.T) {
		x := extraction()
		x.Err = fmt.Errorf("%w: nothing", article.ErrUnextractable)
		old := mustSaveIngest(t, s, dump("re", "was failed"), x)
		ing, err := s.SaveReextraction(ctx, old.Dump, reextraction())
		if err != nil {
			t.Fatal(err)
		}
		if !ing.Created || ing.Article == nil || ing.Article.DumpID != old.Dump.ID || ing.Article.Source != "re" {
			t.Fatalf("created %v, article %+v", ing.Created, ing.Article)
		}
		if !ing.Article.ReceivedAt.Equal(old.Dump.ReceivedAt) {
			t.Errorf("ReceivedAt = %v, want the dump's %v", ing.Article.ReceivedAt, old.Dump.ReceivedAt)
		}
		if d := ing.Dump; d.Status != article.DumpExtracted || d.ExtractError != "" || d.ArticleID != ing.Article.ID {
			t.Errorf("dump: %+v", d)
		}
	})

	t.Run("failure keeps the article", func(t *testing.T) {
		old := mustSaveIngest(t, s, dump("re", "regression"), extraction())
		x := reextraction()
		x.Err = fmt.Errorf("%w: the new extractor found no body", article.ErrUnextractable)
		ing, err := s.SaveReextraction(ctx, old.Dump, x)
		if err != nil {
			t.Fatal(err)
		}
		if d := ing.Dump; d.Status != article.DumpFailed || d.ExtractorVersion != 7 || d.ExtractError != x.Err.Error() || d.ArticleID != old.Article.ID {
			t.Errorf("dump: %+v", d)
		}
		if diff := cmp.Diff(old.Article, ing.Article, sameTime); diff != "" {
			t.Errorf("article changed (-old +new):\n%s", diff)
		}
		if dumps, _ := s.DumpsToReextract(ctx, 7, article.ID{}, 100); slicesContainsDump(dumps, old.Dump.ID) {
			t.Error("a dump re-extracted at version 7 is due again below 7")
		}
	})

	t.Run("a newer extraction is not overwritten", func(t *testing.T) {
		old := mustSaveIngest(t, s, dump("re", "newer"), reextraction()) // version 7
		x := extraction()                                                // version 3
		ing, err := s.SaveReextraction(ctx, old.Dump, x)
		if err != nil {
			t.Fatal(err)
		}
		if ing.Created || ing.Dump.ExtractorVersion != 7 {
			t.Errorf("dump: %+v", ing.Dump)
		}
		if diff := cmp.Diff(old.Article, ing.Article, sameTime); diff != "" {
			t.Errorf("article changed (-old +new):\n%s", diff)
		}
	})

	t.Run("same version again", func(t *testing.T) {
		old := mustSaveIngest(t, s, dump("re", "same"), extraction())
		x := extraction()
		x.Metadata.Title = "Corrected"
		ing, err := s.SaveReextraction(ctx, old.Dump, x)
		if err != nil || ing.Article.Metadata.Title != "Corrected" {
			t.Errorf("re-extraction at the same version: %v, %+v", err, ing)
		}
	})

	t.Run("errors", func(t *testing.T) {
		gone := mustSaveIngest(t, s, dump("re", "deleted"), extraction())
		if err := s.DeleteArticle(ctx, gone.Article.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SaveReextraction(ctx, gone.Dump, reextraction()); !isKind(err, article.ErrNotFound) {
			t.Errorf("deleted dump: err = %v, want ErrNotFound", err)
		}
		for name, call := range map[string]func() error{
			"nil dump":       func() error { _, err := s.SaveReextraction(ctx, nil, reextraction()); return err },
			"nil extraction": func() error { _, err := s.SaveReextraction(ctx, gone.Dump, nil); return err },
			"dump without id": func() error {
				_, err := s.SaveReextraction(ctx, &article.Dump{}, reextraction())
				return err
			},
		} {
			if err := call(); !isKind(err, article.ErrInvalid) {
				t.Errorf("%s: err = %v, want ErrInvalid", name, err)
			}
		}
	})
}

func slicesContainsDump(dumps []*article.Dump, id article.ID) bool {
	for _, d := range dumps {
		if d.ID == id {
			return true
		}
	}
	return false
}

// TestStore_ReextractionRacesDeletion runs re-extractions and takedowns of
// the same articles at once. Each dump must end either gone with its
// article, or present with exactly one article at the new version; no call
// may fail other than with ErrNotFound.
func TestStore_ReextractionRacesDeletion(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.New(pool)
	ctx := context.Background()
	const n = 40
	ings := make([]*store.Ingest, n)
	for i := range ings {
		x := extraction()
		if i%4 == 0 {
			x.Err = fmt.Errorf("%w: none", article.ErrUnextractable) // no article yet
		}
		ings[i] = mustSaveIngest(t, s, dump("race", fmt.Sprint(i)), x)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4*n)
	for i, ing := range ings {
		for range 2 { // two re-extractors per dump: they must not make two articles
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := s.SaveReextraction(ctx, ing.Dump, reextraction()); err != nil && !errors.Is(err, article.ErrNotFound) {
					errs <- err
				}
			}()
		}
		if i%2 == 0 && ing.Article != nil {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := s.DeleteArticle(ctx, ing.Article.ID); err != nil {
					errs <- err
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for i, ing := range ings {
		deleted := i%2 == 0 && ing.Article != nil
		d, err := s.FindDumpByID(ctx, ing.Dump.ID, false)
		if deleted {
			if !isKind(err, article.ErrNotFound) {
				t.Errorf("dump %d: deleted, but FindDumpByID err = %v", i, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("dump %d: %v", i, err)
		}
		var articles int
		if err := pool.QueryRow(ctx, `SELECT count(*) FROM articles WHERE dump_id = $1`, d.ID.String()).Scan(&articles); err != nil {
			t.Fatal(err)
		}
		if articles != 1 || d.ExtractorVersion != 7 || d.Status != article.DumpExtracted {
			t.Errorf("dump %d: %d articles, %+v", i, articles, d)
		}
		if ing.Article != nil && d.ArticleID != ing.Article.ID {
			t.Errorf("dump %d: article id changed from %s to %s", i, ing.Article.ID, d.ArticleID)
		}
	}
	var orphans int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM dumps d WHERE d.id = a.dump_id)`).Scan(&orphans); err != nil || orphans != 0 {
		t.Errorf("%d articles without a dump (%v)", orphans, err)
	}
}
