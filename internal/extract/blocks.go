package extract

import (
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// block is the unit the classifier labels: one line of a text dump, or one
// block element of an HTML page. The text front-end fills the shared
// features; an HTML front-end also fills tag, linkDensity and hints.
type block struct {
	line  int    // 1-based line (text) or element index (HTML)
	text  string // trimmed, inner whitespace collapsed
	lower string // foldLower(text)

	// Layout: text dumps separate paragraphs by blank lines; runs of lines
	// without blank lines between them are menus, lists or tables.
	group       int  // index of the blank-line-separated group
	groupLen    int  // lines in the group
	blankBefore bool // a blank line (or the start) precedes this line
	blankAfter  bool // a blank line (or the end) follows this line

	// HTML front-end extras; zero for text dumps.
	tag         string  // element name, e.g. "p", "h1", "li"
	linkDensity float32 // share of the text inside links
	hints       string  // lowercased class and id words

	// Shallow text features.
	runes, words, letters, upper, digits, cjk int
	capWords                                  int // words starting with an upper-case letter
	cells                                     int // tab characters: innerText separates table cells with tabs
	endsSentence                              bool
	stopHits                                  [langCount]uint8 // function words per language
	stop                                      int              // function words of the document's language
	dup                                       int              // other blocks with the same text
	vocab                                     vocabHits

	// Classification.
	label  label
	score  float32 // content score; positive is prose
	reason string  // rule that set the label
}

// candidate is a metadata value found outside the block stream, such as an
// HTML page's JSON-LD or OpenGraph data, or the dump's URL.
type candidate struct {
	field      string // "title", "author", "published", "site", "language"
	value      string
	rule       string // where the front-end read it, e.g. "json-ld", "og:title"
	confidence float64
}

// document is one dump on its way through the pipeline.
type document struct {
	input    string // article.InputText or article.InputHTML
	blocks   []block
	lang     string
	langIdx  int // index into stopLangs, -1 when none
	langRule string
	langConf float64
	ref      time.Time
	url      *url.URL
	notes    []string

	// candidates holds structured metadata a front-end read before
	// segmentation; assemble weighs them against what the blocks say.
	candidates []candidate

	// Body span in block indices, [bodyStart, bodyEnd), set by classify.
	bodyStart, bodyEnd int
	dayFirst           int // +1 day-first numeric dates, -1 month-first, 0 unknown

	urlInfo    urlInfo
	meta       meta
	dates      map[int]dateMatch // memo for dateOf: the lines that hold one
	dateDone   []int8            // 0 not yet parsed, 1 found, -1 none
	bylines    map[int]bylineMatch
	bylineDone []int8
	toks       []dtok // scratch for the date tokenizer
}

// segment splits normalised text into line blocks with their features.
func segment(text string) []block {
	blocks := make([]block, 0, strings.Count(text, "\n")+1)
	lineNo := 0
	group := -1
	prevBlank := true
	for len(text) > 0 || lineNo == 0 {
		lineNo++
		var raw string
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			raw, text = text[:i], text[i+1:]
		} else {
			raw, text = text, ""
		}
		t := collapseSpace(raw)
		if t == "" {
			if len(blocks) > 0 {
				blocks[len(blocks)-1].blankAfter = true
			}
			prevBlank = true
			if text == "" {
				break
			}
			continue
		}
		if prevBlank {
			group++
		}
		b := newBlock(lineNo, t)
		b.group, b.blankBefore, b.cells = group, prevBlank, strings.Count(raw, "\t")
		blocks = append(blocks, b)
		prevBlank = false
		if text == "" {
			break
		}
	}
	if n := len(blocks); n > 0 {
		blocks[n-1].blankAfter = true
	}
	finishBlocks(blocks)
	return blocks
}

// newBlock makes a block of already collapsed, non-empty text and measures
// its features. Front-ends set the layout fields (group, blankBefore,
// blankAfter, cells, and for HTML tag, linkDensity, hints) themselves.
func newBlock(line int, text string) block {
	b := block{line: line, text: text, lower: foldLower(text)}
	measure(&b)
	return b
}

// finishBlocks computes what depends on all the blocks: group sizes and
// repetition. A front-end calls it once its blocks are complete.
func finishBlocks(blocks []block) {
	// Group sizes and repetition.
	seen := make(map[string]int, len(blocks))
	for i := 0; i < len(blocks); {
		j := i
		for j < len(blocks) && blocks[j].group == blocks[i].group {
			j++
		}
		for k := i; k < j; k++ {
			blocks[k].groupLen = j - i
		}
		i = j
	}
	for i := range blocks {
		seen[blocks[i].lower]++
	}
	for i := range blocks {
		blocks[i].dup = seen[blocks[i].lower] - 1
	}
}

// collapseSpace trims s and turns every run of white space into one space.
func collapseSpace(s string) string {
	clean := true
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' {
			if prevSpace {
				clean = false
				break
			}
			prevSpace = true
			continue
		}
		// Exotic spaces were turned into plain ones by normaliseText, so
		// only ASCII white space needs the slow path.
		if c == '\t' || c == '\v' || c == '\f' || c == '\r' || c == 0xc2 && i+1 < len(s) && s[i+1] == 0x85 {
			clean = false
			break
		}
		prevSpace = false
	}
	if clean {
		return strings.TrimRight(s, " ")
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// measure computes the shallow text features of b.
func measure(b *block) {
	inWord := false
	wordStart := true
	for _, r := range b.text {
		b.runes++
		if r == ' ' {
			inWord = false
			continue
		}
		if !inWord {
			b.words++
			inWord = true
			wordStart = true
		}
		switch {
		case unicode.IsLetter(r):
			b.letters++
			if r >= 0x2e80 {
				b.cjk++
			}
			if unicode.IsUpper(r) {
				b.upper++
				if wordStart {
					b.capWords++
				}
			}
			wordStart = false
		case unicode.IsDigit(r):
			b.digits++
			wordStart = false
		}
	}
	// CJK has no spaces: count two characters as a word so that length
	// thresholds mean the same thing in every script.
	if b.cjk > 0 {
		b.words += b.cjk / 2
	}
	b.endsSentence = endsSentence(b.text)
	// Function words only matter for lines long enough to be prose.
	if b.words >= 4 {
		countStopWords(b)
	}
	lower := b.lower
	if b.words > 80 && len(lower) > 160 {
		// Nothing reads the vocabulary of a long paragraph beyond its
		// opening words ("Related: …", "By …"); scanning it all costs time.
		cut := 160
		for cut > 0 && !utf8.RuneStart(lower[cut]) {
			cut--
		}
		lower = lower[:cut]
	}
	b.vocab = vocab.scan(lower)
}

// endsSentence reports whether s ends like a sentence, looking through
// closing quotes and brackets.
func endsSentence(s string) bool {
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		switch r {
		case '"', '\'', '”', '’', '»', ')', ']', '*', ' ':
			s = s[:len(s)-n]
			continue
		case '.', '!', '?', '…', '。', '！', '？', ';', ':':
			return true
		}
		return false
	}
	return false
}

// countStopWords tallies function words per language in b.
func countStopWords(b *block) {
	s := b.lower
	start := -1
	for i, r := range s {
		letter := unicode.IsLetter(r) || r == '\''
		if letter && start < 0 {
			start = i
		}
		if !letter && start >= 0 {
			addStop(b, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		addStop(b, s[start:])
	}
}

func addStop(b *block, w string) {
	m, ok := stopIndex[w]
	if !ok {
		return
	}
	for li := 0; m != 0; li++ {
		if m&1 != 0 && b.stopHits[li] < 255 {
			b.stopHits[li]++
		}
		m >>= 1
	}
}

// stopDensity is the share of b's words that are function words.
func (b *block) stopDensity() float32 {
	if b.words == 0 {
		return 0
	}
	return float32(b.stop) / float32(b.words)
}

// isUpperLine reports whether the line's letters are (nearly) all capitals.
func (b *block) isUpperLine() bool {
	return b.letters >= 2 && b.cjk == 0 && b.upper*10 >= b.letters*9
}

// titleCaseRatio is the share of words starting with a capital letter.
func (b *block) titleCaseRatio() float32 {
	if b.words == 0 {
		return 0
	}
	return float32(b.capWords) / float32(b.words)
}
