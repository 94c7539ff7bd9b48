package text

// isParagraphSentence reports a line that is a paragraph's sentence, never
// a headline: sixteen words or more ending with a full stop. Headlines
// drop the full stop; the few that keep one are short.
func isParagraphSentence(b *block, words int) bool {
	return words >= 16 && b.endsSentence && b.text[len(b.text)-1] == '.'
}
