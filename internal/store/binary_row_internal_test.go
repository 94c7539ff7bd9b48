package store

import (
	"encoding/binary"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// binaryTextArray encodes elems as a binary one-dimensional text array; nil
// elements are NULLs.
func binaryTextArray(elems ...*string) []byte {
	b := binary.BigEndian.AppendUint32(nil, 1)
	b = binary.BigEndian.AppendUint32(b, 0)
	b = binary.BigEndian.AppendUint32(b, oidText)
	b = binary.BigEndian.AppendUint32(b, uint32(len(elems)))
	b = binary.BigEndian.AppendUint32(b, 1)
	for _, e := range elems {
		if e == nil {
			b = binary.BigEndian.AppendUint32(b, 0xffffffff)
			continue
		}
		b = binary.BigEndian.AppendUint32(b, uint32(len(*e)))
		b = append(b, *e...)
	}
	return b
}

// TestBinaryRow_Malformed: values the article columns never hold, or that
// are cut short, are errors, not panics or wrong values.
func TestBinaryRow_Malformed(t *testing.T) {
	s := func(v string) *string { return &v }
	good := binaryTextArray(s("a"), s("bc"))
	tests := []struct {
		name  string
		oid   uint32
		value []byte
		dest  any
		ok    bool
	}{
		{"text array", oidTextArray, good, new([]string), true},
		{"empty array", oidTextArray, binary.BigEndian.AppendUint32(make([]byte, 8), oidText), new([]string), true},
		{"NULL element", oidTextArray, binaryTextArray(s("a"), nil), new([]string), false},
		{"array cut short", oidTextArray, good[:len(good)-1], new([]string), false},
		{"array header cut short", oidTextArray, good[:15], new([]string), false},
		{"two dimensions", oidTextArray, append(binary.BigEndian.AppendUint32(nil, 2), good[4:]...), new([]string), false},
		{"NULL text", oidText, nil, new(string), false},
		{"text into an int", oidText, []byte("1"), new(int), false},
		{"int4 of 3 bytes", oidInt4, []byte{0, 0, 1}, new(int), false},
		{"infinite timestamp", oidTimestamptz, []byte{0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, new(int), false},
		{"uuid of 15 bytes", oidUUID, make([]byte, 15), new([16]byte), false},
		{"jsonb of version 2", oidJSONB, []byte{2, '{', '}'}, new([]byte), false},
		{"unknown type", 700, []byte{0, 0, 0, 0}, new(float32), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := &binaryRow{fields: []pgconn.FieldDescription{{Name: "c", DataTypeOID: tc.oid}}, values: [][]byte{tc.value}}
			err := r.Scan(tc.dest)
			if (err == nil) != tc.ok {
				t.Fatalf("Scan = %v, want ok %v", err, tc.ok)
			}
		})
	}
}
