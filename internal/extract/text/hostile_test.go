package text

import (
	"testing"
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
