package tsvector

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
