package web

import (
	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// htmlDropCommentLogin drops the prompt of a comment form that asks the
// reader to sign in ("You must be logged in to post a comment"), with a
// short line beside it that also speaks of signing in ("You are not
// logged in."). Comment forms usually sit outside the article; on a page
// that keeps them inside its container the prompt reaches the body.
func htmlDropCommentLogin(blocks []dom.Block, labels []string, lows []string) {
	for i := range blocks {
		b := &blocks[i]
		if labels[i] != dom.LabelContent || b.Words == 0 || b.Words > commentLoginMaxWords {
			continue
		}
		if !containsAny(lows[i], lexicon.LoginWords) || !containsAny(lows[i], lexicon.CommentWords) {
			continue
		}
		labels[i] = dom.LabelFurniture
		for _, j := range []int{htmlPrevContent(labels, i), htmlNextContent(labels, i)} {
			if j >= 0 && blocks[j].Words <= commentLoginLineWords && containsAny(lows[j], lexicon.LoginWords) {
				labels[j] = dom.LabelFurniture
			}
		}
	}
}

const (
	commentLoginMaxWords  = 25 // a prompt, not a paragraph about accounts
	commentLoginLineWords = 8  // the line beside it: "You are not logged in."
)

// htmlNextContent returns the kept block after i, or -1.
func htmlNextContent(labels []string, i int) int {
	for j := i + 1; j < len(labels); j++ {
		if labels[j] == dom.LabelContent {
			return j
		}
	}
	return -1
}
