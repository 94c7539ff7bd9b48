package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/api"
	"github.com/pressroom/pressroom/internal/extract"
)

// Diagnostics are not stored with each article: GET ?include=diagnostics
// extracts the stored dump again. They must be exactly the dry run's for
// the same dump.
func TestGetArticle_DiagnosticsAsIngested(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	page := `<!doctype html><html lang="en"><head><title>Harbour dredging starts</title></head><body>
		<nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Harbour dredging starts</h1>
		<p class="byline">By Ann Example</p><p>` + filler("dredging", 4) + `</p><p>` + filler("harbour", 3) + `</p>
		</article><footer>Subscribe for full access</footer></body></html>`
	dumps := []struct {
		name, query, contentType string
		body                     []byte
	}{
		{"text", "?source=diag&url=https://example.com/a&fetched_at=2026-01-02T03:04:05Z", "text/plain; charset=utf-8", seed(t)},
		{"html", "?source=diag&url=https://example.com/b", "text/html; charset=utf-8", []byte(page)},
	}
	for _, d := range dumps {
		t.Run(d.name, func(t *testing.T) {
			created := mustArticle(t, ts.do(t, "POST", "/v1/articles"+d.query, d.contentType, d.body), http.StatusCreated)
			_, got := markdownOf(t, ts, created.ID.String(), "diagnostics")
			dry := ts.do(t, "POST", "/v1/extract"+d.query, d.contentType, d.body)
			var want struct {
				Diagnostics json.RawMessage `json:"diagnostics"`
			}
			if err := json.Unmarshal(dry.body, &want); err != nil || dry.status != http.StatusOK {
				t.Fatalf("dry run: %d %v %s", dry.status, err, dry.body)
			}
			if !bytes.Equal(got, want.Diagnostics) {
				t.Errorf("GET diagnostics differ from the dry run's:\n got %s\nwant %s", got, want.Diagnostics)
			}
			if !bytes.Contains(got, []byte(`"field":"title"`)) {
				t.Errorf("diagnostics without the title's source: %s", got)
			}

			// An article from another extractor version is explained by
			// this one, and says so.
			if _, err := ts.pool.Exec(context.Background(), `UPDATE articles SET extractor_version = extractor_version - 1 WHERE id = $1`, created.ID.String()); err != nil {
				t.Fatal(err)
			}
			_, got = markdownOf(t, ts, created.ID.String(), "diagnostics")
			var diag struct {
				Notes []string `json:"notes"`
			}
			if err := json.Unmarshal(got, &diag); err != nil {
				t.Fatal(err)
			}
			if len(diag.Notes) == 0 || !strings.Contains(diag.Notes[len(diag.Notes)-1], "pressroom reextract") {
				t.Errorf("older article's diagnostics have no version note: %s (extractor version %d)", got, extract.Version)
			}
		})
	}
}
