package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// fakePressroom stands in for the server's routes with the documented
// responses, so the load loops can be checked without PostgreSQL.
type fakePressroom struct {
	mu       sync.Mutex
	bodies   map[string]bool // every dump received, to catch duplicates
	dups     int
	articles map[string]bool
	noBatch  bool
}

func (f *fakePressroom) store(content string) (string, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.bodies[content] {
		f.dups++
		return "", false
	}
	f.bodies[content] = true
	id := fmt.Sprintf("0190f0c0-0000-7000-8000-%012d", len(f.bodies))
	f.articles[id] = true
	return id, true
}

func (f *fakePressroom) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/v1/articles":
		b, _ := io.ReadAll(r.Body)
		if r.Header.Get("Content-Type") != "text/plain; charset=utf-8" || r.URL.Query().Get("source") == "" || r.URL.Query().Get("url") == "" {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		id, created := f.store(string(b))
		if !created {
			w.WriteHeader(http.StatusOK)
			return
		}
		w.Header().Set("Location", "/v1/articles/"+id)
		w.WriteHeader(http.StatusCreated)
		fmt.Fprintf(w, `{"id":%q}`, id)
	case r.Method == http.MethodPost && r.URL.Path == "/v1/articles/batch":
		if f.noBatch {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if r.Header.Get("Content-Type") != "application/x-ndjson" {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		sc := bufio.NewScanner(r.Body)
		sc.Buffer(nil, 1<<20)
		w.Header().Set("Content-Type", "application/x-ndjson")
		for i := 0; sc.Scan(); i++ {
			var e envelopeLine
			if err := json.Unmarshal(sc.Bytes(), &e); err != nil || e.Content == "" {
				fmt.Fprintf(w, "{\"index\":%d,\"status\":400,\"problem\":{}}\n", i)
				continue
			}
			id, _ := f.store(e.Content)
			fmt.Fprintf(w, "{\"index\":%d,\"status\":201,\"id\":%q}\n", i, id)
		}
	case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/v1/articles/"):
		f.mu.Lock()
		ok := f.articles[strings.TrimPrefix(r.URL.Path, "/v1/articles/")]
		f.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		io.WriteString(w, `{"id":"x"}`)
	default:
		http.NotFound(w, r)
	}
}

func newFake(t *testing.T, noBatch bool) (*fakePressroom, string) {
	f := &fakePressroom{bodies: map[string]bool{}, articles: map[string]bool{}, noBatch: noBatch}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, srv.URL
}

func TestOps_AgainstFakeServer(t *testing.T) {
	f, base := newFake(t, false)
	b := &bench{gen: generator{seed: 5}, client: newClient()}
	ctx := context.Background()

	post := b.postArticle(base)
	for range 20 {
		if n, err := post(ctx); n != 1 || err != nil {
			t.Fatalf("POST: %d, %v", n, err)
		}
	}
	get := b.getArticle(base)
	for range 20 {
		if n, err := get(ctx); n != 1 || err != nil {
			t.Fatalf("GET: %d, %v", n, err)
		}
	}
	batch := b.postBatch(base, 7)
	for range 3 {
		if n, err := batch(ctx); n != 7 || err != nil {
			t.Fatalf("batch: %d, %v", n, err)
		}
	}
	if f.dups != 0 || len(f.bodies) != 20+21 {
		t.Errorf("server saw %d distinct dumps and %d duplicates; want 41 and 0", len(f.bodies), f.dups)
	}
}

func TestOps_NoBatchEndpoint(t *testing.T) {
	_, base := newFake(t, true)
	b := &bench{gen: generator{seed: 5}, client: newClient()}
	if _, err := b.postBatch(base, 1)(context.Background()); !errors.Is(err, errNoBatch) {
		t.Errorf("batch against a server without the route: %v, want errNoBatch", err)
	}
}

func TestOps_GetWithoutIDs(t *testing.T) {
	_, base := newFake(t, false)
	b := &bench{gen: generator{seed: 5}, client: newClient()}
	_, err := b.getArticle(base)(context.Background())
	var oe *opError
	if !errors.As(err, &oe) || oe.kind != "no ids" {
		t.Errorf("GET before any POST: %v, want a no-ids failure", err)
	}
}

func TestOps_UnexpectedStatusIsAFailure(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(http.StatusServiceUnavailable)
		io.WriteString(w, `{"type":"unavailable"}`)
	}))
	defer srv.Close()
	b := &bench{gen: generator{seed: 5}, client: newClient()}
	_, err := b.postArticle(srv.URL)(context.Background())
	var oe *opError
	if !errors.As(err, &oe) || oe.kind != "status 503" || !strings.Contains(oe.detail, "unavailable") {
		t.Errorf("POST answered 503: %v", err)
	}
}
