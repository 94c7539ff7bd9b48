package text

// Code at the margin. A listing in a <pre> keeps its indentation in
// innerText, but one whose lines start at the margin (a console session:
// ">>> f()", "$ make", "[1, 2, 3]") does not, and preformattedRuns misses
// it. Its lines are just as short, symbol-heavy and repeated, and sink the
// article around it the same way. A run of such lines is taken for
// preformatted text too.

// codeRuns adds to in (which may be nil) the runs of at least preRunMin
// lines that read as code, no more than preGapMax other lines between two
// of them, none of those a sentence of prose. Blank lines do not break a
// run: a code block's own blank lines, or a listing in several boxes.
func codeRuns(bs []block, in []bool) []bool {
	for i := 0; i < len(bs); {
		if !codeLine(&bs[i]) {
			i++
			continue
		}
		n, last := 1, i
		for j := i + 1; j < len(bs) && j-last <= preGapMax+1; j++ {
			if codeLine(&bs[j]) {
				n, last = n+1, j
			} else if bs[j].runes >= 40 && bs[j].endsSentence {
				break
			}
		}
		if n >= preRunMin {
			if in == nil {
				in = make([]bool, len(bs))
			}
			for k := i; k <= last; k++ {
				in[k] = true
			}
		}
		i = last + 1
	}
	return in
}

// codeLine reports a short line in which symbols of program text are
// frequent: brackets, operators, quotes, prompts.
func codeLine(b *block) bool {
	if b.words > codeLineWords || b.cells >= 2 {
		return false
	}
	sym := 0
	for i := 0; i < len(b.text); i++ {
		switch b.text[i] {
		case '=', '(', ')', '[', ']', '{', '}', ';', '<', '>', '$', '#', '_', '\\', '|', '*', '+', '&', '%', '@', '`', '"', '\'':
			sym++
		}
	}
	return sym >= codeSymbolsMin && sym*codeSymbolShare >= b.runes
}

// A line of code: at most codeLineWords words, at least codeSymbolsMin
// symbols and one in codeSymbolShare of its characters.
const (
	codeLineWords   = 20
	codeSymbolsMin  = 2
	codeSymbolShare = 12
)
