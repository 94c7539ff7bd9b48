package api

import (
	"crypto/sha256"
	"fmt"
	"testing"
)

// TestKeyCache_EvictsOneAtATime: a full cache gives up one entry per new
// one, and unknown tokens never push out known keys.
func TestKeyCache_EvictsOneAtATime(t *testing.T) {
	c := newKeyCache()
	c.maxSize = 100
	now := timeZero
	sum := func(s string) [sha256.Size]byte { return sha256.Sum256([]byte(s)) }
	valid := &principal{keyID: "k1", name: "scraper"}
	c.put(sum("valid"), valid, now)
	for i := range 1000 {
		c.put(sum(fmt.Sprint("bogus", i)), nil, now)
		if n := len(c.unknown); n > c.maxSize || (i >= c.maxSize && n != c.maxSize) {
			t.Fatalf("after %d unknown tokens the cache holds %d, want min(n, %d)", i+1, n, c.maxSize)
		}
	}
	if p, found := c.get(sum("valid"), now); !found || p != valid {
		t.Fatal("a flood of unknown tokens pushed out a valid key")
	}
	for i := range 150 {
		c.put(sum(fmt.Sprint("key", i)), &principal{keyID: fmt.Sprint(i)}, now)
	}
	if n := len(c.known); n != c.maxSize {
		t.Fatalf("known keys: %d cached, want %d (one evicted per insert, never all)", n, c.maxSize)
	}
	// Expired entries go first.
	later := now.Add(authCacheTTL + 1)
	c.put(sum("fresh"), valid, later)
	if _, found := c.get(sum("fresh"), later); !found {
		t.Fatal("the newest entry is not cached")
	}
	if _, found := c.get(sum("negative"), now); found {
		t.Fatal("an unseen token is cached")
	}
}
