package text

import "github.com/pressroom/pressroom/internal/extract/datetime"

// edgeLineMin is the length from which a line's edges are read before the
// whole of it: on shorter lines the two reads cost about as much as one.
const edgeLineMin = 256

// edgeDateOf is dateOf for a reader that only wants a date that opens or
// closes block i: on a long paragraph it first asks whether the line's
// first date could sit at either end, which reads only the line's ends.
// Either way the answer is dateOf's or no date at all.
func (doc *document) edgeDateOf(i int) (datetime.Match, bool) {
	b := &doc.blocks[i]
	if len(b.text) >= edgeLineMin && (doc.dateDone == nil || doc.dateDone[i] == 0) &&
		!datetime.MayOpenOrClose(b.text, doc.dateCtx()) {
		return datetime.Match{}, false
	}
	return doc.dateOf(i)
}
