package store_test

import (
	"context"
	"crypto/sha256"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

var tokenShape = regexp.MustCompile(`^prk_([a-z2-7]{12})_[a-z2-7]{32}$`)

func TestStore_CreateAPIKey(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.New(pool)
	ctx := context.Background()

	token, k, err := s.CreateAPIKey(ctx, "scraper fleet", []string{"read", "ingest", "read"})
	if err != nil {
		t.Fatal(err)
	}
	m := tokenShape.FindStringSubmatch(token)
	if m == nil {
		t.Fatalf("token %q does not look like prk_<12>_<32>", token)
	}
	want := &store.APIKey{ID: k.ID, Name: "scraper fleet", Prefix: m[1], Scopes: []string{"ingest", "read"}, CreatedAt: k.CreatedAt}
	if diff := cmp.Diff(want, k); diff != "" {
		t.Errorf("key (-want +got):\n%s", diff)
	}
	if k.ID.IsZero() || k.CreatedAt.IsZero() {
		t.Errorf("id %s, created %v", k.ID, k.CreatedAt)
	}

	// Only the hash is kept: no column holds the token or its secret.
	var row string
	if err := pool.QueryRow(ctx, `SELECT k::text FROM api_keys k WHERE id = $1`, k.ID.String()).Scan(&row); err != nil {
		t.Fatal(err)
	}
	if secret := token[len(token)-32:]; strings.Contains(row, secret) {
		t.Errorf("the stored row %s holds the secret", row)
	}
	var sum []byte
	if err := pool.QueryRow(ctx, `SELECT token_sha256 FROM api_keys WHERE id = $1`, k.ID.String()).Scan(&sum); err != nil {
		t.Fatal(err)
	}
	if want := sha256.Sum256([]byte(token)); string(sum) != string(want[:]) {
		t.Error("token_sha256 is not the SHA-256 of the token")
	}

	other, k2, err := s.CreateAPIKey(ctx, "admin", []string{"admin"})
	if err != nil {
		t.Fatal(err)
	}
	if other == token || k2.Prefix == k.Prefix {
		t.Error("two keys share a token or prefix")
	}

	for name, tt := range map[string]struct {
		name   string
		scopes []string
	}{
		"no scopes":            {"x", nil},
		"unknown scope":        {"x", []string{"read", "write"}},
		"scope in upper case":  {"x", []string{"READ"}},
		"empty name":           {"", []string{"read"}},
		"name with spaces out": {" x", []string{"read"}},
		"name too long":        {strings.Repeat("n", 101), []string{"read"}},
		"control character":    {"a\tb", []string{"read"}},
		"NUL":                  {"a\x00b", []string{"read"}},
		"invalid UTF-8":        {"a\xffb", []string{"read"}},
		"name is an id":        {article.NewID(time.Now()).String(), []string{"read"}},
	} {
		if _, _, err := s.CreateAPIKey(ctx, tt.name, tt.scopes); !isKind(err, article.ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", name, err)
		}
	}
	if _, _, err := s.CreateAPIKey(ctx, "scraper fleet", []string{"read"}); !isKind(err, article.ErrConflict) {
		t.Errorf("duplicate active name: err = %v, want ErrConflict", err)
	}
	if _, _, err := s.CreateAPIKey(ctx, strings.Repeat("n", 100), []string{"read"}); err != nil {
		t.Errorf("100-byte name: %v", err)
	}
	if err := s.RevokeAPIKey(ctx, "scraper fleet"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.CreateAPIKey(ctx, "scraper fleet", []string{"read"}); err != nil {
		t.Errorf("name of a revoked key: %v", err)
	}
}

func TestStore_APIKeys_ListRevokeCount(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := context.Background()

	keys, err := s.ListAPIKeys(ctx)
	if err != nil || keys == nil || len(keys) != 0 {
		t.Fatalf("ListAPIKeys on an empty table: %v, %v", keys, err)
	}
	if n, err := s.CountActiveAPIKeys(ctx); err != nil || n != 0 {
		t.Fatalf("CountActiveAPIKeys = %d, %v", n, err)
	}
	var made []*store.APIKey
	for _, name := range []string{"one", "two", "three"} {
		_, k, err := s.CreateAPIKey(ctx, name, []string{"read"})
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, k)
	}
	if err := s.RevokeAPIKey(ctx, made[0].ID.String()); err != nil {
		t.Errorf("revoke by id: %v", err)
	}
	if err := s.RevokeAPIKey(ctx, "two"); err != nil {
		t.Errorf("revoke by name: %v", err)
	}
	for name, idOrName := range map[string]string{
		"already revoked, by id":   made[0].ID.String(),
		"already revoked, by name": "two",
		"unknown name":             "four",
		"unknown id":               article.NewID(time.Now()).String(),
		"empty":                    "",
		"NUL":                      "a\x00",
	} {
		if err := s.RevokeAPIKey(ctx, idOrName); !isKind(err, article.ErrNotFound) {
			t.Errorf("%s: err = %v, want ErrNotFound", name, err)
		}
	}
	keys, err = s.ListAPIKeys(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for i, k := range keys {
		names = append(names, k.Name)
		if revoked := k.RevokedAt != nil; revoked != (i < 2) {
			t.Errorf("%s: revoked %v", k.Name, k.RevokedAt)
		}
	}
	if diff := cmp.Diff([]string{"one", "two", "three"}, names); diff != "" {
		t.Errorf("names, oldest first (-want +got):\n%s", diff)
	}
	if n, err := s.CountActiveAPIKeys(ctx); err != nil || n != 1 {
		t.Errorf("CountActiveAPIKeys = %d, %v; want 1", n, err)
	}
}

func TestStore_AuthenticateAPIKey(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.New(pool)
	ctx := context.Background()
	token, k, err := s.CreateAPIKey(ctx, "reader", []string{"read"})
	if err != nil {
		t.Fatal(err)
	}

	got, err := s.AuthenticateAPIKey(ctx, token)
	if err != nil {
		t.Fatalf("AuthenticateAPIKey: %v", err)
	}
	if got.ID != k.ID || got.Name != "reader" || !cmp.Equal(got.Scopes, []string{"read"}) || got.LastUsedAt == nil {
		t.Errorf("authenticated key %+v", got)
	}
	first := *got.LastUsedAt

	// Within the minute: no write, the stored time stays.
	again, err := s.AuthenticateAPIKey(ctx, token)
	if err != nil || !again.LastUsedAt.Equal(first) {
		t.Errorf("second use: %v, last used %v, want %v", err, again.LastUsedAt, first)
	}
	var xmin1, xmin2 string
	if err := pool.QueryRow(ctx, `SELECT xmin::text FROM api_keys WHERE id = $1`, k.ID.String()).Scan(&xmin1); err != nil {
		t.Fatal(err)
	}
	for range 5 {
		if _, err := s.AuthenticateAPIKey(ctx, token); err != nil {
			t.Fatal(err)
		}
	}
	if err := pool.QueryRow(ctx, `SELECT xmin::text FROM api_keys WHERE id = $1`, k.ID.String()).Scan(&xmin2); err != nil {
		t.Fatal(err)
	}
	if xmin1 != xmin2 {
		t.Error("authentication within the minute rewrote the row")
	}
	// A minute later it is touched again.
	if _, err := pool.Exec(ctx, `UPDATE api_keys SET last_used_at = last_used_at - interval '61 seconds' WHERE id = $1`, k.ID.String()); err != nil {
		t.Fatal(err)
	}
	later, err := s.AuthenticateAPIKey(ctx, token)
	if err != nil || !later.LastUsedAt.After(first.Add(-61*time.Second)) {
		t.Errorf("after a minute: %v, last used %v", err, later.LastUsedAt)
	}
	keys, _ := s.ListAPIKeys(ctx)
	if len(keys) != 1 || keys[0].LastUsedAt == nil || !keys[0].LastUsedAt.Equal(*later.LastUsedAt) {
		t.Errorf("listed key: %+v", keys)
	}

	flip := []byte(token)
	flip[len(flip)-1] = map[bool]byte{true: 'b', false: 'a'}[flip[len(flip)-1] == 'a']
	otherPrefix := []byte(token)
	otherPrefix[4] = map[bool]byte{true: 'b', false: 'a'}[otherPrefix[4] == 'a']
	for name, tok := range map[string]string{
		"wrong secret":     string(flip),
		"unknown prefix":   string(otherPrefix),
		"empty":            "",
		"no mark":          token[4:],
		"bearer word kept": "Bearer " + token,
		"upper case":       strings.ToUpper(token),
		"truncated":        token[:len(token)-1],
		"extra character":  token + "a",
		"bad alphabet":     token[:len(token)-1] + "1",
		"separator moved":  token[:15] + "_" + token[16:],
	} {
		if _, err := s.AuthenticateAPIKey(ctx, tok); !isKind(err, article.ErrNotFound) {
			t.Errorf("%s: err = %v, want ErrNotFound", name, err)
		} else if strings.Contains(err.Error(), token[len(token)-32:]) {
			t.Errorf("%s: the error quotes the secret: %v", name, err)
		}
	}

	if err := s.RevokeAPIKey(ctx, "reader"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AuthenticateAPIKey(ctx, token); !isKind(err, article.ErrNotFound) {
		t.Errorf("revoked key: err = %v, want ErrNotFound", err)
	}
}

// TestStore_AuthenticateAPIKey_Concurrent has many requests authenticate
// at once with a key never used: all succeed, whichever of them writes
// last_used_at.
func TestStore_AuthenticateAPIKey_Concurrent(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := context.Background()
	token, _, err := s.CreateAPIKey(ctx, "busy", []string{"ingest"})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	used := make(chan time.Time, 20)
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			k, err := s.AuthenticateAPIKey(ctx, token)
			if err != nil {
				t.Error(err)
				return
			}
			if k.LastUsedAt != nil {
				used <- *k.LastUsedAt
			}
		}()
	}
	wg.Wait()
	close(used)
	keys, err := s.ListAPIKeys(ctx)
	if err != nil || len(keys) != 1 || keys[0].LastUsedAt == nil {
		t.Fatalf("%v, %+v", err, keys)
	}
	for u := range used {
		// Each caller saw the single stored time or, if it lost the race
		// to write, nothing newer than it.
		if u.After(*keys[0].LastUsedAt) {
			t.Errorf("a caller saw last_used_at %v after the stored %v", u, *keys[0].LastUsedAt)
		}
	}
}
