package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/api"
)

// TestAuth_FailuresLimitedBeforeLookup: a client sending unknown tokens
// gets 429 once its address has failed authFailureBurst times, without a
// database lookup (the pool is closed to prove it); a repeated unknown
// token is answered from the negative cache; a cached valid key goes on
// working.
func TestAuth_FailuresLimitedBeforeLookup(t *testing.T) {
	clk := &clock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	ts := newServer(t, api.Config{Now: clk.now})
	tok, _, err := ts.store.CreateAPIKey(context.Background(), "reader", []string{"read"})
	if err != nil {
		t.Fatal(err)
	}
	if r := ts.doAuth(t, tok, "GET", "/v1/dumps/0190a9a0-0000-7000-8000-000000000000", "", nil); r.status != http.StatusNotFound {
		t.Fatalf("valid key: %d %s", r.status, r.body)
	}
	// Well-formed tokens with the real key's prefix and a wrong secret:
	// each costs a database lookup unless refused before it.
	bogus := func(i int) string {
		const alphabet = "abcdefghijklmnopqrstuvwxyz234567"
		b := []byte(tok)
		b[len(b)-1], b[len(b)-2] = alphabet[i%32], alphabet[i/32%32]
		if string(b) == tok {
			b[len(b)-3] = alphabet[(strings.IndexByte(alphabet, b[len(b)-3])+1)%32]
		}
		return string(b)
	}
	const burst = 10 // authFailureBurst
	for i := range burst {
		mustProblem(t, ts.doAuth(t, bogus(i), "GET", "/v1/articles", "", nil), http.StatusUnauthorized, "unauthorized")
	}
	// The same unknown token again is a cache hit: still 401, no failure spent.
	for range 3 {
		mustProblem(t, ts.doAuth(t, bogus(0), "GET", "/v1/articles", "", nil), http.StatusUnauthorized, "unauthorized")
	}
	ts.pool.Close() // from now on, a lookup would be a 503
	r := ts.doAuth(t, bogus(100), "GET", "/v1/articles", "", nil)
	mustProblem(t, r, http.StatusTooManyRequests, "rate-limited")
	if r.header.Get("Retry-After") == "" {
		t.Fatal("429 without Retry-After")
	}
	clk.add(time.Second) // one failure's worth of tokens back: the next lookup runs
	mustProblem(t, ts.doAuth(t, bogus(101), "GET", "/v1/articles", "", nil), http.StatusServiceUnavailable, "unavailable")
}
