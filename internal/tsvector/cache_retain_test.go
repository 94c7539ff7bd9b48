package tsvector

import (
	"context"
	"strings"
	"testing"
	"unsafe"
)

// TestCacheKeepsNoArticleText: the words a cache keeps are copies, not
// slices of the article they came from, so an entry never keeps a whole
// article (which may be megabytes) alive. Without the copy in put, every
// cached word points into the body.
func TestCacheKeepsNoArticleText(t *testing.T) {
	cfg := &Config{}
	cfg.Dicts[ASCIIWord] = []uint32{1}
	body := strings.Repeat("harbour ferries dock nightly under quiet lanterns ", 2000)
	title := "Ferries return"
	c := NewCache(DefaultCacheEntries, DefaultCacheBytes)
	lexize := func(_ context.Context, keys []Key) ([]Lexized, error) {
		out := make([]Lexized, len(keys))
		for i, k := range keys {
			out[i] = Lexized{Lexemes: []string{strings.ToLower(k.Word)}, Known: true}
		}
		return out, nil
	}
	if _, err := c.Vectors(context.Background(), []Doc{{Config: cfg, Title: title, Body: body}}, lexize); err != nil {
		t.Fatal(err)
	}
	within := func(w, text string) bool {
		p, lo := uintptr(unsafe.Pointer(unsafe.StringData(w))), uintptr(unsafe.Pointer(unsafe.StringData(text)))
		return p >= lo && p < lo+uintptr(len(text))
	}
	if c.Len() == 0 {
		t.Fatal("nothing cached")
	}
	for _, g := range []generation{c.cur, c.prev} {
		for _, m := range g {
			for w := range m {
				if within(w, body) || within(w, title) {
					t.Errorf("cached word %q is a slice of the article's text", w)
				}
			}
		}
	}
}
