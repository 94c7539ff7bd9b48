package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/pglocal"
	"github.com/pressroom/pressroom/internal/store"
)

// TestStore_DatabaseRestart stops PostgreSQL under a live pool: calls fail
// as ErrUnavailable (never as not-found or a generic error), and the same
// pool works again once the server is back. It needs a server of its own.
func TestStore_DatabaseRestart(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c, err := pglocal.Start(ctx, pglocal.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Remove() })
	s, err := store.Open(ctx, c.URL(pglocal.DefaultDatabase), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	ing := mustSaveIngest(t, s, dump("x", "before the restart"), extraction())

	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	// The first call meets a connection the server closed, later ones a
	// refused connect; both must be ErrUnavailable.
	for i := range 3 {
		_, err := s.FindArticleByID(ctx, ing.Article.ID, store.ArticleParts{})
		if !isKind(err, article.ErrUnavailable) {
			t.Errorf("call %d while stopped: %v, want ErrUnavailable", i, err)
		}
		t.Logf("call %d while stopped: %v", i, err)
	}
	if err := s.Ping(ctx); !isKind(err, article.ErrUnavailable) {
		t.Errorf("Ping while stopped: %v, want ErrUnavailable", err)
	}

	if err := c.Restart(ctx); err != nil {
		t.Fatal(err)
	}
	got, err := s.FindArticleByID(ctx, ing.Article.ID, store.ArticleParts{})
	if err != nil || got.ID != ing.Article.ID {
		t.Fatalf("after restart: %v, %v", got, err)
	}
}
