package api_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/api"
	"github.com/pressroom/pressroom/internal/extract"
)

// markdownOf GETs an article with the given include value and returns its
// body_markdown (nil when the response has none) and its diagnostics.
func markdownOf(t *testing.T, ts *testServer, id, include string) (md *string, diag json.RawMessage) {
	t.Helper()
	path := "/v1/articles/" + id
	if include != "" {
		path += "?include=" + include
	}
	r := ts.do(t, "GET", path, "", nil)
	if r.status != http.StatusOK {
		t.Fatalf("GET %s = %d: %s", path, r.status, r.body)
	}
	var body struct {
		BodyMarkdown *string         `json:"body_markdown"`
		Diagnostics  json.RawMessage `json:"diagnostics"`
	}
	if err := json.Unmarshal(r.body, &body); err != nil {
		t.Fatal(err)
	}
	return body.BodyMarkdown, body.Diagnostics
}

func TestGetArticle_IncludeMarkdown(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	page := `<!doctype html><html lang="en"><head><title>Ferry timetable changes</title></head><body>
		<nav><a href="/">Home</a></nav><article><h1>Ferry timetable changes</h1>
		<p>` + filler("ferries", 3) + `</p>
		<h2>What changes in May</h2>
		<p>` + filler("timetables", 3) + `</p>
		<ul><li>` + filler("first sailings", 1) + `</li><li>` + filler("last sailings", 1) + `</li></ul>
		<blockquote><p>&lt;script&gt;alert(1)&lt;/script&gt; ` + filler("quotes", 1) + `</p></blockquote>
		</article></body></html>`
	h := mustArticle(t, ts.do(t, "POST", "/v1/articles?source=md", "text/html; charset=utf-8", []byte(page)), http.StatusCreated)
	txt := mustArticle(t, ts.do(t, "POST", "/v1/articles?source=md", "text/plain", seed(t)), http.StatusCreated)

	t.Run("html", func(t *testing.T) {
		md, diag := markdownOf(t, ts, h.ID.String(), "markdown")
		if md == nil {
			t.Fatal("no body_markdown")
		}
		want := strings.Join([]string{
			filler("ferries", 3),
			"## What changes in May",
			filler("timetables", 3),
			"- " + filler("first sailings", 1) + "\n- " + filler("last sailings", 1),
			"> &lt;script&gt;alert(1)&lt;/script&gt; " + filler("quotes", 1),
		}, "\n\n")
		if *md != want {
			t.Errorf("body_markdown =\n%s\nwant\n%s", *md, want)
		}
		if diag != nil {
			t.Errorf("diagnostics without include=diagnostics: %s", diag)
		}
	})
	t.Run("text dump", func(t *testing.T) {
		md, _ := markdownOf(t, ts, txt.ID.String(), "markdown")
		if md == nil {
			t.Fatal("no body_markdown")
		}
		if want := extract.ParagraphsMarkdown(strings.Split(txt.Body, "\n\n")); *md != want || want == "" {
			t.Errorf("body_markdown = %q, want the escaped paragraphs %q", *md, want)
		}
	})
	t.Run("dry run shows what GET will", func(t *testing.T) {
		for _, c := range []struct {
			name, contentType string
			body              []byte
			id                string
		}{
			{"html", "text/html; charset=utf-8", []byte(page), h.ID.String()},
			{"text dump", "text/plain", seed(t), txt.ID.String()},
		} {
			r := ts.do(t, "POST", "/v1/extract", c.contentType, c.body)
			var dry struct {
				BodyMarkdown *string `json:"body_markdown"`
			}
			if err := json.Unmarshal(r.body, &dry); r.status != http.StatusOK || err != nil || dry.BodyMarkdown == nil {
				t.Fatalf("%s: dry run = %d %s (%v)", c.name, r.status, r.body, err)
			}
			if md, _ := markdownOf(t, ts, c.id, "markdown"); *dry.BodyMarkdown != *md {
				t.Errorf("%s: dry run body_markdown =\n%s\nstored\n%s", c.name, *dry.BodyMarkdown, *md)
			}
		}
	})
	t.Run("combined with diagnostics", func(t *testing.T) {
		for _, inc := range []string{"diagnostics,markdown", "markdown,diagnostics"} {
			md, diag := markdownOf(t, ts, h.ID.String(), inc)
			if md == nil || *md == "" || len(diag) == 0 || string(diag) == "null" {
				t.Errorf("include=%s: body_markdown %v, diagnostics %s", inc, md, diag)
			}
		}
	})
	t.Run("not asked for", func(t *testing.T) {
		for _, inc := range []string{"", "diagnostics"} {
			if md, _ := markdownOf(t, ts, h.ID.String(), inc); md != nil {
				t.Errorf("include=%q: body_markdown %q", inc, *md)
			}
		}
		r := ts.do(t, "GET", "/v1/articles/"+h.ID.String(), "", nil)
		if strings.Contains(string(r.body), "body_markdown") {
			t.Errorf("plain response mentions body_markdown: %s", r.body)
		}
	})
	t.Run("own ETag", func(t *testing.T) {
		tags := map[string]bool{}
		for _, inc := range []string{"", "?include=markdown", "?include=diagnostics", "?include=diagnostics,markdown"} {
			tags[ts.do(t, "GET", "/v1/articles/"+h.ID.String()+inc, "", nil).header.Get("ETag")] = true
		}
		if len(tags) != 4 {
			t.Errorf("ETags of the four representations: %v, want four distinct", tags)
		}
	})
	t.Run("unknown include", func(t *testing.T) {
		for _, inc := range []string{"markdown,html", "Markdown", "markdown,,x"} {
			p := mustProblem(t, ts.do(t, "GET", fmt.Sprintf("/v1/articles/%s?include=%s", h.ID, inc), "", nil), http.StatusBadRequest, "invalid-request")
			if !strings.Contains(p.Detail, "include") {
				t.Errorf("include=%s: detail %q does not name the parameter", inc, p.Detail)
			}
		}
	})
}
