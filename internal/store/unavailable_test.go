package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

// TestStore_API_Unavailable checks that every method of the list, takedown,
// re-extraction, key and idempotency API reports a database it cannot reach
// as ErrUnavailable (a 503 with Retry-After), never as a bad request, a
// missing thing or a generic error.
func TestStore_API_Unavailable(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.New(pool)
	ctx := context.Background()
	ing := mustSaveIngest(t, s, dump("down", "down"), extraction())
	token, _, err := s.CreateAPIKey(ctx, "down", []string{"read"})
	if err != nil {
		t.Fatal(err)
	}
	pool.Close()

	id := ing.Article.ID
	calls := map[string]func() error{
		"FindArticles": func() error { _, err := s.FindArticles(ctx, article.Filter{}); return err },
		"FindArticles search": func() error {
			_, err := s.FindArticles(ctx, article.Filter{Query: "bridge"})
			return err
		},
		"DeleteArticle":      func() error { return s.DeleteArticle(ctx, id) },
		"DumpsToReextract":   func() error { _, err := s.DumpsToReextract(ctx, 9, article.ID{}, 10); return err },
		"SaveReextraction":   func() error { _, err := s.SaveReextraction(ctx, ing.Dump, reextraction()); return err },
		"CreateAPIKey":       func() error { _, _, err := s.CreateAPIKey(ctx, "k", []string{"read"}); return err },
		"ListAPIKeys":        func() error { _, err := s.ListAPIKeys(ctx); return err },
		"RevokeAPIKey":       func() error { return s.RevokeAPIKey(ctx, "down") },
		"AuthenticateAPIKey": func() error { _, err := s.AuthenticateAPIKey(ctx, token); return err },
		"CountActiveAPIKeys": func() error { _, err := s.CountActiveAPIKeys(ctx); return err },
		"ClaimIdempotencyKey": func() error {
			_, err := s.ClaimIdempotencyKey(ctx, "s", "k", fpA, time.Hour)
			return err
		},
		"FinishIdempotencyKey": func() error {
			return s.FinishIdempotencyKey(ctx, "s", "k", store.StoredResponse{Status: 200})
		},
		"ReleaseIdempotencyKey": func() error { return s.ReleaseIdempotencyKey(ctx, "s", "k") },
		"PurgeIdempotencyKeys":  func() error { _, err := s.PurgeIdempotencyKeys(ctx, time.Now()); return err },
	}
	for name, call := range calls {
		if err := call(); !isKind(err, article.ErrUnavailable) {
			t.Errorf("%s on a closed pool: err = %v, want ErrUnavailable", name, err)
		}
	}
}
