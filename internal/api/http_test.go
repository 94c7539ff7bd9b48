package api_test

import (
	"net/http"
	"testing"

	"github.com/pressroom/pressroom/internal/api"
)

// TestHTTP_HeadOnEveryGetRoute: HEAD answers like GET without a body
// (RFC 9110 section 9.3.2), so link checkers and curl -I work.
func TestHTTP_HeadOnEveryGetRoute(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	a := mustArticle(t, ts.do(t, "POST", "/v1/articles", "text/plain", seed(t)), http.StatusCreated)
	for _, path := range []string{
		"/openapi.yaml",
		"/v1/articles",
		"/v1/articles?limit=1",
		"/v1/articles/" + a.ID.String(),
		"/v1/articles/" + a.ID.String() + "/raw",
		"/v1/dumps/" + a.DumpID.String(),
		"/v1/dumps/" + a.DumpID.String() + "/raw",
		"/v1/articles/not-an-id", // a 404 is a 404 for HEAD too
	} {
		t.Run(path, func(t *testing.T) {
			get := ts.do(t, "GET", path, "", nil)
			head := ts.do(t, "HEAD", path, "", nil)
			if head.status != get.status {
				t.Fatalf("HEAD status = %d, GET status = %d", head.status, get.status)
			}
			if len(head.body) != 0 {
				t.Fatalf("HEAD sent a body of %d bytes", len(head.body))
			}
			if got, want := head.header.Get("Content-Type"), get.header.Get("Content-Type"); got != want {
				t.Fatalf("HEAD Content-Type = %q, GET has %q", got, want)
			}
		})
	}
}

// TestHTTP_405CarriesAllow: every 405 names the methods the route serves
// (RFC 9110 section 15.5.6).
func TestHTTP_405CarriesAllow(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	id := "/v1/articles/0190a9a0-0000-7000-8000-000000000000"
	for _, tc := range []struct{ method, path, allow string }{
		{"PUT", "/v1/articles", "GET, HEAD, POST"},
		{"DELETE", "/v1/articles", "GET, HEAD, POST"},
		{"PATCH", id, "GET, HEAD, DELETE"},
		{"POST", id + "/raw", "GET, HEAD"},
		{"PUT", "/v1/articles/batch", "GET, HEAD, POST, DELETE"}, // {id} matches "batch" too
		{"GET", "/v1/extract", "POST"},
		{"HEAD", "/v1/extract", "POST"},
		{"POST", "/v1/dumps/0190a9a0-0000-7000-8000-000000000000", "GET, HEAD"},
		{"DELETE", "/openapi.yaml", "GET, HEAD"},
	} {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			r := ts.do(t, tc.method, tc.path, "", nil)
			if tc.method == "HEAD" {
				if r.status != http.StatusMethodNotAllowed {
					t.Fatalf("status = %d, want 405", r.status)
				}
			} else {
				mustProblem(t, r, http.StatusMethodNotAllowed, "method-not-allowed")
			}
			if got := r.header.Get("Allow"); got != tc.allow {
				t.Fatalf("Allow = %q, want %q", got, tc.allow)
			}
		})
	}
}
