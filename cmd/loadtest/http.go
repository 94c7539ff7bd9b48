package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// errNoBatch means the server has no batch endpoint (404 or 405).
var errNoBatch = errors.New("POST /v1/articles/batch is not implemented by this server (404/405)")

// newClient returns an HTTP/1.1 keep-alive client with enough idle
// connections that neither loop ever pays for a new TCP connection per
// request, as a scraper fleet with persistent connections would not.
func newClient() *http.Client {
	return &http.Client{
		Timeout: 30 * time.Second,
		Transport: &http.Transport{
			MaxIdleConns:        0,
			MaxIdleConnsPerHost: 1024,
			IdleConnTimeout:     90 * time.Second,
			DisableCompression:  true,
		},
	}
}

// idSet collects the ids of stored articles for the read phase.
type idSet struct {
	mu  sync.Mutex
	ids []string
}

func (s *idSet) add(id string) {
	s.mu.Lock()
	s.ids = append(s.ids, id)
	s.mu.Unlock()
}

func (s *idSet) random() (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.ids) == 0 {
		return "", false
	}
	return s.ids[rand.IntN(len(s.ids))], true
}

// do sends req and reads the whole response, so that the connection is
// reused; it fails unless the status is one of want. The body is returned
// only when keep is set (or with a failure): the successful responses of the
// read phase are read into a reused buffer and dropped, which keeps the
// client's own CPU per request low on a machine it shares with the server.
func do(c *http.Client, req *http.Request, keep bool, want ...int) (*http.Response, []byte, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, nil, &opError{kind: "transport", detail: err.Error()}
	}
	defer resp.Body.Close()
	ok := slices.Contains(want, resp.StatusCode)
	var body []byte
	if keep || !ok {
		body, err = io.ReadAll(resp.Body)
	} else {
		_, err = io.Copy(io.Discard, resp.Body)
	}
	if err != nil {
		return nil, nil, &opError{kind: "transport", detail: "reading the response: " + err.Error()}
	}
	if !ok {
		return resp, body, &opError{kind: fmt.Sprintf("status %d", resp.StatusCode),
			detail: fmt.Sprintf("%s %s: %d %s", req.Method, req.URL.Path, resp.StatusCode, truncate(string(body), 300))}
	}
	return resp, body, nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// postArticle returns an op that POSTs the next distinct dump as text/plain
// and records the new article's id. Only 201 counts: a 200 would mean the
// dump was a duplicate, which the generator must never produce.
func (b *bench) postArticle(base string) op {
	return func(ctx context.Context) (int, error) {
		return b.postDump(ctx, base, b.gen.dump(b.next.Add(1)))
	}
}

// postPrepared returns an op that POSTs dumps in order, as postArticle
// does, and generates more once they run out. The open-loop phase
// generates its dumps before it starts: generating one costs this client
// a few hundred µs of CPU, which would otherwise count in each request's
// latency and compete with the server for the machine during the phase.
func (b *bench) postPrepared(base string, dumps []*Dump) op {
	var next atomic.Int64
	return func(ctx context.Context) (int, error) {
		if i := next.Add(1) - 1; i < int64(len(dumps)) {
			d := dumps[i]
			dumps[i] = nil // sent: its memory can go
			return b.postDump(ctx, base, d)
		}
		return b.postDump(ctx, base, b.gen.dump(b.next.Add(1)))
	}
}

// generate makes the next n distinct dumps, on every CPU, for POSTing:
// their paragraphs (as big again as the text) are dropped, since a POST
// sends only the text. A phase at 700 requests/s holds ~17,000 of them.
func (b *bench) generate(n int) []*Dump {
	first := b.next.Add(uint64(n)) - uint64(n) + 1
	dumps := make([]*Dump, n)
	var wg sync.WaitGroup
	workers := runtime.NumCPU()
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				d := b.gen.dump(first + uint64(i))
				d.Paragraphs = nil
				dumps[i] = d
			}
		})
	}
	wg.Wait()
	return dumps
}

// postDump POSTs d as text/plain and records the new article's id.
func (b *bench) postDump(ctx context.Context, base string, d *Dump) (int, error) {
	u := base + "/v1/articles?" + url.Values{"source": {d.Source}, "url": {d.URL}}.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(d.Text))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "text/plain; charset=utf-8")
	resp, _, err := do(b.client, req, false, http.StatusCreated)
	if err != nil {
		return 0, err
	}
	id, ok := strings.CutPrefix(resp.Header.Get("Location"), "/v1/articles/")
	if !ok || id == "" {
		return 0, &opError{kind: "no location", detail: "201 without a Location of the form /v1/articles/{id}"}
	}
	b.articles.add(id)
	return 1, nil
}

// getArticle returns an op that GETs a random stored article.
func (b *bench) getArticle(base string) op {
	return func(ctx context.Context) (int, error) {
		id, ok := b.articles.random()
		if !ok {
			return 0, &opError{kind: "no ids", detail: "no article was stored by the POST phase"}
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/v1/articles/"+id, nil)
		if err != nil {
			return 0, err
		}
		if _, _, err := do(b.client, req, false, http.StatusOK); err != nil {
			return 0, err
		}
		return 1, nil
	}
}

// envelopeLine is one NDJSON line of a batch: the JSON envelope of
// POST /v1/articles.
type envelopeLine struct {
	Source      string `json:"source"`
	URL         string `json:"url"`
	ContentType string `json:"content_type"`
	Content     string `json:"content"`
}

// batchBody encodes dumps as NDJSON envelopes. The load tool shares the
// cores with the server it measures, so the lines are written by hand
// (appendJSONString) rather than by encoding/json, which spent ~4× the CPU
// on the same bytes (docs/performance.md, "Batches, fourth pass").
func batchBody(dumps []*Dump) ([]byte, error) {
	size := 0
	for _, d := range dumps {
		size += len(d.Text) + len(d.Source) + len(d.URL) + 128
	}
	buf := make([]byte, 0, size+size/8)
	for _, d := range dumps {
		buf = append(buf, `{"source":`...)
		buf = appendJSONString(buf, []byte(d.Source))
		buf = append(buf, `,"url":`...)
		buf = appendJSONString(buf, []byte(d.URL))
		buf = append(buf, `,"content_type":"text/plain; charset=utf-8","content":`...)
		buf = appendJSONString(buf, d.Text)
		buf = append(buf, "}\n"...)
	}
	return buf, nil
}

// appendJSONString appends s as a JSON string. Valid UTF-8 is copied as
// is but for what JSON must escape ('"', '\\', control characters) and
// U+2028 and U+2029, which encoding/json escapes too; anything else is left
// to encoding/json, which writes invalid bytes as U+FFFD.
func appendJSONString(buf, s []byte) []byte {
	if !utf8.Valid(s) {
		b, _ := json.Marshal(string(s)) // a string always marshals
		return append(buf, b...)
	}
	const hex = "0123456789abcdef"
	buf = append(buf, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !jsonSpecial[c] {
			continue
		}
		var esc []byte
		switch c {
		case '"', '\\':
			esc = []byte{'\\', c}
		case '\n':
			esc = []byte(`\n`)
		case '\r':
			esc = []byte(`\r`)
		case '\t':
			esc = []byte(`\t`)
		case 0xe2: // the first byte of U+2028 and U+2029, and of other characters
			if i+2 >= len(s) || s[i+1] != 0x80 || (s[i+2] != 0xa8 && s[i+2] != 0xa9) {
				continue
			}
			esc = []byte{'\\', 'u', '2', '0', '2', hex[s[i+2]&0xf]}
			buf = append(append(buf, s[start:i]...), esc...)
			i += 2
			start = i + 1
			continue
		default: // the other control characters
			esc = []byte{'\\', 'u', '0', '0', hex[c>>4], hex[c&0xf]}
		}
		buf = append(append(buf, s[start:i]...), esc...)
		start = i + 1
	}
	return append(append(buf, s[start:]...), '"')
}

// jsonSpecial marks the bytes appendJSONString must look at.
var jsonSpecial = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'], t['\\'], t[0xe2] = true, true, true
	return t
}()

// postBatch returns an op that POSTs size distinct dumps as one NDJSON
// batch and counts the lines the server reports as stored.
func (b *bench) postBatch(base string, size int) op {
	return func(ctx context.Context) (int, error) {
		dumps := make([]*Dump, size)
		for k := range dumps {
			dumps[k] = b.gen.dump(b.next.Add(1))
		}
		body, err := batchBody(dumps)
		if err != nil {
			return 0, err
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/v1/articles/batch", bytes.NewReader(body))
		if err != nil {
			return 0, err
		}
		req.Header.Set("Content-Type", "application/x-ndjson")
		resp, rbody, err := do(b.client, req, true, http.StatusOK, http.StatusCreated, http.StatusMultiStatus)
		if resp != nil && (resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusMethodNotAllowed) {
			return 0, errNoBatch
		}
		if err != nil {
			return 0, err
		}
		stored, err := countStored(rbody)
		if err != nil {
			return 0, &opError{kind: "batch response", detail: err.Error()}
		}
		if stored < size {
			return stored, &opError{kind: "batch items failed",
				detail: fmt.Sprintf("%d of %d lines stored: %s", stored, size, truncate(string(rbody), 300))}
		}
		return stored, nil
	}
}

// countStored counts the lines a batch response reports as stored. The
// response lists one result per line, {index, status, id | problem}, either
// as NDJSON, a JSON array, or an object holding the array (under "items",
// "results" or "data"); a line counts when its status is 2xx, or, without a
// status, when it carries an id and no problem.
func countStored(body []byte) (int, error) {
	var items []json.RawMessage
	trimmed := bytes.TrimSpace(body)
	switch {
	case len(trimmed) == 0:
		return 0, errors.New("empty batch response")
	case trimmed[0] == '[':
		if err := json.Unmarshal(trimmed, &items); err != nil {
			return 0, fmt.Errorf("batch response: %w", err)
		}
	default:
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(trimmed, &obj); err == nil {
			for _, k := range []string{"items", "results", "data"} {
				if raw, ok := obj[k]; ok {
					if err := json.Unmarshal(raw, &items); err != nil {
						return 0, fmt.Errorf("batch response: %s: %w", k, err)
					}
					break
				}
			}
			if items == nil {
				if _, ok := obj["index"]; !ok {
					return 0, errors.New("batch response: an object without items, results or data")
				}
				items = []json.RawMessage{trimmed} // NDJSON of one line
			}
		} else {
			for line := range bytes.Lines(trimmed) {
				if line = bytes.TrimSpace(line); len(line) > 0 {
					items = append(items, json.RawMessage(line))
				}
			}
		}
	}
	stored := 0
	for _, raw := range items {
		var it struct {
			Status  *int            `json:"status"`
			ID      string          `json:"id"`
			Problem json.RawMessage `json:"problem"`
			Error   json.RawMessage `json:"error"`
		}
		if err := json.Unmarshal(raw, &it); err != nil {
			return 0, fmt.Errorf("batch response line: %w", err)
		}
		switch {
		case it.Status != nil:
			if *it.Status >= 200 && *it.Status < 300 {
				stored++
			}
		case it.ID != "" && it.Problem == nil && it.Error == nil:
			stored++
		}
	}
	return stored, nil
}
