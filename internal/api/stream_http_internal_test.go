package api

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// streamedHead is the small part of TestWriteStreamed_HTTP's answers.
type streamedHead struct {
	ID   string   `json:"id"`
	Tags []string `json:"tags"`
}

// encodedAnswer is what encoding/json makes of head with body and
// paragraphs members, as writeStreamed should send it.
func encodedAnswer(t testing.TB, head streamedHead, paragraphs []string) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(struct {
		streamedHead
		Body       string   `json:"body"`
		Paragraphs []string `json:"paragraphs"`
	}{head, strings.Join(paragraphs, "\n\n"), nonNil(paragraphs)}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestWriteStreamed_HTTP: over real HTTP, an answer up to maxBufferedAnswer
// bytes carries its Content-Length, a larger one is chunked, and both are
// byte for byte what encoding/json makes of the same members.
func TestWriteStreamed_HTTP(t *testing.T) {
	head := streamedHead{ID: "a<b>&\u2028", Tags: []string{"x", "é"}}
	// ofLength is a body whose answer is exactly n bytes long.
	ofLength := func(n int) []string {
		for letters := (n - len(encodedAnswer(t, head, []string{""}))) / 2; letters > 0; letters-- {
			for _, p := range [][]string{{strings.Repeat("a", letters)}, {strings.Repeat("a", letters), ""}} {
				if len(encodedAnswer(t, head, p)) == n {
					return p
				}
			}
		}
		t.Fatalf("no body makes a %d-byte answer", n)
		return nil
	}
	tests := []struct {
		name       string
		paragraphs []string
		length     bool // sent with a Content-Length
	}{
		{"empty", nil, true},
		{"escapes", []string{"<p>\"q\"\x00\n\t\xff", "é€😀\u2029"}, true},
		{"a few kilobytes", []string{strings.Repeat("Grüße, world. ", 300), strings.Repeat("x", 3000)}, true},
		{"one byte under the bound", ofLength(maxBufferedAnswer - 1), true},
		{"exactly the bound", ofLength(maxBufferedAnswer), true},
		{"one byte over the bound", ofLength(maxBufferedAnswer + 1), false},
		{"megabytes", []string{strings.Repeat("Grüße, \"world\" <3\n", 100_000), strings.Repeat("x", 3*maxBufferedAnswer+7)}, false},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i, _ := strconv.Atoi(r.URL.Query().Get("case"))
		writeStreamed(w, http.StatusCreated, head,
			longText{name: "body", parts: tests[i].paragraphs, sep: "\n\n"},
			longText{name: "paragraphs", parts: nonNil(tests[i].paragraphs), array: true})
	}))
	defer srv.Close()
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := srv.Client().Get(srv.URL + "/?case=" + strconv.Itoa(i))
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				t.Fatal(err)
			}
			want := encodedAnswer(t, head, tc.paragraphs)
			if resp.StatusCode != http.StatusCreated || resp.Header.Get("Content-Type") != "application/json" {
				t.Errorf("status %d, Content-Type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
			}
			if !bytes.Equal(got, want) {
				t.Errorf("body differs from encoding/json (%d bytes, want %d):\n got %.300q\nwant %.300q", len(got), len(want), got, want)
			}
			if tc.length {
				if resp.ContentLength != int64(len(want)) || len(resp.TransferEncoding) != 0 {
					t.Errorf("Content-Length %d, Transfer-Encoding %q; want a length of %d", resp.ContentLength, resp.TransferEncoding, len(want))
				}
			} else if resp.ContentLength != -1 || len(resp.TransferEncoding) != 1 || resp.TransferEncoding[0] != "chunked" {
				t.Errorf("Content-Length %d, Transfer-Encoding %q; want chunked", resp.ContentLength, resp.TransferEncoding)
			}
		})
	}
}

// discardResponse is an http.ResponseWriter that keeps nothing it is sent.
type discardResponse struct {
	header http.Header
	n      int
}

func (d *discardResponse) Header() http.Header { return d.header }
func (d *discardResponse) WriteHeader(int)     {}
func (d *discardResponse) Write(p []byte) (int, error) {
	d.n += len(p)
	return len(p), nil
}

// TestWriteStreamed_LargeAnswerNotHeld: a 10 MB body is streamed, not
// encoded into memory first: writing it allocates a small fraction of its
// size (holding it, or an encoded copy, would allocate all of it).
func TestWriteStreamed_LargeAnswerNotHeld(t *testing.T) {
	// Many paragraphs with escapes, and one of 5 MB without: the escaper
	// hands that one to the writer whole.
	paragraphs := make([]string, 0, 5_001)
	for range 5_000 {
		paragraphs = append(paragraphs, strings.Repeat("Grüße, \"world\" ", 64))
	}
	paragraphs = append(paragraphs, strings.Repeat("plain words ", 5<<20/12))
	size := 0
	for _, p := range paragraphs {
		size += len(p)
	}
	w := &discardResponse{header: http.Header{}}
	writeStreamed(w, http.StatusOK, streamedHead{ID: "warm"}) // the pool's buffer exists
	w.n = 0
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	writeStreamed(w, http.StatusOK, streamedHead{ID: "large"}, longText{name: "body", parts: paragraphs, sep: "\n\n"})
	runtime.ReadMemStats(&after)
	if w.n < size {
		t.Fatalf("wrote %d bytes of a %d-byte body", w.n, size)
	}
	if w.header.Get("Content-Length") != "" {
		t.Errorf("a %d-byte answer declared Content-Length %s", w.n, w.header.Get("Content-Length"))
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(size/10) {
		t.Errorf("writing a %d-byte answer allocated %d bytes", w.n, alloc)
	}
}
