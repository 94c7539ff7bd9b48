package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
)

// An article read by id (GET /v1/articles/{id}) is a row of 33 columns.
// Through pgx, every such query planned a scan for each column again and
// copied each text value into a string of its own: the scan was 40% of
// the store's CPU per GET, pgx's round trip most of the rest
// (docs/performance.md, fifth pass). The store runs that query
// itself, as it runs the group commit's INSERT (ingest_params.go), and
// decodes the binary row with binaryRow.

// PostgreSQL type OIDs binaryRow decodes.
const (
	oidBool        = 16
	oidBytea       = 17
	oidInt8        = 20
	oidInt4        = 23
	oidText        = 25
	oidJSON        = 114
	oidVarchar     = 1043
	oidTextArray   = 1009
	oidVarcharArr  = 1015
	oidTimestamp   = 1114
	oidTimestamptz = 1184
	oidUUID        = 2950
	oidJSONB       = 3802
)

// binaryRow is a pgx.Row over one row in binary format, for the types
// the article queries return. Its text values, arrays' elements
// included, become slices of one string: a row costs one copy of its
// text, not one allocation per value.
type binaryRow struct {
	fields []pgconn.FieldDescription
	values [][]byte
	text   string // the row's text values, in column order
	off    int    // how much of text the columns read so far took
}

func isText(oid uint32) bool      { return oid == oidText || oid == oidVarchar }
func isTextArray(oid uint32) bool { return oid == oidTextArray || oid == oidVarcharArr }

// Scan decodes the row into dest, which must have a destination per
// column, of a type the column's type decodes into (see scanColumn).
func (r *binaryRow) Scan(dest ...any) error {
	if len(dest) != len(r.values) || len(r.fields) != len(r.values) {
		return fmt.Errorf("scan a row of %d columns into %d destinations", len(r.values), len(dest))
	}
	r.copyText()
	for i, d := range dest {
		if err := r.scanColumn(r.fields[i].DataTypeOID, r.values[i], d); err != nil {
			return fmt.Errorf("scan column %s: %w", r.fields[i].Name, err)
		}
	}
	return nil
}

// copyText copies every text value of the row, in column order, into one
// string. An array's length is an upper bound of its elements' text.
func (r *binaryRow) copyText() {
	n := 0
	for i, v := range r.values {
		if oid := r.fields[i].DataTypeOID; isText(oid) || isTextArray(oid) {
			n += len(v)
		}
	}
	var b strings.Builder
	b.Grow(n)
	for i, v := range r.values {
		switch oid := r.fields[i].DataTypeOID; {
		case v == nil:
		case isText(oid):
			b.Write(v)
		case isTextArray(oid):
			// A malformed array is reported by scanColumn.
			_ = eachArrayElement(v, func(e []byte) error { b.Write(e); return nil })
		}
	}
	r.text, r.off = b.String(), 0
}

// take returns the next n bytes of the row's text.
func (r *binaryRow) take(n int) (string, error) {
	if r.off+n > len(r.text) {
		return "", errors.New("text out of step with the row")
	}
	s := r.text[r.off : r.off+n]
	r.off += n
	return s, nil
}

var errNull = errors.New("NULL into a destination that cannot hold it")

// scanColumn decodes one value (nil: NULL) of type oid into dest.
func (r *binaryRow) scanColumn(oid uint32, v []byte, dest any) error {
	switch d := dest.(type) {
	case *string:
		if !isText(oid) {
			break
		}
		if v == nil {
			return errNull
		}
		s, err := r.take(len(v))
		*d = s
		return err
	case **string:
		if !isText(oid) {
			break
		}
		if v == nil {
			*d = nil
			return nil
		}
		s, err := r.take(len(v))
		*d = &s
		return err
	case *[]string:
		if !isTextArray(oid) {
			break
		}
		if v == nil {
			*d = nil
			return nil
		}
		return r.scanTextArray(v, d)
	case *pgtype.UUID:
		if oid != oidUUID {
			break
		}
		if v == nil {
			*d = pgtype.UUID{}
			return nil
		}
		if len(v) != 16 {
			return fmt.Errorf("uuid of %d bytes", len(v))
		}
		*d = pgtype.UUID{Valid: true}
		copy(d.Bytes[:], v)
		return nil
	case *bool:
		if oid != oidBool {
			break
		}
		if v == nil {
			return errNull
		}
		if len(v) != 1 {
			return fmt.Errorf("boolean of %d bytes", len(v))
		}
		*d = v[0] != 0
		return nil
	case *int:
		if oid != oidInt4 && oid != oidInt8 {
			break
		}
		if v == nil {
			return errNull
		}
		n, err := decodeInt(v)
		*d = n
		return err
	case *time.Time:
		if oid != oidTimestamptz && oid != oidTimestamp {
			break
		}
		if v == nil {
			return errNull
		}
		t, err := decodeTimestamp(v)
		*d = t
		return err
	case **time.Time:
		if oid != oidTimestamptz && oid != oidTimestamp {
			break
		}
		if v == nil {
			*d = nil
			return nil
		}
		t, err := decodeTimestamp(v)
		*d = &t
		return err
	case *[]byte:
		switch oid {
		case oidJSONB:
			// Binary jsonb is a version byte, 1, before the JSON text.
			if v != nil {
				if len(v) == 0 || v[0] != 1 {
					return errors.New("jsonb of an unknown binary version")
				}
				v = v[1:]
			}
		case oidJSON, oidBytea:
		default:
			return fmt.Errorf("cannot scan type %d into %T", oid, dest)
		}
		if v == nil {
			*d = nil
			return nil
		}
		*d = append([]byte(nil), v...)
		return nil
	}
	return fmt.Errorf("cannot scan type %d into %T", oid, dest)
}

// scanTextArray decodes a one-dimensional text array without NULLs, as
// the article's list columns are; an empty one becomes an empty slice, as
// pgx makes it.
func (r *binaryRow) scanTextArray(v []byte, d *[]string) error {
	n, err := arrayLength(v)
	if err != nil {
		return err
	}
	out := make([]string, 0, n)
	err = eachArrayElement(v, func(e []byte) error {
		s, err := r.take(len(e))
		out = append(out, s)
		return err
	})
	*d = out
	return err
}

// arrayLength reads the header of a binary array: its number of
// elements, if it has at most one dimension.
func arrayLength(v []byte) (int, error) {
	if len(v) < 12 {
		return 0, errors.New("array header too short")
	}
	switch ndim := binary.BigEndian.Uint32(v); ndim {
	case 0:
		return 0, nil
	case 1:
		if len(v) < 20 {
			return 0, errors.New("array header too short")
		}
		n := int32(binary.BigEndian.Uint32(v[12:]))
		if n < 0 {
			return 0, errors.New("array of negative length")
		}
		return int(n), nil
	default:
		return 0, fmt.Errorf("array of %d dimensions", ndim)
	}
}

// eachArrayElement calls f with each element of a binary one-dimensional
// array: its length, then its bytes. A NULL element is an error.
func eachArrayElement(v []byte, f func(e []byte) error) error {
	n, err := arrayLength(v)
	if err != nil || n == 0 {
		return err
	}
	rest := v[20:]
	for range n {
		if len(rest) < 4 {
			return errors.New("array element truncated")
		}
		size := int32(binary.BigEndian.Uint32(rest))
		rest = rest[4:]
		if size < 0 {
			return errors.New("NULL element in a text array")
		}
		if int(size) > len(rest) {
			return errors.New("array element truncated")
		}
		if err := f(rest[:size]); err != nil {
			return err
		}
		rest = rest[size:]
	}
	return nil
}

func decodeInt(v []byte) (int, error) {
	switch len(v) {
	case 4:
		return int(int32(binary.BigEndian.Uint32(v))), nil
	case 8:
		return int(int64(binary.BigEndian.Uint64(v))), nil
	}
	return 0, fmt.Errorf("integer of %d bytes", len(v))
}

// decodeTimestamp reads microseconds since 2000-01-01 UTC. Infinity has no
// time.Time, as with pgx.
func decodeTimestamp(v []byte) (time.Time, error) {
	if len(v) != 8 {
		return time.Time{}, fmt.Errorf("timestamp of %d bytes", len(v))
	}
	u := int64(binary.BigEndian.Uint64(v))
	if u == math.MaxInt64 || u == math.MinInt64 {
		return time.Time{}, errors.New("infinite timestamp")
	}
	return fromPGMicros(uint64(u)), nil
}
