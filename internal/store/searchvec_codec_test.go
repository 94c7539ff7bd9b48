package store

import (
	"bytes"
	"testing"

	"github.com/jackc/pgx/v5/pgtype"

	"github.com/pressroom/pressroom/internal/tsvector"
)

// TestEncodeVectorParam: the binary tsvector written straight from a
// Vector is byte for byte what pgx writes for the same vector as a
// pgtype.TSVector, and nil is NULL.
func TestEncodeVectorParam(t *testing.T) {
	a := uint16(tsvector.A) << 14
	b := uint16(tsvector.B) << 14
	tests := []struct {
		name string
		v    tsvector.Vector
	}{
		{"empty", tsvector.Vector{}},
		{"one lexeme, no positions", tsvector.Vector{{Lexeme: "ferri"}}},
		{"weights and positions", tsvector.Vector{
			{Lexeme: "dock", Positions: []uint16{a | 2, b | 7, b | tsvector.MaxPos}},
			{Lexeme: "état", Positions: []uint16{1}},
			{Lexeme: "harbour", Positions: []uint16{a | 1, b | 3}},
		}},
	}
	m := pgtype.NewMap()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, err := m.Encode(pgtype.TSVectorOID, pgtype.BinaryFormatCode, pgVector(tt.v), nil)
			if err != nil {
				t.Fatal(err)
			}
			got, err := encodeVectorParam{}.Encode(vectorParam(tt.v), []byte{})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("encoded\n%x\nwant\n%x", got, want)
			}
		})
	}
	if got, err := (encodeVectorParam{}).Encode(vectorParam(nil), []byte{}); got != nil || err != nil {
		t.Errorf("nil vector: %x, %v; want NULL", got, err)
	}
}
