package datetime

// A date that opens or closes a line (a card's stamp, a dateline) is read
// from the line's first or last few tokens; a reader that only wants such
// a date need not tokenize a long paragraph whole to learn it has none
// (docs/performance.md, "Extraction CPU (issue 16, fifth pass)").

// dateReach bounds how far a date form reads from the token it starts at:
// the longest, a written date, three fillers, "5:30:12 p.m." and "(GMT+05:30)",
// reads about 25 tokens ahead. It reads one token behind it.
const dateReach = 32

// edgeTailBytes is how much of a long line's end is tokenized first; a
// tail of fewer than dateReach+2 tokens makes MayOpenOrClose read the whole line.
const edgeTailBytes = 192

// MayOpenOrClose reports whether the first date Find(s, ctx) returns might
// start where s's first token starts or end where its last token ends.
// False is certain; true means Find must say.
func MayOpenOrClose(s string, ctx Context) bool {
	if !hasDigitOrRelative(s) {
		return false
	}
	b := tokenBufs.Get().(*[]Token)
	// Each read starts the buffer afresh; all the tokens it has held are
	// cleared before it goes back, so that the pool keeps no text alive.
	used := 0
	defer func() { *b = (*b)[:used]; putTokens(b) }()
	read := func(from, limit int) []Token {
		*b = tokenize((*b)[:0], s[from:], limit)
		used = max(used, len(*b))
		return *b
	}
	// The first date opens s when it starts at the first token, or when a
	// time printed before it (timeBefore, at most ten tokens back) does.
	// Only a number can be such a time: after a word or a separator the
	// first token's date is all there is to read.
	head := 1 + dateReach
	toks := read(0, 1)
	if len(toks) == 0 {
		return false
	}
	last := 0
	switch t := toks[0]; {
	case t.kind == tNum:
		head, last = 11+dateReach, 10
	case t.kind == tSep || !wordMayOpenDate(t.text):
		head, last = 1, -1 // no date starts here: skip to the tail
	}
	toks = read(0, head)
	last = min(last, len(toks)-1)
	for i := 0; i <= last; i++ {
		if _, ok := dateAt(toks, i, ctx); ok {
			return true
		}
	}
	// A date closes s when it ends at the last token. The tokens after an
	// ASCII space are the line's own: no token or rune spans one.
	from := 0
	if len(toks) == head {
		// Most lines end with a full stop, which no date does: the
		// last two tokens tell.
		if from = spaceBefore(s, len(s)-16); from > 0 {
			if toks = read(from, len(s)); len(toks) >= 2 && !mayEndDate(toks) {
				return false
			}
		}
		from = spaceBefore(s, len(s)-edgeTailBytes)
		toks = read(from, len(s))
	}
	first := 0
	if from > 0 {
		if len(toks) < dateReach+2 {
			return true // too few tokens to decide cheaply
		}
		first = len(toks) - 1 - dateReach // its predecessor is in the tail too
	}
	end := toks[len(toks)-1].end
	for i := first; i < len(toks); i++ {
		if m, ok := dateAt(toks, i, ctx); ok && m.End == end {
			return true
		}
	}
	return false
}

// spaceBefore returns the last ASCII space in s at or before i, or 0.
func spaceBefore(s string, i int) int {
	for ; i > 0 && s[i] != ' '; i-- {
	}
	return max(i, 0)
}

// mayEndDate reports whether the last of toks (two or more) can end a
// date: a number or a word (a year, a day, a month, a zone, "pm"), or the
// full stop of "p.m.", never another separator.
func mayEndDate(toks []Token) bool {
	last, prev := toks[len(toks)-1], toks[len(toks)-2]
	return last.kind != tSep || last.text == "." && prev.kind == tWord && prev.text == "m"
}
