package page

// Choosing among the descriptions a page states. Most pages state one
// summary several times over (description, og:description, JSON-LD); when
// they state different ones, the first may be the site's own blurb,
// repeated on every page ("News and views from the valley since 1998"),
// which shares next to nothing with the article it is attached to.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

const (
	// DescAgree is the word F1 above which two descriptions say the
	// same thing (one is a trimmed or re-punctuated copy of the other).
	DescAgree = 0.8
	// descGeneric is the share of a description's words found in the
	// article's title and text below which it describes the site rather
	// than the article.
	descGeneric = 0.5
	// descBetter is how much more of its words another stated
	// description must share with the article to replace a generic one.
	descBetter = 0.5
	// descCreditWords is the length up to which a description that opens
	// with a credit cue is a byline: a summary is longer.
	descCreditWords = 12
)

// DescWords lists the folded words of s longer than two letters, which
// carry its meaning (articles and particles are shorter in most
// languages).
func DescWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if utf8.RuneCountInString(w) > 2 {
			out = append(out, w)
		}
	}
	return out
}

// DescAgreement is the unigram F1 of two word lists.
func DescAgreement(a, b []string) float64 {
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

// DescNotGeneric returns the stated description to use: the first, unless
// it shares little with the article while another stated one, which says
// something else, shares much more.
func DescNotGeneric(cands []DescCand, title string, paras []string) DescCand {
	first := cands[0]
	if len(cands) == 1 || len(paras) == 0 {
		return first
	}
	fw := DescWords(first.Value)
	var differ []int
	for i := 1; i < len(cands); i++ {
		if DescAgreement(fw, DescWords(cands[i].Value)) < DescAgree {
			differ = append(differ, i)
		}
	}
	if len(differ) == 0 {
		return first // the common case: the page states one summary
	}
	article := descArticleWords(title, paras)
	fc := descCoverage(fw, article)
	if fc >= descGeneric {
		return first
	}
	for _, i := range differ {
		if descCoverage(DescWords(cands[i].Value), article) >= fc+descBetter {
			return cands[i]
		}
	}
	return first
}

// descArticleWords is the set of words of the article's title and text.
func descArticleWords(title string, paras []string) map[string]bool {
	article := map[string]bool{}
	for _, w := range DescWords(title) {
		article[w] = true
	}
	for _, p := range paras {
		for _, w := range DescWords(p) {
			article[w] = true
		}
	}
	return article
}

// DescLongestAgreeing returns the longest stated description that says
// what the chosen one says: sites trim one copy (the description <meta>
// for search snippets) and keep the whole summary in another.
func DescLongestAgreeing(cands []DescCand, chosen DescCand) DescCand {
	cw := DescWords(chosen.Value)
	best := chosen
	for _, c := range cands {
		if len(c.Value) > len(best.Value) && DescAgreement(cw, DescWords(c.Value)) >= DescAgree {
			best = c
		}
	}
	return best
}

// descCredit reports a stated description that is a byline ("Written by
// Metro Desk Staff", "Par Jeanne Martin (blog, 3 mai)", "Author: Jeanne
// Martin"): a credit cue, then two capitalised words, in a few words in
// all. Some CMSs fill the description slot with it; it says who wrote,
// not what about.
func descCredit(s string) bool {
	words := strings.Fields(s)
	if len(words) > descCreditWords {
		return false
	}
	for _, c := range lexicon.Cues {
		n := strings.Count(c.Text, " ") + 1
		if c.Glued || len(words) < n+2 || strings.TrimSuffix(strings.ToLower(strings.Join(words[:n], " ")), ":") != c.Text {
			continue
		}
		return descCapitalised(words[n]) && descCapitalised(words[n+1])
	}
	return false
}

func descCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// DescWithoutCredits drops the stated descriptions that are bylines. A
// page that puts its byline in the description slot states no summary
// there, and its other stated values are as often an author's or a site's
// blurb: they stay only when most of their words are the article's.
func DescWithoutCredits(cands []DescCand, title string, paras []string) []DescCand {
	credits := 0
	for _, c := range cands {
		if descCredit(c.Value) {
			credits++
		}
	}
	if credits == 0 {
		return cands
	}
	article := descArticleWords(title, paras)
	var out []DescCand
	for _, c := range cands {
		if !descCredit(c.Value) && descCoverage(DescWords(c.Value), article) >= descGeneric {
			out = append(out, c)
		}
	}
	return out
}

// DescCand is one stated description and where it came from.
type DescCand struct{ Value, Rule string }

// DescIntact drops the stated descriptions that hold U+FFFD, the mark of
// bytes decoded in the wrong charset, when the page states another one
// intact: a page whose <meta> values were written in one charset and
// served in another often carries a clean copy in its JSON-LD, whose
// escapes (\u00fc) survive any decoding.
func DescIntact(cands []DescCand) []DescCand {
	damaged := 0
	for _, c := range cands {
		if strings.ContainsRune(c.Value, utf8.RuneError) {
			damaged++
		}
	}
	if damaged == 0 || damaged == len(cands) {
		return cands
	}
	out := make([]DescCand, 0, len(cands)-damaged)
	for _, c := range cands {
		if !strings.ContainsRune(c.Value, utf8.RuneError) {
			out = append(out, c)
		}
	}
	return out
}
