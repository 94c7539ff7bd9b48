package dom

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Hint is what an element's class and id say about its content.
type Hint int8

// Hints, from class/id words.
const (
	HintNone     Hint = 0
	HintPositive Hint = 1  // article, content, story, body, entry, post, text
	HintNegative Hint = -1 // nav, footer, comment, share, related, promo, ad …
)

// negativeWords name page furniture. They are matched against whole words
// of class and id values (split at '-', '_', ' ' and case changes), so "ad"
// matches "ad-slot" but not "header" or "download".
var negativeWords = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "breadcrumb": true, "breadcrumbs": true,
	"footer": true, "comment": true, "comments": true, "disqus": true, "share": true, "sharing": true,
	"related": true, "promo": true, "promotion": true, "ad": true, "ads": true,
	"advert": true, "advertisement": true, "adslot": true, "sponsor": true, "sponsored": true,
	"sidebar": true, "newsletter": true, "subscribe": true, "subscription": true, "cookie": true,
	"cookies": true, "popup": true, "modal": true, "widget": true, "outbrain": true, "taboola": true,
	"recommended": true, "recirc": true, "trending": true, "masthead": true, "toolbar": true,
	"tags": true, "signup": true, "cta": true, "popular": true, "paywall": true, "banner": true, "byline": true,
	"author": true, "bio": true, "rail": true, "sharebar": true, "more": true, "skip": true,
	"hidden": true, "print": true, "caption": true, "credit": true, "meta": true,
	"dateline": true, "timestamp": true, "toc": true, "pagination": true, "pager": true,
	"carousel": true, "gallery": true, "slideshow": true, "login": true, "consent": true,
	"hide": true, "offscreen": true, "sr": true, "visually": true, "topics": true,
}

var positiveWords = map[string]bool{
	"article": true, "content": true, "story": true, "body": true, "entry": true, "post": true,
	"text": true, "main": true, "blog": true, "prose": true, "richtext": true, "articlebody": true,
}

// slugWords is how many words make an id an anchor slug generated from a
// heading ("sharing-with-a-single-developer"): ids that name a part of the
// page are one to four words.
const slugWords = 5

// ClassHint classifies an element by the words of its class and id.
// Negative words win over positive ones ("article-comments", "post-meta"),
// except on an <article> that a class of one positive word names as the
// post ("entry", "post"): blog templates add the post's taxonomy to its
// classes ("author-jane", "category-news"), and a furniture word inside
// such a compound value is a name, not a place on the page.
func ClassHint(n *html.Node) Hint {
	h := HintNone
	compoundNeg, namedPost := false, false
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for rest := a.Val; rest != ""; {
			var tok string
			tok, rest = nextField(rest)
			if tok == "" {
				continue
			}
			if i := strings.Index(tok, "--"); i > 0 {
				// A BEM modifier says what the element holds or how it
				// looks ("section--ads": a section with ad slots);
				// the element's own name is before it.
				tok = tok[:i]
			}
			neg, pos, words := classWords(tok)
			if a.Key == "id" && words >= slugWords {
				continue // an anchor made from a heading, not a name for a place on the page
			}
			switch {
			case neg && (words == 1 || n.DataAtom != atom.Article):
				return HintNegative
			case neg:
				compoundNeg = true
			case pos:
				h = HintPositive
				namedPost = namedPost || words == 1
			}
		}
	}
	if compoundNeg && !namedPost {
		return HintNegative
	}
	return h
}

// nextField splits s at its first run of ASCII white space, as
// strings.Fields would, without allocating.
func nextField(s string) (field, rest string) {
	s = strings.TrimLeft(s, " \t\n\f\r")
	i := strings.IndexAny(s, " \t\n\f\r")
	if i < 0 {
		return s, ""
	}
	return s[:i], s[i:]
}

func classWords(s string) (neg, pos bool, words int) {
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := strings.ToLower(s[start:end])
		start = -1
		words++
		if negativeWords[w] {
			neg = true
		} else if positiveWords[w] {
			pos = true
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		isLower := c >= 'a' && c <= 'z'
		isUpper := c >= 'A' && c <= 'Z'
		isDigit := c >= '0' && c <= '9'
		if !isLower && !isUpper && !isDigit {
			flush(i)
			continue
		}
		if isUpper && start >= 0 && i > 0 && s[i-1] >= 'a' && s[i-1] <= 'z' {
			flush(i) // camelCase boundary
		}
		if start < 0 {
			start = i
		}
	}
	flush(len(s))
	return neg, pos, words
}
