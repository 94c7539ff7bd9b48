package web

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/article"
)

func FuzzHTMLExtract(f *testing.F) {
	files, _ := filepath.Glob("testdata/html/*.html")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`<html><head><script type="application/ld+json">{"@type":"Article","author":{"@id":"x"},"datePublished":"2019-02-30T99:99"}</script></head><body><p>x</p></body></html>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		x := Extract(article.NewDump("", "https://h.example/a", "text/html", b, time.Time{}))
		if x.Err != nil {
			if !errors.Is(x.Err, article.ErrUnextractable) {
				t.Fatalf("Err = %v, want ErrUnextractable", x.Err)
			}
			// Extract recovers panics into this message; a fuzzer
			// finding one has found a bug.
			if strings.Contains(x.Err.Error(), "internal error") {
				t.Fatalf("recovered panic: %v", x.Err)
			}
			if x.BodyMarkdown != "" {
				t.Fatalf("BodyMarkdown %q with Err %v", x.BodyMarkdown, x.Err)
			}
			return
		}
		if len(x.Paragraphs) == 0 {
			t.Fatal("no error and no paragraphs")
		}
		checkMarkdown(t, x)
		for _, p := range x.Paragraphs {
			if strings.TrimSpace(p) != p || p == "" {
				t.Fatalf("paragraph not trimmed: %q", p)
			}
		}
	})
}
