package tsvector

import (
	"slices"
	"strings"
)

// PostgreSQL's limits on a tsvector (src/include/tsearch/ts_type.h).
const (
	// MaxWordBytes: to_tsvector skips a token of this many bytes or more
	// (with a NOTICE), without giving it a position.
	MaxWordBytes = 2048
	// MaxPos is the largest position; later words all get this one.
	MaxPos = 1<<14 - 1
	// maxPositions is the most positions one lexeme keeps (MAXNUMPOS);
	// to_tsvector itself keeps one fewer.
	maxPositions = 256
	// MaxBytes bounds a vector's lexemes and positions (MAXSTRPOS);
	// PostgreSQL refuses a larger one.
	MaxBytes = 1<<20 - 1
	// MaxTextLexeme is the longest lexeme tsvector's text input reads
	// (2,046 bytes), one less than the longest to_tsvector makes.
	MaxTextLexeme = MaxWordBytes - 2
)

// Weight is a position's weight: A (highest) to D (none shown).
type Weight uint16

// The weights setweight takes.
const (
	D Weight = 0
	C Weight = 1
	B Weight = 2
	A Weight = 3
)

// Entry is one lexeme of a Vector with its positions, ascending. A
// position keeps its weight in the top two bits, as PostgreSQL stores it.
type Entry struct {
	Lexeme    string
	Positions []uint16
}

// Vector is a tsvector: entries sorted by lexeme, bytewise.
type Vector []Entry

// SetWeight is setweight(v, w), in place.
func (v Vector) SetWeight(w Weight) Vector {
	for _, e := range v {
		for i, p := range e.Positions {
			e.Positions[i] = p&MaxPos | uint16(w)<<14
		}
	}
	return v
}

// Concat is a || b: b's positions move past a's largest, capped at MaxPos;
// a lexeme in both keeps a's positions and then b's, at most maxPositions
// in all and none after one reached MaxPos. It reuses b's position slices
// for lexemes only in b (b is not to be used afterwards).
func Concat(a, b Vector) Vector {
	shift := 0
	for _, e := range a {
		for _, p := range e.Positions {
			shift = max(shift, int(p&MaxPos))
		}
	}
	out := make(Vector, 0, len(a)+len(b))
	addShifted := func(dst []uint16, src []uint16) []uint16 {
		for _, p := range src {
			if len(dst) >= maxPositions || (len(dst) > 0 && dst[len(dst)-1]&MaxPos == MaxPos) {
				break
			}
			dst = append(dst, p&^MaxPos|uint16(min(int(p&MaxPos)+shift, MaxPos)))
		}
		return dst
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		var c int
		switch {
		case i == len(a):
			c = 1
		case j == len(b):
			c = -1
		default:
			c = strings.Compare(a[i].Lexeme, b[j].Lexeme)
		}
		switch {
		case c < 0:
			out = append(out, a[i])
			i++
		case c > 0:
			// Shifting in place: each position is written at or before the
			// index it was read from.
			pos := b[j].Positions
			out = append(out, Entry{Lexeme: b[j].Lexeme, Positions: addShifted(pos[:0], pos)})
			j++
		default:
			pos := addShifted(slices.Clip(a[i].Positions), b[j].Positions)
			out = append(out, Entry{Lexeme: a[i].Lexeme, Positions: pos})
			i++
			j++
		}
	}
	return out
}

// Readable reports whether PostgreSQL reads v back as a tsvector value:
// within MaxBytes, and no lexeme over MaxTextLexeme.
func (v Vector) Readable() bool {
	for _, e := range v {
		if len(e.Lexeme) > MaxTextLexeme {
			return false
		}
	}
	return v.Size() <= MaxBytes
}

// Size is the bytes PostgreSQL counts against MaxBytes for v.
func (v Vector) Size() int {
	n := 0
	for _, e := range v {
		n += len(e.Lexeme)
		if len(e.Positions) > 0 {
			n += n & 1 // SHORTALIGN
			n += 2 + 2*len(e.Positions)
		}
	}
	return n
}
