package api

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestDecodeEnvelopeFast pins which envelopes take the one-pass decoder
// and what it makes of them; everything it declines goes to the general
// decoder, whose answers TestDecodeEnvelope_Hostile pins.
func TestDecodeEnvelopeFast(t *testing.T) {
	page := strings.Repeat("Paragraph with \"quotes\", a tab\t, a backslash \\ and é, 日本, 😀.\n\n", 20)
	encoded, err := json.Marshal(map[string]string{"source": "s", "url": "https://x.example/a", "content": page,
		"content_type": "text/plain; charset=utf-8", "fetched_at": "2025-07-02T10:00:00Z"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		in   string
		fast bool // decoded by decodeEnvelopeFast
	}{
		{name: "as encoding/json writes it", in: string(encoded), fast: true},
		{name: "whitespace around everything", in: " \r\n{ \"content\" :\t\"a\" , \"url\" : null }\n", fast: true},
		{name: "every escape", in: `{"content":"\"\\\/\b\f\n\r\t\u00e9\u65E5\ud83d\ude00\u0000"}`, fast: true},
		{name: "null content", in: `{"content":null,"content_base64":"YQ=="}`, fast: true},
		{name: "empty object", in: `{}`, fast: true},
		{name: "raw UTF-8", in: `{"content":"é日本😀"}`, fast: true},
		{name: "other case of a name", in: `{"Content":"a"}`},
		{name: "escaped name", in: `{"c\u006fntent":"a"}`},
		{name: "duplicate", in: `{"content":"a","content":"b"}`},
		{name: "unknown member", in: `{"content":"a","x":"b"}`},
		{name: "number", in: `{"content":1}`},
		{name: "nested", in: `{"content":{"a":"b"}}`},
		{name: "invalid UTF-8", in: "{\"content\":\"a\xffb\"}"},
		{name: "invalid UTF-8 after an escape", in: "{\"content\":\"\\n\xff\"}"},
		{name: "lone high surrogate", in: `{"content":"\ud83d"}`},
		{name: "lone low surrogate", in: `{"content":"\ude00x"}`},
		{name: "high surrogate and a letter", in: `{"content":"\ud83d\u0041"}`},
		{name: "control character", in: "{\"content\":\"a\tb\"}"},
		{name: "unknown escape", in: `{"content":"\x41"}`},
		{name: "short unicode escape", in: `{"content":"\u12"}`},
		{name: "trailing data", in: `{"content":"a"} {}`},
		{name: "trailing comma", in: `{"content":"a",}`},
		{name: "truncated", in: `{"content":"a`},
		{name: "truncated after an escape", in: `{"content":"\n`},
		{name: "top-level array", in: `["content"]`},
		{name: "nul literal", in: `{"content":nul}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := decodeEnvelopeFast([]byte(tt.in))
			if ok != tt.fast {
				t.Fatalf("fast path taken: %v, want %v", ok, tt.fast)
			}
			if ok {
				checkSameEnvelope(t, []byte(tt.in), got)
			}
		})
	}
}

// FuzzDecodeEnvelopeFast: wherever the one-pass decoder answers, the
// general decoder accepts the same bytes and decodes the same envelope.
func FuzzDecodeEnvelopeFast(f *testing.F) {
	for _, s := range []string{
		`{"content":"page","url":"https://x.example/a","source":"s","fetched_at":"2025-07-02T10:00:00Z","content_type":"text/html"}`,
		`{"content_base64":"cGFnZQ==","url":null}`,
		`{"content":"\u00e9\ud83d\ude00\n\"\\"}`,
		`{"content":"a","Content":"b"}`,
		"{\"content\":\"\xff\"}",
		` { "content" : "a" } `,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if got, ok := decodeEnvelopeFast(raw); ok {
			checkSameEnvelope(t, raw, got)
		}
	})
}

func checkSameEnvelope(t *testing.T, raw []byte, got envelope) {
	t.Helper()
	want, err := decodeEnvelopeJSON(raw)
	if err != nil {
		t.Fatalf("fast path decoded %q, general decoder refuses it: %v", raw, err)
	}
	str := func(p *string) string {
		if p == nil {
			return "<nil>"
		}
		return "=" + *p
	}
	if got.URL != want.URL || got.Source != want.Source || got.FetchedAt != want.FetchedAt || got.ContentType != want.ContentType ||
		str(got.Content) != str(want.Content) || str(got.ContentBase64) != str(want.ContentBase64) {
		t.Fatalf("fast path decoded %q as %+v (content %q, base64 %q), general decoder as %+v (content %q, base64 %q)",
			raw, got, str(got.Content), str(got.ContentBase64), want, str(want.Content), str(want.ContentBase64))
	}
}
