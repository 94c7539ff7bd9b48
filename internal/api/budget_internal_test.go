package api

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"
)

// TestReadBody_NoAllocationFromDeclaredLength: a body declared at the limit
// (gzip: whose inflated size could be four times that) that turns out to
// be a few bytes costs a few bytes, not a buffer of the declared size.
func TestReadBody_NoAllocationFromDeclaredLength(t *testing.T) {
	const limit = 32 << 20
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("a short page"))
	zw.Close()
	tests := []struct {
		name, encoding string
		body           []byte
	}{
		{"plain", "", []byte("a short page")},
		{"gzip", "gzip", gz.Bytes()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &API{maxDumpBytes: limit, log: discardLogger()}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for range 4 {
				r := httptest.NewRequest(http.MethodPost, "/v1/articles", bytes.NewReader(tc.body))
				r.ContentLength = limit
				if tc.encoding != "" {
					r.Header.Set("Content-Encoding", tc.encoding)
				}
				got, err := a.readBody(httptest.NewRecorder(), r, limit)
				if err != nil || string(got) != "a short page" {
					t.Fatalf("readBody = %q, %v", got, err)
				}
			}
			runtime.ReadMemStats(&after)
			// Four reads of a buffer sized from Content-Length would be
			// 128 MiB; gzip's own state is well under 1 MiB a read.
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
				t.Errorf("4 reads of a 12-byte body allocated %d bytes", alloc)
			}
		})
	}
}
