package store

import (
	"context"
	"encoding/binary"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/pressroom/pressroom/internal/tsvector"
)

// vectorParam is a search vector built in Go as an INSERT parameter: pgx
// writes it in tsvector's binary format straight from the Vector, without
// the pgtype.TSVector pgVector makes (a copy of every lexeme and position,
// then encoded; docs/performance.md). nil is NULL.
type vectorParam tsvector.Vector

// vectorCodec is pgx's tsvector codec that also writes vectorParam.
type vectorCodec struct{ pgtype.TSVectorCodec }

func (c vectorCodec) PlanEncode(m *pgtype.Map, oid uint32, format int16, value any) pgtype.EncodePlan {
	if _, ok := value.(vectorParam); ok && format == pgtype.BinaryFormatCode {
		return encodeVectorParam{}
	}
	return c.TSVectorCodec.PlanEncode(m, oid, format, value)
}

type encodeVectorParam struct{}

// Encode writes tsvector's binary format: the number of lexemes, then
// each lexeme NUL-terminated with its number of positions and the
// positions, weight in the top two bits as Vector keeps them.
func (encodeVectorParam) Encode(value any, buf []byte) ([]byte, error) {
	v := value.(vectorParam)
	if v == nil {
		return nil, nil
	}
	return appendVector(buf, v), nil
}

// appendVector appends v in tsvector's binary format.
func appendVector(buf []byte, v vectorParam) []byte {
	buf = binary.BigEndian.AppendUint32(buf, uint32(len(v)))
	for _, e := range v {
		buf = append(buf, e.Lexeme...)
		buf = append(buf, 0)
		buf = binary.BigEndian.AppendUint16(buf, uint16(len(e.Positions)))
		for _, p := range e.Positions {
			buf = binary.BigEndian.AppendUint16(buf, p)
		}
	}
	return buf
}

// withVectorCodec, as a query's first argument, registers vectorCodec
// for tsvector and tsvector[] on the connection the query runs on, once
// per connection: the store also runs on pools it did not open, so it
// cannot count on a pool's AfterConnect.
type withVectorCodec struct{}

func (withVectorCodec) RewriteQuery(_ context.Context, conn *pgx.Conn, sql string, args []any) (string, []any, error) {
	m := conn.TypeMap()
	if t, ok := m.TypeForOID(pgtype.TSVectorOID); !ok || !isVectorCodec(t.Codec) {
		elem := &pgtype.Type{Name: "tsvector", OID: pgtype.TSVectorOID, Codec: vectorCodec{}}
		m.RegisterType(elem)
		m.RegisterType(&pgtype.Type{Name: "_tsvector", OID: pgtype.TSVectorArrayOID, Codec: &pgtype.ArrayCodec{ElementType: elem}})
	}
	return sql, args, nil
}

func isVectorCodec(c pgtype.Codec) bool {
	_, ok := c.(vectorCodec)
	return ok
}
