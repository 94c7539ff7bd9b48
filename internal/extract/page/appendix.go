package page

// What may follow an appendix label: at most 1/appendixShare of the text
// above it and appendixMaxChars characters, and no paragraph of
// AppendixProseWords words or more.
const (
	appendixShare      = 4
	appendixMaxChars   = 800
	AppendixLabelWords = 4
	AppendixProseWords = 40
)

// AppendixSmallTail reports whether tail characters after an appendix label
// are few beside the article's before: a share of it, and a few lines.
func AppendixSmallTail(tail, before int) bool {
	return tail*appendixShare <= before && tail <= appendixMaxChars
}
