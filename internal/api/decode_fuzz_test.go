package api

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/article"
)

// fuzzLimit keeps fuzzed dumps small, so that size limits are reached.
const fuzzLimit = 4 << 10

func decodeTestAPI() *API {
	return &API{maxDumpBytes: fuzzLimit, now: func() time.Time { return timeZero }, log: discardLogger()}
}

// TestDecodeEnvelope_Hostile pins what the envelope decoder does with the
// malformed and ambiguous envelopes scrapers (or attackers) send.
func TestDecodeEnvelope_Hostile(t *testing.T) {
	a := decodeTestAPI()
	tests := []struct {
		name   string
		in     string
		status int    // 0: decoded
		field  string // the member a 400 names
		body   string // the page when decoded
	}{
		{name: "plain", in: `{"content":"page"}`, body: "page"},
		{name: "base64", in: `{"content_base64":"cGFnZQ=="}`, body: "page"},
		{name: "duplicate key", in: `{"content":"a","content":"b"}`, status: 400, field: "content"},
		{name: "duplicate key, other case", in: `{"content":"a","Content":"b"}`, status: 400, field: "Content"},
		{name: "duplicate key, upper case", in: `{"content":"a","url":"https://x.example/","source":"s","SOURCE":"t"}`, status: 400, field: "SOURCE"},
		{name: "duplicate key, long s folds to s", in: `{"content":"a","source":"x","\u017fource":"y"}`, status: 400, field: "\u017fource"},
		{name: "duplicate null", in: `{"content":"a","url":null,"url":null}`, status: 400, field: "url"},
		{name: "key text inside a value is no duplicate", in: `{"content":"\"content\":\"b\"","source":"content"}`, body: `"content":"b"`},
		{name: "wrong type", in: `{"content":5}`, status: 400, field: "content"},
		{name: "array for a string", in: `{"content":"a","url":["x"]}`, status: 400, field: "url"},
		{name: "object for a string", in: `{"content":{"a":1}}`, status: 400, field: "content"},
		{name: "unknown field", in: `{"content":"a","admin":true}`, status: 400, field: "admin"},
		{name: "deep nesting", in: `{"content":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}`, status: 400},
		{name: "two values", in: `{"content":"a"} {"content":"b"}`, status: 400},
		{name: "top-level array", in: `[{"content":"a"}]`, status: 400},
		{name: "top-level string", in: `"content"`, status: 400},
		{name: "truncated", in: `{"content":"a`, status: 400},
		{name: "both contents", in: `{"content":"a","content_base64":"YQ=="}`, status: 400, field: "content"},
		{name: "no content", in: `{"url":"https://x.example/"}`, status: 400, field: "content"},
		{name: "empty content", in: `{"content":""}`, status: 400, field: "content"},
		{name: "base64 garbage", in: `{"content_base64":"!!!*"}`, status: 400, field: "content_base64"},
		{name: "content over the limit", in: `{"content":"` + strings.Repeat("a", fuzzLimit+1) + `"}`, status: 413},
		{name: "url too long", in: `{"content":"a","url":"https://x.example/` + strings.Repeat("a", 5000) + `"}`, status: 400, field: "url"},
		{name: "url not http", in: `{"content":"a","url":"javascript:alert(1)"}`, status: 400, field: "url"},
		{name: "source with a control character", in: `{"content":"a","source":"a\u0007b"}`, status: 400, field: "source"},
		// encoding/json turns invalid UTF-8 into U+FFFD, which is a safe label.
		{name: "source with invalid UTF-8", in: "{\"content\":\"a\",\"source\":\"a\xffb\"}", body: "a"},
		{name: "fetched_at not a time", in: `{"content":"a","fetched_at":"yesterday"}`, status: 400, field: "fetched_at"},
		{name: "content_type binary", in: `{"content":"a","content_type":"application/pdf"}`, status: 415},
		{name: "base64 binary without content_type", in: `{"content_base64":"iVBORw0KGgoAAAANSUhEUgAA"}`, status: 415},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := a.decodeEnvelope([]byte(tt.in))
			if tt.status == 0 {
				if err != nil {
					t.Fatalf("err = %v, want the page %q", err, tt.body)
				}
				if string(d.Body) != tt.body {
					t.Fatalf("body = %q, want %q", d.Body, tt.body)
				}
				return
			}
			if err == nil {
				t.Fatalf("decoded %q, want status %d", d.Body, tt.status)
			}
			p := problemFor(err)
			if p.Status != tt.status {
				t.Fatalf("status %d (%v), want %d", p.Status, err, tt.status)
			}
			if tt.field != "" && (len(p.Errors) != 1 || p.Errors[0].Field != tt.field) {
				t.Fatalf("errors %+v, want one naming %q", p.Errors, tt.field)
			}
		})
	}
}

// FuzzDecodeEnvelope: whatever the bytes, the decoder answers with a dump
// that respects every rule, or with a client error: never a panic, never a
// 5xx.
func FuzzDecodeEnvelope(f *testing.F) {
	for _, s := range []string{
		`{"content":"page","url":"https://x.example/a","source":"s","fetched_at":"2025-07-02T10:00:00Z","content_type":"text/html"}`,
		`{"content_base64":"cGFnZQ=="}`,
		`{"content":"a","Content":"b"}`,
		`{"content":"a","content":"b"}`,
		`{"content":"\u0000\ud800"}`,
		`{"content":[[[[[]]]]]}`,
		`{"content":"a"} x`,
		`{"url":null,"content":"a"}`,
	} {
		f.Add([]byte(s))
	}
	a := decodeTestAPI()
	f.Fuzz(func(t *testing.T, raw []byte) {
		d, err := a.decodeEnvelope(raw)
		if err != nil {
			checkClientError(t, err)
			return
		}
		checkDump(t, d)
	})
}

// FuzzDecodeDump runs the whole body path: content type, gzip inflation
// with its limit, then the raw or envelope decoding.
func FuzzDecodeDump(f *testing.F) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("Headline\n\nA paragraph of text."))
	zw.Close()
	f.Add([]byte("Headline\n\nA paragraph of text."), "text/plain", "")
	f.Add(gz.Bytes(), "text/plain; charset=utf-8", "gzip")
	f.Add(gz.Bytes()[:gz.Len()/2], "text/html", "gzip")
	f.Add([]byte(`{"content":"page"}`), "application/json", "")
	f.Add([]byte("%PDF-1.4\x00\x01"), "", "")
	f.Add([]byte("page"), "text/plain; charset", "br")
	a := decodeTestAPI()
	f.Fuzz(func(t *testing.T, body []byte, contentType, encoding string) {
		r := httptest.NewRequest(http.MethodPost, "/v1/articles?source=s", bytes.NewReader(body))
		r.Header.Set("Content-Type", contentType)
		r.Header.Set("Content-Encoding", encoding)
		d, err := a.decodeDump(httptest.NewRecorder(), r)
		if err != nil {
			checkClientError(t, err)
			return
		}
		checkDump(t, d)
	})
}

func checkClientError(t *testing.T, err error) {
	t.Helper()
	p := problemFor(err)
	if p.Status < 400 || p.Status > 415 || p.Status == http.StatusNotFound {
		t.Fatalf("error %v maps to %d, want a client error", err, p.Status)
	}
	var mbe *http.MaxBytesError
	if p.Status == http.StatusRequestEntityTooLarge && !errors.As(err, &mbe) {
		t.Fatalf("413 without a MaxBytesError: %v", err)
	}
}

func checkDump(t *testing.T, d *article.Dump) {
	t.Helper()
	if len(d.Body) == 0 || len(d.Body) > fuzzLimit {
		t.Fatalf("dump of %d bytes accepted (limit %d)", len(d.Body), fuzzLimit)
	}
	// The store computes the checksum as it stores the dump, once.
	if d.SHA256 != ([sha256.Size]byte{}) || d.Size != len(d.Body) {
		t.Fatalf("checksum %x and size %d for a body of %d bytes, want none and its size", d.SHA256, d.Size, len(d.Body))
	}
	for _, s := range []string{d.Source, d.URL} {
		if !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
			t.Fatalf("unsafe label %q accepted", s)
		}
	}
}

// FuzzBatchLines splits arbitrary batch bodies: it never panics, and what
// it returns are the body's non-blank lines, trimmed, in order, within the
// limits, or a refusal of the whole batch.
func FuzzBatchLines(f *testing.F) {
	for _, s := range []string{"", "\n\n", "{\"content\":\"a\"}\n{\"content\":\"b\"}", " x \r\n\ty\n", strings.Repeat("z", 3*fuzzLimit)} {
		f.Add([]byte(s))
	}
	a := decodeTestAPI()
	a.batchMaxItems = 5
	f.Fuzz(func(t *testing.T, body []byte) {
		lines, err := a.batchLines(body)
		var want [][]byte
		for _, l := range bytes.Split(body, []byte("\n")) {
			if len(l) > 2*fuzzLimit+64<<10 {
				if err == nil {
					t.Fatalf("a line of %d bytes accepted", len(l))
				}
				return
			}
			if l = bytes.TrimSpace(l); len(l) > 0 {
				want = append(want, l)
			}
		}
		switch {
		case len(want) == 0 || len(want) > a.batchMaxItems:
			if err == nil {
				t.Fatalf("%d lines accepted, want a refusal", len(want))
			}
		case err != nil:
			t.Fatalf("refused %d good lines: %v", len(want), err)
		case len(lines) != len(want):
			t.Fatalf("%d lines, want %d", len(lines), len(want))
		default:
			for i := range want {
				if !bytes.Equal(lines[i], want[i]) {
					t.Fatalf("line %d = %q, want %q", i, lines[i], want[i])
				}
			}
		}
	})
}
