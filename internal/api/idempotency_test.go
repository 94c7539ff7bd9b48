package api

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

// A retry that arrives while the first request with its key is still being
// processed is a 409: the first has claimed the key and not finished.
func TestIdempotency_InFlightIs409(t *testing.T) {
	st := store.New(dbtest.New(t))
	a := New(Config{Store: st, AllowOpen: true})
	body := []byte("Some article text that is long enough to be a paragraph of an article.")
	req := httptest.NewRequest("POST", "/v1/articles", bytes.NewReader(body))
	req.Header.Set("Content-Type", "text/plain")
	req.Header.Set("Idempotency-Key", "k-busy")
	if _, err := st.ClaimIdempotencyKey(context.Background(), "", "k-busy", requestFingerprint(req, body), time.Hour); err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	a.ServeHTTP(rec, req)
	if rec.Code != http.StatusConflict || rec.Header().Get("Retry-After") == "" {
		t.Fatalf("in-flight retry = %d %s, want 409 with Retry-After", rec.Code, rec.Body)
	}
	if !bytes.Contains(rec.Body.Bytes(), []byte("/problems/idempotency-key-in-use")) {
		t.Fatalf("problem type: %s", rec.Body)
	}
}
