package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/pressroom/pressroom/internal/article"
)

func TestProblemFor(t *testing.T) {
	id := article.NewID(timeZero)
	tests := []struct {
		err    error
		status int
		slug   string
	}{
		{fmt.Errorf("store: find article: %w", article.ErrNotFound), 404, "not-found"},
		{fmt.Errorf("decode: %w", article.ErrInvalid), 400, "invalid-request"},
		{fmt.Errorf("store: %w", article.ErrConflict), 409, "conflict"},
		{fmt.Errorf("store: ping: %w", article.ErrUnavailable), 503, "unavailable"},
		{fmt.Errorf("store: acquire: %w", context.DeadlineExceeded), 503, "unavailable"},
		{&unextractableError{dumpID: id, reason: "no text"}, 422, "unextractable"},
		{&http.MaxBytesError{Limit: 10}, 413, "dump-too-large"},
		{errors.New("pq: something secret broke"), 500, "internal"},
	}
	for _, tt := range tests {
		p := problemFor(tt.err)
		if p.Status != tt.status || p.Type != problemTypeBase+tt.slug {
			t.Errorf("problemFor(%v) = %d %s, want %d %s", tt.err, p.Status, p.Type, tt.status, tt.slug)
		}
		if tt.status == 500 && strings.Contains(p.Detail, "secret") {
			t.Errorf("a 500 leaks the internal error: %q", p.Detail)
		}
		if tt.status == 503 && p.retryAfter == 0 {
			t.Errorf("503 without Retry-After")
		}
	}
	if p := problemFor(&unextractableError{dumpID: id}); p.DumpID == nil || *p.DumpID != id {
		t.Errorf("unextractable problem lost its dump id")
	}
}

func TestRecoverPanics(t *testing.T) {
	a := &API{log: discardLogger(), metrics: newMetrics(prometheus.NewRegistry())}
	h := withRequestID(a.recoverPanics(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") })))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/x", nil))
	if rec.Code != 500 || rec.Header().Get("Content-Type") != "application/problem+json" {
		t.Fatalf("panic gave %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	var p problem
	if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil || strings.Contains(p.Detail, "boom") || p.RequestID == "" {
		t.Fatalf("problem = %+v (%v); must not leak the panic and must carry the request id", p, err)
	}
}

func TestRequestID(t *testing.T) {
	h := withRequestID(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	for in, keep := range map[string]bool{
		"abc-123_x.y":               true,
		"":                          false,
		strings.Repeat("a", 65):     false,
		"has space":                 false,
		"inject\r\nX-Evil: 1":       false,
		"<script>alert(1)</script>": false,
	} {
		req := httptest.NewRequest("GET", "/", nil)
		req.Header.Set("X-Request-Id", in)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		out := rec.Header().Get("X-Request-Id")
		if keep && out != in || !keep && (out == in || !validRequestID(out)) {
			t.Errorf("X-Request-Id %q -> %q (keep %v)", in, out, keep)
		}
	}
}
