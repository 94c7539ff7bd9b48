package api

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestEncodeStreamed: the streamed object is exactly what encoding/json
// makes of the same members, whatever falls on a buffer boundary: a
// multi-byte rune, invalid UTF-8, control characters, HTML characters
// (not escaped, as in writeJSON).
func TestEncodeStreamed(t *testing.T) {
	const chunk = 16 << 10 // a bufio.Writer's size, give or take
	edge := strings.Repeat("a", chunk-1)
	var ascii strings.Builder
	for c := range 0x80 {
		ascii.WriteByte(byte(c))
	}
	tests := []struct {
		name  string
		parts []string
	}{
		{"empty", nil},
		{"one", []string{"plain"}},
		{"rune across the boundary", []string{edge + "é€😀" + edge + "ü"}},
		{"invalid UTF-8 at the boundary", []string{edge + "\xff\xfe" + edge + "\xe2\x82"}},
		{"controls and HTML", []string{"<b>&</b>\x00\x1f\"\\\u2028", "line\nbreak\ttab"}},
		{"every ASCII byte", []string{ascii.String()}},
		{"invalid UTF-8 and separators", []string{"\xc3\x28 \xed\xa0\x80 \xf0\x9f\x98 \u2029\u2028x", "\xff"}},
		{"long", []string{strings.Repeat("Grüße, \"world\" <3\n", 10000), strings.Repeat("x", 3*chunk+7)}},
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

// FuzzEscaper: the escaper writes what encoding/json writes between the
// quotes of any string, valid UTF-8 or not.
func FuzzEscaper(f *testing.F) {
	for _, s := range []string{"", "plain", "<b>&</b>\x00\x1f\"\\\u2028", "\xff\xfe", "é€😀\xe2\x82"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var got bytes.Buffer
		e := &escaper{w: &got}
		e.quoted(s)
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if w := bytes.TrimSuffix(want.Bytes(), []byte("\n")); e.err != nil || !bytes.Equal(got.Bytes(), w) {
			t.Errorf("escaper(%q) = %q (%v), want %q", s, got.Bytes(), e.err, w)
		}
	})
}

// TestOpenObject: whatever the sizes of the writes, all but the last two
// bytes pass through, and those two are held.
func TestOpenObject(t *testing.T) {
	const text = `{"a":"b"}` + "\n"
	for _, sizes := range [][]int{{len(text)}, {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, {9, 1}, {8, 1, 1}, {1, 9}, {0, 3, 0, 7}, {5, 5}} {
		var got bytes.Buffer
		o := &openObject{w: &got}
		rest := text
		for _, n := range sizes {
			o.Write([]byte(rest[:n]))
			rest = rest[n:]
		}
		if got.String() != text[:len(text)-2] || string(o.tail[:o.held]) != "}\n" || o.n != len(text) {
			t.Errorf("writes of %v: passed %q, held %q, counted %d", sizes, got.String(), o.tail[:o.held], o.n)
		}
	}
}

// BenchmarkEscaper escapes the load generator's ~6 KB dump, as the body
// of a GET's answer.
func BenchmarkEscaper(b *testing.B) {
	dump, err := os.ReadFile("../../cmd/loadtest/testdata/dump_seed1_0.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(dump)
	var buf bytes.Buffer
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		buf.Reset()
		e := &escaper{w: &buf}
		e.unquoted(s)
	}
}
