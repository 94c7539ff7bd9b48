package api_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/api"
)

// TestProblem_DetailIsCleanAndNamesField: a 400 tells the client what to
// fix and where, without the chain of layers the error went through.
func TestProblem_DetailIsCleanAndNamesField(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	mustArticle(t, ts.do(t, "POST", "/v1/articles?source=one", "text/plain", seed(t)), http.StatusCreated)
	mustArticle(t, ts.do(t, "POST", "/v1/articles?source=other", "text/plain", seed(t)), http.StatusCreated)
	page := listPage(t, ts, "?limit=1")
	if page.NextCursor == nil {
		t.Fatal("no next cursor on a page of 1 out of 2")
	}
	for _, tc := range []struct{ query, field string }{
		{"cursor=not-a-cursor", "cursor"},
		{"cursor=" + strings.Repeat("A", 200), "cursor"},
		{"source=other&cursor=" + url.QueryEscape(*page.NextCursor), "cursor"}, // another listing's cursor
		{"limit=0", "limit"},
		{"since=yesterday", "since"},
	} {
		t.Run(tc.query, func(t *testing.T) {
			r := ts.do(t, "GET", "/v1/articles?"+tc.query, "", nil)
			mustProblem(t, r, http.StatusBadRequest, "invalid-request")
			var p struct {
				Detail string `json:"detail"`
				Errors []struct{ Field, Detail string }
			}
			if err := json.Unmarshal(r.body, &p); err != nil {
				t.Fatal(err)
			}
			for _, leak := range []string{"store:", "find articles", "invalid:"} {
				if strings.Contains(p.Detail, leak) {
					t.Errorf("detail %q leaks %q", p.Detail, leak)
				}
			}
			if len(p.Errors) != 1 || p.Errors[0].Field != tc.field || p.Errors[0].Detail == "" {
				t.Errorf("errors = %+v, want one naming %q", p.Errors, tc.field)
			}
		})
	}
}
