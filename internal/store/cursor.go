package store

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"math"
	"time"

	"github.com/pressroom/pressroom/internal/article"
)

// A cursor is the sort key of the last article of a page: the next page
// starts strictly after it. Keys are values of the row (its time or its
// rank for the query), not positions, so pages stay free of duplicates and
// gaps while articles are inserted.
//
// Encoding (then base64url without padding):
//
//	byte 0     version (1)
//	byte 1     kind: 1 time order, 2 rank order
//	bytes 2-5  tag: the first bytes of a hash of the filter
//	kind 1     8 bytes: coalesce(published_at, received_at), Unix microseconds, big-endian
//	kind 2     4 bytes: the rank, IEEE 754 float32 bits, big-endian
//	then       16 bytes: the article id
//
// There is no MAC: a cursor only says where to resume, so a forged one
// yields another valid page of the same listing, and decoding is strict
// so that garbage is ErrInvalid rather than a database error.
type cursor struct {
	kind cursorKind
	tag  [4]byte
	at   time.Time // kind cursorTime
	rank float32   // kind cursorRank
	id   article.ID
}

type cursorKind byte

const (
	cursorVersion            = 1
	cursorTime    cursorKind = 1
	cursorRank    cursorKind = 2

	cursorTimeLen = 2 + 4 + 8 + 16
	cursorRankLen = 2 + 4 + 4 + 16
)

// PostgreSQL's timestamptz range, as far as Go's Unix microseconds reach.
var (
	minCursorTime = time.Date(-4713, 11, 24, 0, 0, 0, 0, time.UTC)
	maxCursorTime = time.Date(294246, 1, 1, 0, 0, 0, 0, time.UTC)
)

var cursorEncoding = base64.RawURLEncoding.Strict()

func encodeCursor(c cursor) string {
	b := make([]byte, 0, cursorTimeLen)
	b = append(b, cursorVersion, byte(c.kind))
	b = append(b, c.tag[:]...)
	switch c.kind {
	case cursorTime:
		b = binary.BigEndian.AppendUint64(b, uint64(c.at.UnixMicro()))
	case cursorRank:
		b = binary.BigEndian.AppendUint32(b, math.Float32bits(c.rank))
	}
	b = append(b, c.id[:]...)
	return cursorEncoding.EncodeToString(b)
}

// decodeCursor parses s. Every string it accepts is the encoding of what
// it returns, byte for byte.
func decodeCursor(s string) (cursor, error) {
	var c cursor
	invalid := func(why string) (cursor, error) {
		return cursor{}, article.InvalidField("cursor", "malformed cursor ("+why+"); pass next_cursor back unchanged")
	}
	if len(s) > cursorEncoding.EncodedLen(cursorTimeLen) {
		return invalid("too long")
	}
	b, err := cursorEncoding.DecodeString(s)
	if err != nil {
		return invalid("not base64url")
	}
	if len(b) < 2 || b[0] != cursorVersion {
		return invalid("unknown version")
	}
	c.kind = cursorKind(b[1])
	switch {
	case c.kind == cursorTime && len(b) == cursorTimeLen:
		c.at = time.UnixMicro(int64(binary.BigEndian.Uint64(b[6:14]))).UTC()
		if c.at.Before(minCursorTime) || c.at.After(maxCursorTime) {
			return invalid("time out of range")
		}
	case c.kind == cursorRank && len(b) == cursorRankLen:
		bits := binary.BigEndian.Uint32(b[6:10])
		c.rank = math.Float32frombits(bits)
		// Ranks are finite and not negative; -0 is refused too, so that
		// the encoding stays canonical.
		if bits>>31 != 0 || math.IsNaN(float64(c.rank)) || math.IsInf(float64(c.rank), 0) {
			return invalid("rank out of range")
		}
	default:
		return invalid("unknown kind or length")
	}
	copy(c.tag[:], b[2:6])
	copy(c.id[:], b[len(b)-16:])
	if encodeCursor(c) != s {
		// The decoder skips line breaks; one spelling per cursor keeps
		// cursors comparable.
		return invalid("not canonical")
	}
	return c, nil
}

// filterTag identifies the listing a cursor belongs to, so that a cursor
// replayed with another filter is refused instead of silently starting the
// other listing in the middle. The page size is not part of it: clients
// may change it between pages.
func filterTag(f *article.Filter, kind cursorKind) [4]byte {
	h := sha256.New()
	for _, s := range []string{f.Source, f.Author, f.Language, f.Query} {
		fmt.Fprintf(h, "%d:%s,", len(s), s)
	}
	// Added later: written only when set, so that cursors issued before
	// these filters existed stay valid. A slice, not a map: the order must
	// not change between pages.
	for _, field := range [...]struct{ name, value string }{{"section", f.Section}, {"tag", f.Tag}} {
		if field.value != "" {
			fmt.Fprintf(h, "%s%d:%s,", field.name, len(field.value), field.value)
		}
	}
	for _, t := range []time.Time{f.Since, f.Until} {
		if t.IsZero() {
			h.Write([]byte("-,"))
		} else {
			fmt.Fprintf(h, "%d,", t.UnixMicro())
		}
	}
	h.Write([]byte{byte(kind)})
	var tag [4]byte
	copy(tag[:], h.Sum(nil))
	return tag
}
