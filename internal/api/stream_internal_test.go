package api

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestEncodeStreamed: the streamed object is exactly what encoding/json
// makes of the same members, whatever falls on a chunk boundary: a
// multi-byte rune, invalid UTF-8, control characters, HTML characters
// (not escaped, as in writeJSON).
func TestEncodeStreamed(t *testing.T) {
	edge := strings.Repeat("a", escapeChunk-1)
	tests := []struct {
		name  string
		parts []string
	}{
		{"empty", nil},
		{"one", []string{"plain"}},
		{"rune across the boundary", []string{edge + "é€😀" + edge + "ü"}},
		{"invalid UTF-8 at the boundary", []string{edge + "\xff\xfe" + edge + "\xe2\x82"}},
		{"controls and HTML", []string{"<b>&</b>\x00\x1f\"\\\u2028", "line\nbreak\ttab"}},
		{"long", []string{strings.Repeat("Grüße, \"world\" <3\n", 10000), strings.Repeat("x", 3*escapeChunk+7)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			head := struct {
				ID    string `json:"id"`
				Empty []int  `json:"empty"`
			}{"x<y", []int{}}
			var got bytes.Buffer
			bw := bufio.NewWriter(&got)
			err := encodeStreamed(bw, head, []longText{
				{name: "body", parts: tc.parts, sep: "\n\n"},
				{name: "paragraphs", parts: nonNil(tc.parts), array: true},
			})
			bw.Flush()
			if err != nil {
				t.Fatal(err)
			}
			want := struct {
				ID         string   `json:"id"`
				Empty      []int    `json:"empty"`
				Body       string   `json:"body"`
				Paragraphs []string `json:"paragraphs"`
			}{head.ID, head.Empty, strings.Join(tc.parts, "\n\n"), nonNil(tc.parts)}
			var wantBuf bytes.Buffer
			enc := json.NewEncoder(&wantBuf)
			enc.SetEscapeHTML(false)
			enc.Encode(want)
			if w := bytes.TrimSpace(wantBuf.Bytes()); !bytes.Equal(got.Bytes(), w) {
				t.Errorf("streamed differs from encoding/json:\n got %.300q\nwant %.300q", got.Bytes(), w)
			}
		})
	}
}
