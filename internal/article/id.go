package article

import (
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"sync"
	"time"
)

// ID identifies dumps and articles. It is a UUIDv7 (RFC 9562): time-ordered,
// so new rows land at the right edge of the primary-key index, and not
// guessable.
type ID [16]byte

// IsZero reports whether id is the zero ID.
func (id ID) IsZero() bool { return id == ID{} }

// String formats id in the canonical 8-4-4-4-12 form.
func (id ID) String() string {
	var b [36]byte
	hex.Encode(b[0:8], id[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], id[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], id[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], id[8:10])
	b[23] = '-'
	hex.Encode(b[24:], id[10:])
	return string(b[:])
}

// MarshalText implements encoding.TextMarshaler.
func (id ID) MarshalText() ([]byte, error) { return []byte(id.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (id *ID) UnmarshalText(b []byte) error {
	p, err := ParseID(string(b))
	if err != nil {
		return err
	}
	*id = p
	return nil
}

// ParseID parses the canonical form of an ID. Anything else, including
// braces, URNs and upper-case-only variants of other lengths, is ErrInvalid.
func ParseID(s string) (ID, error) {
	var id ID
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return id, fmt.Errorf("%w: malformed id", ErrInvalid)
	}
	parts := [][2]int{{0, 8}, {9, 13}, {14, 18}, {19, 23}, {24, 36}}
	o := 0
	for _, p := range parts {
		n, err := hex.Decode(id[o:], []byte(s[p[0]:p[1]]))
		if err != nil {
			return ID{}, fmt.Errorf("%w: malformed id", ErrInvalid)
		}
		o += n
	}
	return id, nil
}

// idGen keeps IDs made in the same millisecond increasing, so that IDs from
// one process sort in creation order.
var idGen struct {
	sync.Mutex
	lastMS  int64
	counter uint16
}

// NewID returns a new UUIDv7 for time now.
func NewID(now time.Time) ID {
	ms := now.UnixMilli()
	idGen.Lock()
	if ms <= idGen.lastMS {
		ms = idGen.lastMS
		idGen.counter++
		if idGen.counter > 0x0fff {
			ms++
			idGen.counter = 0
		}
	} else {
		idGen.counter = 0
	}
	idGen.lastMS = ms
	counter := idGen.counter
	idGen.Unlock()

	var id ID
	var msb [8]byte
	binary.BigEndian.PutUint64(msb[:], uint64(ms))
	copy(id[0:6], msb[2:8])
	_, _ = rand.Read(id[6:]) // crypto/rand.Read never fails (Go 1.24+)
	id[6] = 0x70 | byte(counter>>8)&0x0f
	id[7] = byte(counter)
	id[8] = 0x80 | id[8]&0x3f
	return id
}
