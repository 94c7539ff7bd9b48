package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

func TestOpen_Errors(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	tests := []struct {
		name string
		url  string
		want error
	}{
		{"malformed URL", "postgres://u:secret@[::1/db", article.ErrInvalid},
		{"nothing listening", "postgres:///db?host=/nonexistent-pressroom-dir&user=x&connect_timeout=2", article.ErrUnavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := store.Open(ctx, tt.url, store.Options{})
			if s != nil || !isKind(err, tt.want) {
				t.Fatalf("Open = %v, %v; want nil, %v", s, err, tt.want)
			}
			if strings.Contains(err.Error(), "secret") {
				t.Errorf("error leaks the password: %v", err)
			}
		})
	}
}

func TestStore_ClosedPoolIsUnavailable(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.New(pool)
	ctx := context.Background()
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("Ping on an open pool: %v", err)
	}
	pool.Close()
	if err := s.Ping(ctx); !isKind(err, article.ErrUnavailable) {
		t.Errorf("Ping = %v, want ErrUnavailable", err)
	}
	if _, err := s.FindArticleByID(ctx, article.NewID(time.Now()), store.ArticleParts{}); !isKind(err, article.ErrUnavailable) {
		t.Errorf("FindArticleByID = %v, want ErrUnavailable", err)
	}
	if _, err := s.SaveIngest(ctx, dump("x", "y"), extraction()); !isKind(err, article.ErrUnavailable) {
		t.Errorf("SaveIngest = %v, want ErrUnavailable", err)
	}
}

// A Store from Open owns its pool: after Close nothing reaches the
// database, and the pool's connections are gone.
func TestOpen_CloseClosesThePool(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, err := store.Open(ctx, dbtest.NewURL(t), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("Ping before Close: %v", err)
	}
	s.Close()
	if err := s.Ping(ctx); !isKind(err, article.ErrUnavailable) {
		t.Errorf("Ping after Close = %v, want ErrUnavailable", err)
	}
}
