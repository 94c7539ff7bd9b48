package extract

// Choosing among the descriptions a page states. Most pages state one
// summary several times over (description, og:description, JSON-LD); when
// they state different ones, the first may be the site's own blurb,
// repeated on every page ("News and views from the valley since 1998"),
// which shares next to nothing with the article it is attached to.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	// descAgree is the word F1 above which two descriptions say the
	// same thing (one is a trimmed or re-punctuated copy of the other).
	descAgree = 0.8
	// descGeneric is the share of a description's words found in the
	// article's title and text below which it describes the site rather
	// than the article.
	descGeneric = 0.5
	// descBetter is how much more of its words another stated
	// description must share with the article to replace a generic one.
	descBetter = 0.5
)

// descWords lists the folded words of s longer than two letters, which
// carry its meaning (articles and particles are shorter in most
// languages).
func descWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if utf8.RuneCountInString(w) > 2 {
			out = append(out, w)
		}
	}
	return out
}

// descAgreement is the unigram F1 of two word lists.
func descAgreement(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	count := make(map[string]int, len(a))
	for _, w := range a {
		count[w]++
	}
	common := 0
	for _, w := range b {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// descCoverage is the share of words found in the article.
func descCoverage(words []string, article map[string]bool) float64 {
	if len(words) == 0 {
		return 0
	}
	n := 0
	for _, w := range words {
		if article[w] {
			n++
		}
	}
	return float64(n) / float64(len(words))
}

// descNotGeneric returns the stated description to use: the first, unless
// it shares little with the article while another stated one, which says
// something else, shares much more.
func descNotGeneric(cands []descCand, title string, paras []string) descCand {
	first := cands[0]
	if len(cands) == 1 || len(paras) == 0 {
		return first
	}
	fw := descWords(first.value)
	var differ []int
	for i := 1; i < len(cands); i++ {
		if descAgreement(fw, descWords(cands[i].value)) < descAgree {
			differ = append(differ, i)
		}
	}
	if len(differ) == 0 {
		return first // the common case: the page states one summary
	}
	article := map[string]bool{}
	for _, w := range descWords(title) {
		article[w] = true
	}
	for _, p := range paras {
		for _, w := range descWords(p) {
			article[w] = true
		}
	}
	fc := descCoverage(fw, article)
	if fc >= descGeneric {
		return first
	}
	for _, i := range differ {
		if descCoverage(descWords(cands[i].value), article) >= fc+descBetter {
			return cands[i]
		}
	}
	return first
}
