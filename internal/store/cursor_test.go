package store

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/article"
)

func TestCursor_RoundTrip(t *testing.T) {
	id := article.NewID(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	tests := []cursor{
		{kind: cursorTime, at: time.Date(2025, 7, 2, 23, 30, 0, 123456000, time.UTC), id: id},
		{kind: cursorTime, at: time.Unix(0, 0).UTC(), tag: [4]byte{1, 2, 3, 4}},
		{kind: cursorTime, at: minCursorTime, id: id},
		{kind: cursorTime, at: maxCursorTime, id: id},
		{kind: cursorTime, at: time.Date(1850, 1, 1, 0, 0, 0, 0, time.UTC), id: id},
		{kind: cursorRank, rank: 0, id: id},
		{kind: cursorRank, rank: 0.1, tag: [4]byte{0xff, 0, 0xff, 0}, id: id},
		{kind: cursorRank, rank: math.MaxFloat32, id: id},
		{kind: cursorRank, rank: math.SmallestNonzeroFloat32, id: id},
	}
	for _, c := range tests {
		s := encodeCursor(c)
		got, err := decodeCursor(s)
		if err != nil {
			t.Errorf("decodeCursor(encodeCursor(%+v)) = %v", c, err)
			continue
		}
		if got.kind != c.kind || got.tag != c.tag || !got.at.Equal(c.at) || got.rank != c.rank || got.id != c.id {
			t.Errorf("round trip of %+v gave %+v", c, got)
		}
		if strings.ContainsAny(s, "+/=") {
			t.Errorf("cursor %q is not URL-safe", s)
		}
	}
}

func TestCursor_Invalid(t *testing.T) {
	good := encodeCursor(cursor{kind: cursorTime, at: time.Unix(1e9, 0), id: article.ID{1}})
	raw := func(b ...byte) string { return cursorEncoding.EncodeToString(b) }
	rank := func(bits uint32) string {
		b := make([]byte, cursorRankLen)
		b[0], b[1] = cursorVersion, byte(cursorRank)
		b[6], b[7], b[8], b[9] = byte(bits>>24), byte(bits>>16), byte(bits>>8), byte(bits)
		return raw(b...)
	}
	timeAt := func(micros uint64) string {
		b := make([]byte, cursorTimeLen)
		b[0], b[1] = cursorVersion, byte(cursorTime)
		for i := range 8 {
			b[6+i] = byte(micros >> (56 - 8*i))
		}
		return raw(b...)
	}
	tests := map[string]string{
		"empty":               "",
		"not base64":          "!!!!",
		"padded":              good + "==",
		"line break inside":   good[:10] + "\n" + good[10:],
		"standard alphabet":   good[:len(good)-1] + "+",
		"truncated":           good[:len(good)-2],
		"extra byte":          raw(append(mustDecode(t, good), 0)...),
		"one byte":            raw(cursorVersion),
		"version 0":           raw(append([]byte{0}, mustDecode(t, good)[1:]...)...),
		"version 2":           raw(append([]byte{2}, mustDecode(t, good)[1:]...)...),
		"unknown kind":        raw(append([]byte{cursorVersion, 9}, mustDecode(t, good)[2:]...)...),
		"rank kind, time len": raw(append([]byte{cursorVersion, byte(cursorRank)}, mustDecode(t, good)[2:]...)...),
		"negative zero rank":  rank(0x80000000),
		"negative rank":       rank(math.Float32bits(-1)),
		"NaN rank":            rank(0x7fc00000),
		"infinite rank":       rank(math.Float32bits(float32(math.Inf(1)))),
		"time too late":       timeAt(math.MaxInt64),
		"time too early":      timeAt(1 << 63),
		"far too long":        strings.Repeat("A", 1000),
	}
	for name, s := range tests {
		if _, err := decodeCursor(s); !errors.Is(err, article.ErrInvalid) {
			t.Errorf("%s: decodeCursor(%q) err = %v, want ErrInvalid", name, s, err)
		}
	}
	// A 26-byte rank cursor leaves 2 bits of its last character unused;
	// setting them spells the same bytes differently.
	r := encodeCursor(cursor{kind: cursorRank, rank: 1, id: article.ID{3}})
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	last := strings.IndexByte(alphabet, r[len(r)-1])
	if _, err := decodeCursor(r[:len(r)-1] + string(alphabet[last|1])); !errors.Is(err, article.ErrInvalid) {
		t.Errorf("non-canonical spelling of %q: err = %v, want ErrInvalid", r, err)
	}
}

func mustDecode(t *testing.T, s string) []byte {
	t.Helper()
	b, err := cursorEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestFilterTag(t *testing.T) {
	base := article.Filter{Source: "a", Author: "b", Language: "en", Query: "q", Since: time.Unix(100, 0), Until: time.Unix(200, 0)}
	tag := filterTag(&base, cursorRank)
	same := base
	same.Limit, same.Cursor = 7, "x"
	same.Since = base.Since.In(time.FixedZone("", 3600))
	if filterTag(&same, cursorRank) != tag {
		t.Error("limit, cursor or the zone of a time changed the tag")
	}
	for name, edit := range map[string]func(f *article.Filter){
		"source":       func(f *article.Filter) { f.Source = "b" },
		"fields shift": func(f *article.Filter) { f.Source, f.Author = "ab", "" },
		"author":       func(f *article.Filter) { f.Author = "B" },
		"language":     func(f *article.Filter) { f.Language = "" },
		"query":        func(f *article.Filter) { f.Query = "q2" },
		"since":        func(f *article.Filter) { f.Since = f.Since.Add(time.Microsecond) },
		"until":        func(f *article.Filter) { f.Until = time.Time{} },
		"since zero":   func(f *article.Filter) { f.Since = time.Time{} },
		"section":      func(f *article.Filter) { f.Section = "s" },
		"tag":          func(f *article.Filter) { f.Tag = "t" },
	} {
		f := base
		edit(&f)
		if filterTag(&f, cursorRank) == tag {
			t.Errorf("changing %s kept the tag", name)
		}
	}
	if filterTag(&base, cursorTime) == tag {
		t.Error("the order kind does not change the tag")
	}
	// Every field set: the tag must be the same on every page (a map's
	// random order once made it differ).
	full := base
	full.Section, full.Tag = "politics", "election"
	fullTag := filterTag(&full, cursorRank)
	for range 64 {
		if filterTag(&full, cursorRank) != fullTag {
			t.Fatal("one filter gave two tags")
		}
	}
}

// FuzzDecodeCursor checks that any string either decodes to a cursor whose
// encoding is exactly that string, or fails with ErrInvalid: never a panic,
// never a cursor that would reach the database out of range.
func FuzzDecodeCursor(f *testing.F) {
	f.Add(encodeCursor(cursor{kind: cursorTime, at: time.Unix(1e9, 0), id: article.ID{1}}))
	f.Add(encodeCursor(cursor{kind: cursorRank, rank: 0.5, id: article.ID{2}}))
	f.Fuzz(func(t *testing.T, s string) {
		c, err := decodeCursor(s)
		if err != nil {
			if !errors.Is(err, article.ErrInvalid) {
				t.Fatalf("decodeCursor(%q) err = %v, want ErrInvalid", s, err)
			}
			return
		}
		if got := encodeCursor(c); got != s {
			t.Fatalf("decodeCursor(%q) = %+v, which encodes as %q", s, c, got)
		}
		switch c.kind {
		case cursorTime:
			if c.at.Before(minCursorTime) || c.at.After(maxCursorTime) {
				t.Fatalf("time %v out of range", c.at)
			}
		case cursorRank:
			if !(c.rank >= 0) || math.IsInf(float64(c.rank), 0) {
				t.Fatalf("rank %v out of range", c.rank)
			}
		default:
			t.Fatalf("kind %d accepted", c.kind)
		}
	})
}
