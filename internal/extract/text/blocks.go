package text

import (
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/pressroom/pressroom/internal/extract/credit"
	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// block is the unit the classifier labels: one line of a text dump.
type block struct {
	line  int    // 1-based line (text) or element index (HTML)
	text  string // trimmed, inner whitespace collapsed
	lower string // page.FoldLower(text)

	// Layout: text dumps separate paragraphs by blank lines; runs of lines
	// without blank lines between them are menus, lists or tables.
	group       int  // index of the blank-line-separated group
	groupLen    int  // lines in the group
	blankBefore bool // a blank line (or the start) precedes this line
	blankAfter  bool // a blank line (or the end) follows this line
	indented    bool // two or more leading spaces: innerText keeps them in preformatted text only
	cellNext    bool // next to a line of tabs alone: innerText's cell separator when cells hold blocks

	// Shallow text features.
	runes, words, letters, upper, digits, cjk int
	capWords                                  int // words starting with an upper-case letter
	cells                                     int // tab characters: innerText separates table cells with tabs
	latin                                     int // letters of the Latin script (below U+0250)
	counted                                   int // words as page.CountWords counts them
	endsSentence                              bool
	glued                                     bool                  // holds a word glued to a capitalised one ("PossibleThe")
	stopHits                                  [page.LangCount]uint8 // function words per language
	stop                                      int                   // function words of the document's language
	dup                                       int                   // other blocks with the same text
	vocab                                     page.VocabHits

	// Classification.
	label  label
	score  float32 // content score; positive is prose
	reason string  // rule that set the label
}

// document is one dump on its way through the pipeline.
type document struct {
	input    string // article.InputText or article.InputHTML
	blocks   []block
	lang     string
	langIdx  int // index into page.StopLangs, -1 when none
	langRule string
	langConf float64
	ref      time.Time
	url      *url.URL
	notes    []string

	// Body span in block indices, [bodyStart, bodyEnd), set by classify.
	bodyStart, bodyEnd int
	dayFirst           int // +1 day-first numeric dates, -1 month-first, 0 unknown

	urlInfo    page.URLInfo
	meta       meta
	dates      map[int]datetime.Match // memo for dateOf: the lines that hold one
	dateDone   []int8                 // 0 not yet parsed, 1 found, -1 none
	bylines    map[int]credit.Match
	bylineDone []int8
	toks       []datetime.Token // scratch for the date tokenizer
}

// MaxLines bounds the lines of a text dump. Extraction is linear in the
// dump, but every line costs a block of a few hundred bytes: a dump of a
// million short lines would take seconds and hundreds of megabytes, and no
// article has a quarter of a million lines.
const MaxLines = 250_000

// segment splits normalised text into line blocks with their features. It
// fails, wrapping ErrLimit, on text of more than limit lines.
func segment(text string, limit int) ([]block, error) {
	lines := strings.Count(text, "\n")
	if !strings.HasSuffix(text, "\n") {
		lines++
	}
	if lines > limit {
		return nil, fmt.Errorf("%w: %d lines (max %d)", ErrLimit, lines, limit)
	}
	// Sizes: no more blocks than non-empty lines, none longer than the
	// longest line.
	filled, longest := 0, 0
	for rest := text; len(rest) > 0; {
		i := strings.IndexByte(rest, '\n')
		if i < 0 {
			i = len(rest)
		}
		if i > 0 {
			filled++
		}
		longest = max(longest, i)
		rest = rest[min(i+1, len(rest)):]
	}
	blocks := make([]block, 0, filled)
	// The lines' folded texts go one after the other into one string, cut
	// apart at the end: one allocation instead of one per line.
	var lower strings.Builder
	lower.Grow(len(text) + len(text)/16)
	// A line is folded into scratch, then copied to lower whole: appending
	// to a slice held in registers is cheaper than to the Builder, which
	// lives on the heap and pays a write barrier on each append.
	scratch := make([]byte, 0, longest+longest/8+8)
	ends := make([]int, 0, cap(blocks))
	lineNo := 0
	group := -1
	prevBlank := true
	cellSep := false // a line of tabs alone since the last block
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
			if strings.IndexByte(raw, '\t') >= 0 {
				cellSep = true
				if len(blocks) > 0 {
					blocks[len(blocks)-1].cellNext = true
				}
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
		blocks = append(blocks, block{line: lineNo, text: t, group: group, blankBefore: prevBlank})
		b := &blocks[len(blocks)-1]
		if strings.IndexByte(raw, '\t') >= 0 {
			b.cells = strings.Count(raw, "\t")
		}
		b.indented = len(raw) > 2 && raw[0] == ' ' && raw[1] == ' '
		b.cellNext, cellSep = cellSep, false
		scratch = measureText(b, scratch[:0])
		lower.Write(scratch)
		ends = append(ends, lower.Len())
		prevBlank = false
		if text == "" {
			break
		}
	}
	if n := len(blocks); n > 0 {
		blocks[n-1].blankAfter = true
	}
	all := lower.String()
	from := 0
	for i := range blocks {
		blocks[i].lower = all[from:ends[i]]
		from = ends[i]
		scanVocab(&blocks[i])
	}
	finishBlocks(blocks)
	return blocks, nil
}

// finishBlocks computes what depends on all the blocks: group sizes and
// repetition.
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
	// Exotic spaces were turned into plain ones by normaliseText, so only
	// ASCII white space and U+0085 need the slow path.
	if spaceClean(s) {
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
