package page

// LongProseMin is the characters of a sentence-ending line never taken for
// a repeated caption: both front-ends keep such a line when it repeats.
const LongProseMin = 200

// StandfirstWords is the words that make a standfirst a paragraph, not a
// dek, in both front-ends.
const StandfirstWords = 30

// ArticleChars is the text an article holds before a list of teasers
// may end it.
const ArticleChars = 1000
