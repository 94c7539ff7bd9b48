package api_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/api"
)

// clock is a settable time source for cache and rate-limit tests.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

func (ts *testServer) doAuth(t *testing.T, token, method, path, contentType string, body []byte) response {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	_, _ = buf.ReadFrom(resp.Body)
	return response{status: resp.StatusCode, header: resp.Header, body: buf.Bytes()}
}

// syncBuf collects log output written from request goroutines.
type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) { s.mu.Lock(); defer s.mu.Unlock(); return s.b.Write(p) }
func (s *syncBuf) String() string              { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

func TestAuth_ScopeMatrix(t *testing.T) {
	logs := &syncBuf{}
	ts := newTestServer(t, api.Config{Logger: slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	ctx := context.Background()
	tokens := map[string]string{}
	for _, scopes := range []string{"ingest", "read", "admin"} {
		tok, _, err := ts.store.CreateAPIKey(ctx, "key-"+scopes, []string{scopes})
		if err != nil {
			t.Fatal(err)
		}
		tokens[scopes] = tok
	}
	seeded, _, err := ts.store.CreateAPIKey(ctx, "seeder", []string{"ingest", "read"})
	if err != nil {
		t.Fatal(err)
	}
	a := mustArticle(t, ts.doAuth(t, seeded, "POST", "/v1/articles", "text/plain", seed(t)), http.StatusCreated)
	id := a.ID.String()

	routes := []struct {
		method, path, contentType string
		body                      []byte
		scope                     string
		ok                        int
	}{
		{"POST", "/v1/articles", "text/plain", seed(t), "ingest", 200},
		{"POST", "/v1/articles/batch", "application/x-ndjson", envelopeLine(t, "", "", "text/plain", string(seed(t))), "ingest", 200},
		{"POST", "/v1/extract", "text/plain", seed(t), "ingest", 200},
		{"GET", "/v1/articles", "", nil, "read", 200},
		{"GET", "/v1/articles/" + id, "", nil, "read", 200},
		{"GET", "/v1/articles/" + id + "/raw", "", nil, "read", 200},
		{"GET", "/v1/dumps/" + a.DumpID.String(), "", nil, "read", 200},
		{"GET", "/v1/dumps/" + a.DumpID.String() + "/raw", "", nil, "read", 200},
	}
	for _, rt := range routes {
		for _, scope := range []string{"ingest", "read", "admin"} {
			r := ts.doAuth(t, tokens[scope], rt.method, rt.path, rt.contentType, rt.body)
			allowed := scope == rt.scope || scope == "admin"
			switch {
			case allowed && r.status != rt.ok:
				t.Errorf("%s %s with %s: %d %s, want %d", rt.method, rt.path, scope, r.status, r.body, rt.ok)
			case !allowed:
				mustProblem(t, r, http.StatusForbidden, "forbidden")
			}
		}
		for name, tok := range map[string]string{"no key": "", "unknown key": "prk_nope_nope", "garbage": "a b c"} {
			r := ts.doAuth(t, tok, rt.method, rt.path, rt.contentType, rt.body)
			mustProblem(t, r, http.StatusUnauthorized, "unauthorized")
			if !strings.HasPrefix(r.header.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("%s %s %s: 401 without WWW-Authenticate", rt.method, rt.path, name)
			}
		}
	}
	// Deleting takes admin.
	mustProblem(t, ts.doAuth(t, tokens["read"], "DELETE", "/v1/articles/"+id, "", nil), http.StatusForbidden, "forbidden")
	mustProblem(t, ts.doAuth(t, tokens["ingest"], "DELETE", "/v1/articles/"+id, "", nil), http.StatusForbidden, "forbidden")
	if r := ts.doAuth(t, tokens["admin"], "DELETE", "/v1/articles/"+id, "", nil); r.status != http.StatusNoContent {
		t.Fatalf("admin DELETE = %d %s", r.status, r.body)
	}
	// The document is public.
	if r := ts.doAuth(t, "", "GET", "/openapi.yaml", "", nil); r.status != 200 {
		t.Fatalf("openapi.yaml = %d", r.status)
	}
	// Secrets never reach the logs.
	for _, tok := range append([]string{seeded}, tokens["ingest"], tokens["read"], tokens["admin"]) {
		if strings.Contains(logs.String(), tok) {
			t.Fatalf("an API key appears in the logs")
		}
		secret := tok[strings.LastIndexByte(tok, '_')+1:]
		if strings.Contains(logs.String(), secret) {
			t.Fatalf("an API key's secret appears in the logs")
		}
	}
	if !strings.Contains(logs.String(), `"msg":"request"`) {
		t.Fatal("no access log captured: the secret check above proves nothing")
	}
}

func TestAuth_OpenModeAndRevocation(t *testing.T) {
	clk := &clock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	ts := newTestServer(t, api.Config{AllowOpen: true, Now: clk.now})
	ctx := context.Background()
	// No keys, open allowed: anyone may read.
	if r := ts.do(t, "GET", "/v1/articles", "", nil); r.status != 200 {
		t.Fatalf("open mode: %d %s", r.status, r.body)
	}
	tok, key, err := ts.store.CreateAPIKey(ctx, "first", []string{"read"})
	if err != nil {
		t.Fatal(err)
	}
	clk.add(time.Minute) // past the key-count cache
	mustProblem(t, ts.do(t, "GET", "/v1/articles", "", nil), http.StatusUnauthorized, "unauthorized")
	if r := ts.doAuth(t, tok, "GET", "/v1/articles", "", nil); r.status != 200 {
		t.Fatalf("with the key: %d", r.status)
	}
	if err := ts.store.RevokeAPIKey(ctx, key.ID.String()); err != nil {
		t.Fatal(err)
	}
	clk.add(time.Minute) // past the key cache
	mustProblem(t, ts.doAuth(t, tok, "GET", "/v1/articles", "", nil), http.StatusUnauthorized, "unauthorized")
	// Revoking the last key does not reopen the server...
	mustProblem(t, ts.do(t, "GET", "/v1/articles", "", nil), http.StatusUnauthorized, "unauthorized")
	// ...unless the operator says so.
	reopened := newServer(t, api.Config{AllowOpen: true, ReopenWithoutKeys: true})
	if _, key, err := reopened.store.CreateAPIKey(ctx, "only", []string{"read"}); err != nil {
		t.Fatal(err)
	} else if err := reopened.store.RevokeAPIKey(ctx, key.ID.String()); err != nil {
		t.Fatal(err)
	}
	if r := reopened.do(t, "GET", "/v1/articles", "", nil); r.status != 200 {
		t.Fatalf("reopened on purpose: %d %s", r.status, r.body)
	}

	// Not allowed open: no keys means nobody gets in.
	closed := newServer(t, api.Config{AllowOpen: false})
	mustProblem(t, closed.do(t, "GET", "/v1/articles", "", nil), http.StatusUnauthorized, "unauthorized")
}

func TestRateLimit(t *testing.T) {
	clk := &clock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	ts := newTestServer(t, api.Config{AllowOpen: true, RateLimit: 1, RateBurst: 3, Now: clk.now})
	for i := 0; i < 3; i++ {
		if r := ts.do(t, "GET", "/v1/articles", "", nil); r.status != 200 {
			t.Fatalf("request %d within the burst: %d", i, r.status)
		}
	}
	r := ts.do(t, "GET", "/v1/articles", "", nil)
	mustProblem(t, r, http.StatusTooManyRequests, "rate-limited")
	if r.header.Get("Retry-After") != "1" {
		t.Fatalf("Retry-After = %q, want 1", r.header.Get("Retry-After"))
	}
	clk.add(time.Second)
	if r := ts.do(t, "GET", "/v1/articles", "", nil); r.status != 200 {
		t.Fatalf("after a second: %d", r.status)
	}
}
