package datetime

import "sync"

// The credit reader looks for the first date in a line and then in
// prefixes of it ("<date> by Name"): on a long paragraph each search
// tokenized the whole text again, most of a rejected paragraph's cost
// (docs/performance.md, "Extraction CPU, fourth pass"). Line tokenizes the
// line once; a prefix that ends before a space has exactly the tokens of
// the line that start before it, since no token spans a space.

// tokenBufs recycles token slices: a paragraph has hundreds of tokens.
var tokenBufs = sync.Pool{New: func() any { b := make([]Token, 0, 64); return &b }}

// Line finds the first date in a line or in one of its prefixes.
type Line struct {
	s    string
	ctx  Context
	toks *[]Token // nil until the first search past the cheap gate
	// The last search, which callers often repeat on the whole line.
	lastEnd int // -1: none yet
	last    Match
	lastOK  bool
}

// NewLine returns a Line for s; Release gives its buffer back.
func NewLine(s string, ctx Context) Line { return Line{s: s, ctx: ctx, lastEnd: -1} }

// Find is Find(s[:end], ctx) for the line s.
func (l *Line) Find(end int) (Match, bool) {
	prefix := l.s[:end]
	if end == l.lastEnd {
		return l.last, l.lastOK
	}
	l.last, l.lastOK = l.find(prefix, end)
	l.lastEnd = end
	return l.last, l.lastOK
}

// FindString is Find(s, ctx), from the memo when s is the line itself.
func (l *Line) FindString(s string) (Match, bool) {
	if s == l.s {
		return l.Find(len(s))
	}
	return Find(s, l.ctx)
}

// find is Find without the memo.
func (l *Line) find(prefix string, end int) (Match, bool) {
	if end < len(l.s) && l.s[end] != ' ' {
		// Cut inside a token: its tokens are not the line's.
		return Find(prefix, l.ctx)
	}
	if !hasDigitOrRelative(prefix) {
		return Match{}, false
	}
	if l.toks == nil {
		l.toks = tokenBufs.Get().(*[]Token)
		*l.toks = Tokenize((*l.toks)[:0], l.s)
	}
	toks := *l.toks
	n := 0
	for n < len(toks) && toks[n].start < end {
		n++
	}
	return FindIn(toks[:n], l.ctx)
}

// Release returns the line's token buffer for reuse; l must not be used
// afterwards.
func (l *Line) Release() {
	if l.toks == nil {
		return
	}
	putTokens(l.toks)
	l.toks = nil
}

// putTokens recycles a token buffer. The tokens point into their line:
// they are cleared so that the pool keeps no text alive. A buffer grown
// by a huge line is left to the collector.
func putTokens(b *[]Token) {
	if cap(*b) > maxPooledTokens {
		return
	}
	clear(*b)
	*b = (*b)[:0]
	tokenBufs.Put(b)
}

const maxPooledTokens = 4096
