package text

import "strings"

// dropAuthorBio ends the body at the author's box under the article: a
// paragraph among the body's last that opens with the credited author's
// name ("Ann Example is a senior writer …", "Ann Example studierte …"),
// or the name alone on a line with little after it, together with the
// short lines that head the box ("About the author"). The article speaks
// of its author in its credit, not in a paragraph at its end.
func dropAuthorBio(doc *document) {
	dropAuthorBoxes(doc)
	if len(doc.meta.authors) == 0 || doc.bodyEnd <= doc.bodyStart {
		return
	}
	bs := doc.blocks
	seen, tail := 0, 0 // body lines looked at from the end, and their words
	box := -1          // where the earliest box found starts
	for i := doc.bodyEnd - 1; i > doc.bodyStart && seen < bioReach; i-- {
		b := &bs[i]
		if b.label != labelBody {
			continue
		}
		seen++
		name, whole := authorOpening(b.text, doc.meta.authors)
		bio := name && !whole && b.endsSentence && b.words >= bioMinWords && tail <= bioAfterWords
		alone := whole && tail <= bioTailWords
		tail += b.words
		if !bio && !alone {
			continue
		}
		cut := i
		for j := i - 1; j > doc.bodyStart; j-- {
			if bs[j].label != labelBody {
				continue
			}
			if bs[j].words > bioHeadingWords || bs[j].endsSentence {
				break
			}
			cut = j
		}
		box, i = cut, cut // one box per author: look on above this one
	}
	if box < 0 || bodyCount(doc, doc.bodyStart, box) < bioArticleMin {
		return // too little article above the box: it is the article
	}
	for j := box; j < doc.bodyEnd; j++ {
		if bs[j].label == labelBody {
			bs[j].label, bs[j].reason = labelRelated, "layout:author-bio"
		}
	}
	doc.bodyEnd = box
}

// authorOpening reports whether text opens with one of the authors' names,
// and whether it is that name alone.
func authorOpening(text string, authors []string) (opens, whole bool) {
	for _, a := range authors {
		if len(a) < 5 || !strings.HasPrefix(text, a) {
			continue
		}
		rest := text[len(a):]
		if rest == "" {
			return true, true
		}
		if rest[0] == ' ' || rest[0] == ',' {
			return true, false
		}
	}
	return false, false
}

// An author's box: within the body's last bioReach lines, a paragraph of
// at least bioMinWords over at most bioAfterWords, or the name alone over
// at most bioTailWords, under heading lines of at most bioHeadingWords,
// after bioArticleMin paragraphs of article.
const (
	bioReach        = 6
	bioMinWords     = 12
	bioTailWords    = 40
	bioAfterWords   = 80 // under a paragraph about the author: the box's links, a pitch
	bioHeadingWords = 6
	bioArticleMin   = 3
)
