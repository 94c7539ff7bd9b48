package extract

import (
	"os"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
)

// TestToUTF8_Mislabelled: what a page's bytes are wins over a label that
// cannot be true.
func TestToUTF8_Mislabelled(t *testing.T) {
	tests := []struct {
		name, ctype, body, want string
	}{
		{"Latin-1 labelled UTF-8", "text/plain; charset=utf-8", "caf\xe9 cr\xe8me", "café crème"},
		{"Latin-1 labelled utf8 alias", "text/plain; charset=UTF8", "caf\xe9", "café"},
		{"Latin-1 unlabelled", "text/plain", "caf\xe9", "café"},
		{"Windows-1252 quotes unlabelled", "", "\x93quoted\x94", "\u201cquoted\u201d"},
		{"Latin-1 labelled Latin-1", "text/plain; charset=iso-8859-1", "caf\xe9", "café"},
		{"damaged UTF-8 labelled UTF-8", "text/plain; charset=utf-8", "café crème brûlée \xff", "café crème brûlée \uFFFD"},
		{"damaged UTF-8 unlabelled", "", "café crème \xe9 brûlée", "café crème \uFFFD brûlée"},
		{"UTF-16LE labelled", "text/plain; charset=utf-16le", "c\x00a\x00f\x00\xe9\x00", "café"},
		{"unknown label", "text/plain; charset=x-nonsense", "caf\xe9", "café"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var notes []string
			if got := toUTF8([]byte(tt.body), tt.ctype, &notes); got != tt.want {
				t.Fatalf("toUTF8(%q, %q) = %q, want %q (notes %q)", tt.body, tt.ctype, got, tt.want, notes)
			}
		})
	}
}

// FuzzTextExtract keeps the fuzzer on the text front-end: the dump is
// labelled text/plain (with a charset the fuzzer picks among real ones), so
// only bodies that start like an HTML document leave it.
func FuzzTextExtract(f *testing.F) {
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed, uint8(0))
	f.Add([]byte("Harbour plan clears the vote\n\nBy Ana Silva\n\nMarch 4, 2025\n\nThe council voted on Tuesday, ending a debate that lasted two years.\n"), uint8(0))
	f.Add([]byte("caf\xe9 cr\xe8me\n\nLatin-1 text that says it is UTF-8, with sentences.\n"), uint8(1))
	f.Add([]byte("\xff\xfeH\x00i\x00\n\x00"), uint8(3))
	f.Add([]byte("a\x00b\x00\r\r\n\u2028\u00a0\u200b\ufeff\n\n\n"), uint8(0))
	charsets := []string{"", "; charset=utf-8", "; charset=iso-8859-1", "; charset=utf-16le", "; charset=shift_jis", "; charset=nonsense"}
	f.Fuzz(func(t *testing.T, body []byte, cs uint8) {
		d := article.NewDump("fuzz", "https://e.example/2025/03/04/harbour-plan", "text/plain"+charsets[int(cs)%len(charsets)], body, testReceivedAt)
		checkInvariants(t, d, Extract(d))
	})
}
