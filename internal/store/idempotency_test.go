package store_test

import (
	"context"
	"crypto/sha256"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

var (
	fpA = sha256.Sum256([]byte("POST /v1/articles body A"))
	fpB = sha256.Sum256([]byte("POST /v1/articles body B"))
)

const day = 24 * time.Hour

func mustClaim(t *testing.T, s *store.Store, scope, key string, fp [32]byte) *store.Claim {
	t.Helper()
	c, err := s.ClaimIdempotencyKey(context.Background(), scope, key, fp, day)
	if err != nil {
		t.Fatalf("ClaimIdempotencyKey(%q, %q): %v", scope, key, err)
	}
	return c
}

// expire moves a key's expiry into the past, as time passing would.
func expire(t *testing.T, pool *pgxpool.Pool, scope, key string) {
	t.Helper()
	tag, err := pool.Exec(context.Background(), `UPDATE idempotency_keys SET expires_at = now() - interval '1 second'
		WHERE scope = $1 AND key = $2`, scope, key)
	if err != nil || tag.RowsAffected() != 1 {
		t.Fatalf("expire %q: %v, %d rows", key, err, tag.RowsAffected())
	}
}

func TestStore_IdempotencyKey_Lifecycle(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.New(pool)
	ctx := context.Background()

	if c := mustClaim(t, s, "key-1", "k", fpA); c.Replay != nil {
		t.Fatalf("first claim replays %+v", c.Replay)
	}
	if _, err := s.ClaimIdempotencyKey(ctx, "key-1", "k", fpA, day); !isKind(err, article.ErrConflict) {
		t.Errorf("in flight: err = %v, want ErrConflict", err)
	}
	if _, err := s.ClaimIdempotencyKey(ctx, "key-1", "k", fpB, day); !errors.Is(err, article.ErrKeyReused) {
		t.Errorf("in flight, other request: err = %v, want ErrKeyReused", err)
	}
	// Keys are per scope.
	if c := mustClaim(t, s, "key-2", "k", fpB); c.Replay != nil {
		t.Error("the same key in another scope replays")
	}

	resp := store.StoredResponse{
		Status: 201,
		Header: map[string][]string{"Location": {"/v1/articles/x"}, "Content-Type": {"application/json"}},
		Body:   []byte(`{"id":"x"}`),
	}
	if err := s.FinishIdempotencyKey(ctx, "key-1", "k", resp); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		c := mustClaim(t, s, "key-1", "k", fpA)
		if diff := cmp.Diff(&resp, c.Replay); diff != "" {
			t.Errorf("replay (-want +got):\n%s", diff)
		}
	}
	if _, err := s.ClaimIdempotencyKey(ctx, "key-1", "k", fpB, day); !errors.Is(err, article.ErrKeyReused) {
		t.Errorf("done, other request: err = %v, want ErrKeyReused", err)
	}
	if err := s.FinishIdempotencyKey(ctx, "key-1", "k", resp); !isKind(err, article.ErrNotFound) {
		t.Errorf("second finish: err = %v, want ErrNotFound", err)
	}
	if err := s.ReleaseIdempotencyKey(ctx, "key-1", "k"); !isKind(err, article.ErrNotFound) {
		t.Errorf("release of a finished key: err = %v, want ErrNotFound", err)
	}
	if c := mustClaim(t, s, "key-1", "k", fpA); c.Replay == nil {
		t.Error("a failed release dropped the stored response")
	}

	// A finished key lives for its ttl from the claim.
	var lives time.Duration
	if err := pool.QueryRow(ctx, `SELECT extract(epoch FROM expires_at - created_at)::bigint * 1000000000
		FROM idempotency_keys WHERE scope = 'key-1' AND key = 'k'`).Scan(&lives); err != nil || lives != day {
		t.Errorf("finished key lives %v (%v), want %v", lives, err, day)
	}
	expire(t, pool, "key-1", "k")
	if c := mustClaim(t, s, "key-1", "k", fpB); c.Replay != nil {
		t.Error("an expired key replays")
	}
}

func TestStore_IdempotencyKey_ReleaseAndLease(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.New(pool)
	ctx := context.Background()

	mustClaim(t, s, "", "retry-me", fpA)
	if err := s.ReleaseIdempotencyKey(ctx, "", "retry-me"); err != nil {
		t.Fatal(err)
	}
	if err := s.ReleaseIdempotencyKey(ctx, "", "retry-me"); !isKind(err, article.ErrNotFound) {
		t.Errorf("second release: err = %v, want ErrNotFound", err)
	}
	if err := s.FinishIdempotencyKey(ctx, "", "retry-me", store.StoredResponse{Status: 200}); !isKind(err, article.ErrNotFound) {
		t.Errorf("finish after release: err = %v, want ErrNotFound", err)
	}
	// After a release the key is free, for another request too.
	if c := mustClaim(t, s, "", "retry-me", fpB); c.Replay != nil {
		t.Error("released key replays")
	}

	// An in-flight claim expires after the lease, not the ttl.
	var lease time.Duration
	if err := pool.QueryRow(ctx, `SELECT extract(epoch FROM expires_at - created_at)::bigint * 1000000000
		FROM idempotency_keys WHERE key = 'retry-me'`).Scan(&lease); err != nil || lease != store.IdempotencyLease {
		t.Errorf("in-flight claim lasts %v (%v), want %v", lease, err, store.IdempotencyLease)
	}
	// Its owner died: after the lease, the next claim takes it over, and
	// the late owner can still record its (equivalent) response once.
	expire(t, pool, "", "retry-me")
	if c := mustClaim(t, s, "", "retry-me", fpB); c.Replay != nil {
		t.Error("abandoned claim replays")
	}
	if err := s.FinishIdempotencyKey(ctx, "", "retry-me", store.StoredResponse{Status: 204}); err != nil {
		t.Fatal(err)
	}
	c := mustClaim(t, s, "", "retry-me", fpB)
	if c.Replay == nil || c.Replay.Status != 204 || c.Replay.Body == nil || c.Replay.Header == nil {
		t.Errorf("replay %+v, want 204 with empty, non-nil header and body", c.Replay)
	}

	// A ttl shorter than the lease bounds the claim too.
	if _, err := s.ClaimIdempotencyKey(ctx, "", "short", fpA, time.Second); err != nil {
		t.Fatal(err)
	}
	var short time.Duration
	if err := pool.QueryRow(ctx, `SELECT extract(epoch FROM expires_at - created_at)::bigint * 1000000000
		FROM idempotency_keys WHERE key = 'short'`).Scan(&short); err != nil || short != time.Second {
		t.Errorf("claim with a 1 s ttl lasts %v (%v)", short, err)
	}
}

func TestStore_IdempotencyKey_Invalid(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	ctx := context.Background()
	for name, tt := range map[string]struct {
		scope, key string
		ttl        time.Duration
	}{
		"empty key":         {"s", "", day},
		"key over 255":      {"s", strings.Repeat("k", 256), day},
		"scope over 255":    {strings.Repeat("s", 256), "k", day},
		"control character": {"s", "a\nb", day},
		"NUL in key":        {"s", "a\x00b", day},
		"NUL in scope":      {"s\x00", "k", day},
		"invalid UTF-8":     {"s", "\xff", day},
		"zero ttl":          {"s", "k", 0},
		"negative ttl":      {"s", "k", -time.Hour},
	} {
		if _, err := s.ClaimIdempotencyKey(ctx, tt.scope, tt.key, fpA, tt.ttl); !isKind(err, article.ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", name, err)
		}
	}
	if _, err := s.ClaimIdempotencyKey(ctx, strings.Repeat("s", 255), strings.Repeat("ü", 127), fpA, day); err != nil {
		t.Errorf("255-byte scope and 254-byte key: %v", err)
	}
	for _, status := range []int{0, 99, 600} {
		if err := s.FinishIdempotencyKey(ctx, "s", "k", store.StoredResponse{Status: status}); !isKind(err, article.ErrInvalid) {
			t.Errorf("status %d: err = %v, want ErrInvalid", status, err)
		}
	}
}

func TestStore_PurgeIdempotencyKeys(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.New(pool)
	ctx := context.Background()
	for _, k := range []string{"old-done", "old-flight", "fresh-done", "fresh-flight"} {
		mustClaim(t, s, "p", k, fpA)
		if strings.HasSuffix(k, "done") {
			if err := s.FinishIdempotencyKey(ctx, "p", k, store.StoredResponse{Status: 200}); err != nil {
				t.Fatal(err)
			}
		}
		if strings.HasPrefix(k, "old") {
			expire(t, pool, "p", k)
		}
	}
	n, err := s.PurgeIdempotencyKeys(ctx, time.Now())
	if err != nil || n != 2 {
		t.Errorf("PurgeIdempotencyKeys = %d, %v; want 2", n, err)
	}
	if c := mustClaim(t, s, "p", "fresh-done", fpA); c.Replay == nil {
		t.Error("a fresh finished key was purged")
	}
	if _, err := s.ClaimIdempotencyKey(ctx, "p", "fresh-flight", fpA, day); !isKind(err, article.ErrConflict) {
		t.Errorf("a fresh claim was purged: err = %v", err)
	}
	// Everything expires eventually.
	if n, err := s.PurgeIdempotencyKeys(ctx, time.Now().Add(2*day)); err != nil || n != 2 {
		t.Errorf("purge two days on = %d, %v; want 2", n, err)
	}
	if n, err := s.PurgeIdempotencyKeys(ctx, time.Now().Add(2*day)); err != nil || n != 0 {
		t.Errorf("purge of an empty table = %d, %v", n, err)
	}
}

// TestStore_IdempotencyKey_ConcurrentClaims races claims of one key:
// exactly one caller owns it, the others see it in flight, and after
// Finish all of them get the replay.
func TestStore_IdempotencyKey_ConcurrentClaims(t *testing.T) {
	t.Parallel()
	pool := dbtest.New(t)
	s := store.New(pool)
	ctx := context.Background()
	for round, setup := range []func(){
		func() {},                            // a new key
		func() { expire(t, pool, "c", "k") }, // an expired finished key: taken over once
	} {
		setup()
		const n = 16
		var (
			wg       sync.WaitGroup
			mu       sync.Mutex
			won      int
			conflict int
		)
		start := make(chan struct{})
		for range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				c, err := s.ClaimIdempotencyKey(ctx, "c", "k", fpA, day)
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err == nil && c.Replay == nil:
					won++
				case isKind(err, article.ErrConflict):
					conflict++
				default:
					t.Errorf("round %d: claim: %+v, %v", round, c, err)
				}
			}()
		}
		close(start)
		wg.Wait()
		if won != 1 || conflict != n-1 {
			t.Errorf("round %d: %d owners and %d conflicts, want 1 and %d", round, won, conflict, n-1)
		}
		if err := s.FinishIdempotencyKey(ctx, "c", "k", store.StoredResponse{Status: 201, Body: []byte("ok")}); err != nil {
			t.Fatal(err)
		}
		if c := mustClaim(t, s, "c", "k", fpA); c.Replay == nil || string(c.Replay.Body) != "ok" {
			t.Errorf("round %d: replay %+v", round, c.Replay)
		}
	}
}
