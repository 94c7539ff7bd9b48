package api_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/api"
)

// TestResponseShape: the body goes out once, lists carry none unless asked,
// and Prefer: return=minimal answers with the id alone.
func TestResponseShape(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	created := ts.do(t, "POST", "/v1/articles?source=shape", "text/plain", seed(t))
	art := mustArticle(t, created, http.StatusCreated)
	path := "/v1/articles/" + art.ID.String()

	tests := []struct {
		name, method, path string
		header             http.Header
		body               []byte
		status             int
		has, hasNot        []string // top-level members (of the first item, for a list)
	}{
		{name: "get", method: "GET", path: path, status: 200,
			has: []string{"body", "title"}, hasNot: []string{"paragraphs", "body_markdown", "diagnostics"}},
		{name: "get with paragraphs", method: "GET", path: path + "?include=paragraphs", status: 200,
			has: []string{"body", "paragraphs"}},
		{name: "get with markdown", method: "GET", path: path + "?include=markdown", status: 200,
			has: []string{"body", "body_markdown"}, hasNot: []string{"paragraphs"}},
		{name: "list", method: "GET", path: "/v1/articles", status: 200,
			has: []string{"id", "title", "word_count"}, hasNot: []string{"body", "paragraphs"}},
		{name: "list with body", method: "GET", path: "/v1/articles?include=body", status: 200,
			has: []string{"id", "body"}, hasNot: []string{"paragraphs"}},
		{name: "list include unknown", method: "GET", path: "/v1/articles?include=paragraphs", status: 400},
		{name: "repeat post", method: "POST", path: "/v1/articles?source=shape", body: seed(t), status: 200,
			header: http.Header{"Content-Type": {"text/plain"}}, has: []string{"body", "id"}, hasNot: []string{"paragraphs"}},
		{name: "post minimal", method: "POST", path: "/v1/articles?source=shape", body: seed(t), status: 200,
			header: http.Header{"Content-Type": {"text/plain"}, "Prefer": {"respond-async, return=minimal"}},
			has:    []string{"id"}, hasNot: []string{"body", "title"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest(tc.method, ts.URL+tc.path, bytes.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range tc.header {
				req.Header[k] = v
			}
			resp, err := ts.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var got map[string]json.RawMessage
			if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %v", resp.StatusCode, tc.status, got)
			}
			if items, ok := got["items"]; ok {
				var list []map[string]json.RawMessage
				if err := json.Unmarshal(items, &list); err != nil || len(list) == 0 {
					t.Fatalf("items %s: %v", items, err)
				}
				got = list[0]
			}
			for _, k := range tc.has {
				if _, ok := got[k]; !ok {
					t.Errorf("no %q in %v", k, keys(got))
				}
			}
			for _, k := range tc.hasNot {
				if _, ok := got[k]; ok {
					t.Errorf("%q sent: %v", k, keys(got))
				}
			}
			if strings.Contains(resp.Request.Header.Get("Prefer"), "return=minimal") {
				if len(got) != 1 || resp.Header.Get("Preference-Applied") != "return=minimal" ||
					resp.Header.Get("Location") != path {
					t.Errorf("minimal answer %v, Preference-Applied %q, Location %q", keys(got),
						resp.Header.Get("Preference-Applied"), resp.Header.Get("Location"))
				}
			}
		})
	}
}

func keys(m map[string]json.RawMessage) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestLimits_Busy: with the body budget or the expensive reads taken, as
// by other requests, a request waits briefly and then gets 503 with
// Retry-After; once they are free it is served.
func TestLimits_Busy(t *testing.T) {
	ts := newTestServer(t, api.Config{MaxDumpBytes: 64 << 10, BatchMaxBytes: 64 << 10})
	art := mustArticle(t, ts.do(t, "POST", "/v1/articles?source=busy", "text/plain", seed(t)), http.StatusCreated)
	get := "/v1/articles/" + art.ID.String()
	tests := []struct {
		name        string
		hold        func() (release func())
		method, url string
		ct          string
		body        []byte
		free        int // the status once released
	}{
		{"body budget, page", func() func() { return ts.api.HoldBodyBudget(0) },
			"POST", "/v1/articles?source=busy2", "text/plain", seed(t), http.StatusCreated},
		{"body budget, batch", func() func() { return ts.api.HoldBodyBudget(0) },
			"POST", "/v1/articles/batch", "application/x-ndjson", nil, http.StatusOK},
		{"expensive read, diagnostics", ts.api.HoldExpensiveReads, "GET", get + "?include=diagnostics", "", nil, http.StatusOK},
		{"expensive read, markdown", ts.api.HoldExpensiveReads, "GET", get + "?include=markdown", "", nil, http.StatusOK},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body := tc.body
			if tc.ct == "application/x-ndjson" {
				body = envelopeLine(t, fmt.Sprintf("batch%d", i), "", "text/plain", string(seed(t)))
			}
			release := tc.hold()
			r := ts.do(t, tc.method, tc.url, tc.ct, body)
			release()
			mustProblem(t, r, http.StatusServiceUnavailable, "busy")
			if r.header.Get("Retry-After") == "" {
				t.Error("503 without Retry-After")
			}
			if r := ts.do(t, tc.method, tc.url, tc.ct, body); r.status != tc.free {
				t.Errorf("once free: %d %s", r.status, r.body)
			}
		})
	}
}

// TestLimits_SizeBeforeBody: a body declared over the limit is refused
// before a byte of it is sent, with or without an Idempotency-Key. The
// test sends only the headers: a server that waited for the body would
// never answer.
func TestLimits_SizeBeforeBody(t *testing.T) {
	ts := newTestServer(t, api.Config{MaxDumpBytes: 1 << 20})
	tests := []struct {
		name, path, ct, key string
		length              int64
	}{
		{"page", "/v1/articles?source=s", "text/plain", "", 1<<20 + 1},
		{"page with key", "/v1/articles?source=s", "text/plain", "k1", 1<<20 + 1},
		{"envelope with key", "/v1/articles", "application/json", "k2", 2<<20 + 64<<10 + 1},
		{"batch with key", "/v1/articles/batch", "application/x-ndjson", "k3", api.DefaultBatchMaxBytes + 1},
		{"any route, huge", "/v1/extract", "text/plain", "", 1 << 40},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := net.Dial("tcp", ts.Listener.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			fmt.Fprintf(c, "POST %s HTTP/1.1\r\nHost: x\r\nContent-Type: %s\r\nContent-Length: %d\r\n", tc.path, tc.ct, tc.length)
			if tc.key != "" {
				fmt.Fprintf(c, "Idempotency-Key: %s\r\n", tc.key)
			}
			fmt.Fprint(c, "\r\n")
			resp, err := http.ReadResponse(bufio.NewReader(c), nil)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusRequestEntityTooLarge {
				t.Fatalf("status %d, want 413", resp.StatusCode)
			}
		})
	}
}

// TestLimits_GzipAcrossBudgetSteps: a gzip body whose wire and inflated
// bytes both draw on the request's budget, over many budget steps, gets
// its answer (here 413: it inflates past the limit), never a 500.
func TestLimits_GzipAcrossBudgetSteps(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	tests := []struct {
		name   string
		body   []byte
		status int
	}{
		{"one member, inflates past the limit", gz(bytes.Repeat([]byte("word "), 4<<20)), http.StatusRequestEntityTooLarge},
		{"50 members of 1 MB", bytes.Repeat(gz(bytes.Repeat([]byte("word "), 200_000)), 50), http.StatusRequestEntityTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest("POST", ts.URL+"/v1/articles?source=gz", bytes.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", "text/plain")
			req.Header.Set("Content-Encoding", "gzip")
			resp, err := ts.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, tc.status)
			}
		})
	}
}
