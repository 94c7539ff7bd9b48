package store

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/pressroom/pressroom/internal/article"
)

// The group commit's INSERT (insertIngestsSQL) carries every column of
// its rows as one array parameter. pgx encodes such parameters into a
// buffer it shrinks back to 256 bytes after each statement, so every
// statement regrew it, element by element, from nothing: with the Bind
// message's own buffer, pgx allocated several times a statement's size
// for each statement, a third of the server's allocations per POST and so
// much of its collector's work (docs/performance.md, fourth pass). The
// store therefore writes the arrays itself, in PostgreSQL's binary array
// format, into a buffer it keeps in a pool, and runs the prepared
// statement with pgconn, which sends those bytes as they are.

// paramEncoder holds one statement's parameters in binary format.
type paramEncoder struct {
	buf    []byte
	ends   []int    // where each parameter ends in buf
	values [][]byte // the parameters, slices of buf (params)
	err    error    // the first value that could not be encoded
}

var paramEncoders = sync.Pool{New: func() any { return new(paramEncoder) }}

// maxPooledParamBytes bounds the buffer a pooled encoder keeps: a
// statement of a few huge bodies should not stay pinned in the pool.
const maxPooledParamBytes = 4 << 20

func getParamEncoder() *paramEncoder { return paramEncoders.Get().(*paramEncoder) }

func putParamEncoder(e *paramEncoder) {
	if cap(e.buf) > maxPooledParamBytes {
		return
	}
	e.buf, e.ends, e.values, e.err = e.buf[:0], e.ends[:0], e.values[:0], nil
	paramEncoders.Put(e)
}

// params returns the parameters encoded so far, as pgconn takes them.
func (e *paramEncoder) params() ([][]byte, error) {
	if e.err != nil {
		return nil, e.err
	}
	start := 0
	for _, end := range e.ends {
		e.values = append(e.values, e.buf[start:end:end])
		start = end
	}
	return e.values, nil
}

// epoch2000 is PostgreSQL's timestamp epoch, in Unix microseconds.
const epoch2000 = 946_684_800_000_000

// appendArray appends a one-dimensional array of vals, lower bound 1, in
// PostgreSQL's binary format (array_recv): dimensions, a has-NULLs flag,
// the element type, then each element as a length and its bytes, -1 for
// NULL. elem appends v's binary value and reports false for NULL. An empty
// array has no dimensions, as array_send writes it.
func appendArray[T any](e *paramEncoder, elemOID uint32, vals []T, elem func(b []byte, v T) ([]byte, bool)) {
	b := e.buf
	start := len(b)
	ndim := uint32(1)
	if len(vals) == 0 {
		ndim = 0
	}
	b = binary.BigEndian.AppendUint32(b, ndim)
	b = binary.BigEndian.AppendUint32(b, 0) // has NULLs: set below
	b = binary.BigEndian.AppendUint32(b, elemOID)
	if ndim == 1 {
		b = binary.BigEndian.AppendUint32(b, uint32(len(vals)))
		b = binary.BigEndian.AppendUint32(b, 1)
	}
	hasNull := false
	for _, v := range vals {
		at := len(b)
		b = append(b, 0, 0, 0, 0)
		var ok bool
		if b, ok = elem(b, v); !ok {
			b = binary.BigEndian.AppendUint32(b[:at], math.MaxUint32) // -1
			hasNull = true
			continue
		}
		n := len(b) - at - 4
		if n > math.MaxInt32 {
			e.fail(fmt.Errorf("array element of %d bytes", n))
		}
		binary.BigEndian.PutUint32(b[at:], uint32(n))
	}
	if hasNull {
		binary.BigEndian.PutUint32(b[start+4:], 1)
	}
	e.buf = b
	e.ends = append(e.ends, len(b))
}

func (e *paramEncoder) fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

func textElem(b []byte, s string) ([]byte, bool) { return append(b, s...), true }

func textOrNullElem(b []byte, s *string) ([]byte, bool) {
	if s == nil {
		return b, false
	}
	return append(b, *s...), true
}

// byteaElem writes nil as NULL, as pgx does.
func byteaElem(b, v []byte) ([]byte, bool) { return append(b, v...), v != nil }

func uuidElem(b []byte, id pgtype.UUID) ([]byte, bool) { return append(b, id.Bytes[:]...), id.Valid }

func boolElem(b []byte, v bool) ([]byte, bool) {
	if v {
		return append(b, 1), true
	}
	return append(b, 0), true
}

func timeElem(b []byte, t time.Time) ([]byte, bool) {
	return binary.BigEndian.AppendUint64(b, uint64(t.UnixMicro()-epoch2000)), true
}

func timeOrNullElem(b []byte, t *time.Time) ([]byte, bool) {
	if t == nil {
		return b, false
	}
	return timeElem(b, *t)
}

func vectorElem(b []byte, v vectorParam) ([]byte, bool) {
	if v == nil {
		return b, false
	}
	return appendVector(b, v), true
}

func int4Elem(b []byte, v int) ([]byte, bool) {
	return binary.BigEndian.AppendUint32(b, uint32(int32(v))), true
}

// appendInt4Array is appendArray for int4, which fails on a value out of
// its range.
func (e *paramEncoder) appendInt4Array(vals []int) {
	for _, v := range vals {
		if v < math.MinInt32 || v > math.MaxInt32 {
			e.fail(fmt.Errorf("%d is out of range for an int4", v))
		}
	}
	appendArray(e, pgtype.Int4OID, vals, int4Elem)
}

// encode writes p's columns as insertIngestsSQL's parameters $1 to $40,
// in args' order, and vectors, if not nil, as $41. Each column's Go type
// names its element type.
func (p *batchParams) encode(e *paramEncoder, vectors []vectorParam) {
	for _, col := range p.args() {
		switch col := col.(type) {
		case []pgtype.UUID:
			appendArray(e, pgtype.UUIDOID, col, uuidElem)
		case []time.Time:
			appendArray(e, pgtype.TimestamptzOID, col, timeElem)
		case []*time.Time:
			appendArray(e, pgtype.TimestamptzOID, col, timeOrNullElem)
		case []string:
			appendArray(e, pgtype.TextOID, col, textElem)
		case []*string:
			appendArray(e, pgtype.TextOID, col, textOrNullElem)
		case [][]byte:
			appendArray(e, pgtype.ByteaOID, col, byteaElem)
		case []int:
			e.appendInt4Array(col)
		case []bool:
			appendArray(e, pgtype.BoolOID, col, boolElem)
		default:
			e.fail(fmt.Errorf("no binary array encoding for a column of %T", col))
		}
	}
	if vectors != nil {
		appendArray(e, pgtype.TSVectorOID, vectors, vectorElem)
	}
}

// binaryFormat: every parameter and result column in binary.
var binaryFormat = []int16{pgtype.BinaryFormatCode}

// insertEncoded runs sql, insertIngestsSQL or insertIngestsGoSearchSQL,
// with p's columns (and vectors as $41 for the latter) encoded by the
// store, and returns what insertBatch returns. The statement is prepared
// once per connection, under its own text as pgx's cache would.
func (s *Store) insertEncoded(ctx context.Context, sql string, p *batchParams, vectors []vectorParam) (map[article.ID]articleTimes, error) {
	e := getParamEncoder()
	defer putParamEncoder(e)
	p.encode(e, vectors)
	params, err := e.params()
	if err != nil {
		return nil, fmt.Errorf("insert dumps and articles: encode: %w", err)
	}
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("insert dumps and articles: %w", err)
	}
	defer conn.Release()
	sd, err := conn.Conn().Prepare(ctx, sql, sql)
	if err != nil {
		return nil, fmt.Errorf("insert dumps and articles: prepare: %w", err)
	}
	if len(sd.ParamOIDs) != len(params) || len(sd.Fields) != 3 {
		return nil, fmt.Errorf("insert dumps and articles: statement takes %d parameters and returns %d columns, have %d and want 3",
			len(sd.ParamOIDs), len(sd.Fields), len(params))
	}
	rr := conn.Conn().PgConn().ExecStatement(ctx, sd, params, binaryFormat, binaryFormat)
	created := make(map[article.ID]articleTimes, len(p.id))
	var decodeErr error
	for rr.NextRow() {
		if decodeErr != nil {
			continue // read to the end: the connection goes back to the pool
		}
		id, t, err := decodeCreated(rr.Values())
		if err != nil {
			decodeErr = err
			continue
		}
		created[id] = t
	}
	if _, err := rr.Close(); err != nil {
		return nil, fmt.Errorf("insert dumps and articles: %w", err)
	}
	if decodeErr != nil {
		return nil, fmt.Errorf("insert dumps and articles: %w", decodeErr)
	}
	return created, nil
}

// decodeCreated reads a row of insertIngestsSQL's result in binary: a
// dump's id and its article's created_at and updated_at, NULL without an
// article.
func decodeCreated(row [][]byte) (article.ID, articleTimes, error) {
	var (
		id article.ID
		t  articleTimes
	)
	if len(row) != 3 || len(row[0]) != len(id) {
		return id, t, fmt.Errorf("unexpected result row of %d columns", len(row))
	}
	copy(id[:], row[0])
	if row[1] == nil || row[2] == nil {
		return id, t, nil
	}
	if len(row[1]) != 8 || len(row[2]) != 8 {
		return id, t, fmt.Errorf("unexpected timestamptz of %d and %d bytes", len(row[1]), len(row[2]))
	}
	t.createdAt = fromPGMicros(binary.BigEndian.Uint64(row[1]))
	t.updatedAt = fromPGMicros(binary.BigEndian.Uint64(row[2]))
	return id, t, nil
}

func fromPGMicros(u uint64) time.Time { return time.UnixMicro(int64(u) + epoch2000).UTC() }

// encodesParams reports whether a pool's connections run the INSERT with
// parameters the store encodes: they need a prepared statement kept on
// the connection, which is pgx's default mode; the modes for a PgBouncer
// without prepared statements keep pgx's own path.
func encodesParams(cfg *pgx.ConnConfig) bool {
	return cfg.DefaultQueryExecMode == pgx.QueryExecModeCacheStatement
}
