package api_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/api"
)

// TestSearch_QueriesTheIndexCannotServe: a query of negations only, or of
// too many terms, is a 400 naming q; one word to look for is enough.
func TestSearch_QueriesTheIndexCannotServe(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	many := ""
	for i := range 40 {
		many += " word" + string(rune('a'+i%26)) + string(rune('a'+i/26))
	}
	for _, tc := range []struct {
		q    string
		want int
	}{
		{"-council", http.StatusBadRequest},
		{"-council -budget", http.StatusBadRequest},
		{`-"city council"`, http.StatusBadRequest},
		{"-council or -budget", http.StatusBadRequest},
		{many, http.StatusBadRequest},
		{"council -budget", http.StatusOK},
		{`"city council" -budget`, http.StatusOK},
		{"council or -budget", http.StatusOK},
		{"- council", http.StatusOK}, // a lone dash negates nothing
	} {
		t.Run(tc.q, func(t *testing.T) {
			r := ts.do(t, "GET", "/v1/articles?q="+url.QueryEscape(tc.q), "", nil)
			if tc.want == http.StatusOK {
				if r.status != http.StatusOK {
					t.Fatalf("status %d: %s", r.status, r.body)
				}
				return
			}
			mustProblem(t, r, tc.want, "invalid-request")
		})
	}
}

// TestSearch_OwnTimeoutAndPerKeyCap: searches that wait on a frozen
// database are cut at the search timeout, not the DB timeout, and one key
// runs at most MaxSearchesPerKey of them at once.
func TestSearch_OwnTimeoutAndPerKeyCap(t *testing.T) {
	ts := newTestServer(t, api.Config{DBTimeout: time.Minute, SearchTimeout: 3 * time.Second, MaxSearchesPerKey: 2})
	_, unlock := ts.lockTables(t, "articles")
	results := make(chan response, 2)
	for range 2 {
		go func() {
			req, _ := http.NewRequestWithContext(context.Background(), "GET", ts.URL+"/v1/articles?q=council", nil)
			resp, err := ts.Client().Do(req)
			if err != nil {
				results <- response{}
				return
			}
			resp.Body.Close()
			results <- response{status: resp.StatusCode}
		}()
	}
	waitFor(t, "two searches blocked", func() bool {
		var n int
		if err := ts.pool.QueryRow(context.Background(),
			`SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'articles'::regclass`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n >= 2
	})
	r := ts.do(t, "GET", "/v1/articles?q=budget", "", nil)
	mustProblem(t, r, http.StatusTooManyRequests, "rate-limited")
	// A listing without a query is not a search and is not capped; it
	// waits on the lock like anything else, so it is not tried here.
	for range 2 {
		if got := (<-results).status; got != http.StatusServiceUnavailable {
			t.Fatalf("a search on a frozen table ended with %d, want 503 at its own timeout", got)
		}
	}
	p := mustProblem(t, ts.do(t, "GET", "/v1/articles?q=council", "", nil), http.StatusServiceUnavailable, "unavailable")
	if p.Detail == "" || !containsAll(p.Detail, "search", "time limit") {
		t.Fatalf("detail %q does not say the search ran out of time", p.Detail)
	}
	unlock()
	if r := ts.do(t, "GET", "/v1/articles?q=council", "", nil); r.status != http.StatusOK {
		t.Fatalf("search after the freeze: %d %s", r.status, r.body)
	}
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
