package dom

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/atom"

	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// Detectors for single blocks: what a block says about itself, whatever
// its place in the page.

// urlSoup reports a block made mostly of bare addresses: leaked markup
// metadata (image URLs and sizes), not prose.
func urlSoup(b *Block) bool {
	if !strings.Contains(b.Text, "://") {
		return false
	}
	n := 0
	for _, f := range strings.Fields(b.Text) {
		if strings.Contains(f, "://") || strings.HasPrefix(f, "www.") {
			n += len(f)
		}
	}
	return n*2 >= len(b.Text)
}

// boilerplateLine reports a short block that says one of the sign-off
// phrases.
func boilerplateLine(b *Block) bool {
	if b.Chars > 220 {
		return false
	}
	low := strings.ToLower(b.Text)
	for _, p := range lexicon.SignOff {
		if strings.Contains(low, p) {
			return true
		}
	}
	return saysPagePhrase(strings.TrimSpace(low))
}

// signOffPurposes are the kinds of lexicon.Page vocabulary that sign a
// story off: the text front-end reads the same lists.
var signOffPurposes = []string{lexicon.Newsletter, lexicon.Paywall}

// saysPagePhrase reports whether the lower-cased block text says a phrase
// of the page vocabulary where the phrase counts: all of it, its start, or
// anywhere on word boundaries.
func saysPagePhrase(low string) bool {
	trimmed := strings.TrimFunc(low, func(r rune) bool { return !unicode.IsLetter(r) })
	x := signOffPhrases()
	if x.whole[trimmed] {
		return true
	}
	var has byteSet
	has.addAll(low)
	for i := range x.opening {
		p := &x.opening[i]
		if p.bytes.within(&has) && strings.HasPrefix(trimmed, p.text) && wordEnds(trimmed, len(p.text)) {
			return true
		}
	}
	for i := range x.anywhere {
		p := &x.anywhere[i]
		if !p.bytes.within(&has) {
			continue
		}
		for from := 0; ; {
			i := strings.Index(low[from:], p.text)
			if i < 0 {
				break
			}
			i += from
			if (i == 0 || !isLetterBefore(low, i)) && wordEnds(low, i+len(p.text)) {
				return true
			}
			from = i + 1
		}
	}
	return false
}

// wordEnds reports whether a word ends at s[i:].
func wordEnds(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func isLetterBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// teaser reports a block that previews another article: a linked headline
// followed by the start of its text, cut off with an ellipsis.
func teaser(b *Block) bool {
	if b.LinkChars == 0 {
		return false
	}
	t := strings.TrimRight(b.Text, " ]")
	return strings.HasSuffix(t, "...") || strings.HasSuffix(t, "…")
}

// creditLine reports a short block that credits a picture: it starts with
// a copyright sign, or names the source in a closing parenthesis
// ("(NASA/JPL)", "(credit: …)", "(AP Photo/…)").
func creditLine(b *Block) bool {
	if b.Chars > 300 {
		return false
	}
	t := b.Text
	if strings.HasPrefix(t, "©") || closingCopyright(t) {
		return true
	}
	if !strings.HasSuffix(t, ")") {
		return false
	}
	i := strings.LastIndexByte(t, '(')
	if i < 0 {
		return false
	}
	p := strings.ToLower(t[i+1 : len(t)-1])
	if strings.HasPrefix(p, "credit") || strings.HasPrefix(p, "image") || strings.HasPrefix(p, "photo") ||
		strings.Contains(p, "getty") || strings.Contains(p, "shutterstock") {
		return true
	}
	return strings.Contains(p, "/") && !strings.Contains(p, " / ") && !strings.Contains(p, "http") && len(p) < 60
}

// closingCopyright reports a caption that ends with its picture's credit
// after a copyright sign ("A skier on the slope. © Agency / Name"): the
// sign, then a few words of names to the end.
func closingCopyright(t string) bool {
	i := strings.LastIndex(t, "©")
	if i <= 0 {
		return false
	}
	rest := t[i+len("©"):]
	// A sentence after the sign is text; a dot inside a word is a domain
	// ("agency.com").
	end := strings.TrimSpace(rest)
	return len(rest) <= closingCreditMaxBytes && len(strings.Fields(rest)) <= closingCreditMaxWords &&
		!strings.ContainsAny(rest, "!?") && !strings.Contains(rest, ". ") && !strings.HasSuffix(end, ".")
}

// A credit is a name or two and an agency, not a sentence.
const (
	closingCreditMaxBytes = 60
	closingCreditMaxWords = 6
)

// linkedSentence reports a paragraph that is one linked sentence ("Remember
// the state's quest for a slogan?"), which belongs to the text around it.
func linkedSentence(b *Block) bool {
	if b.Tag != atom.P || b.Chars < 30 || b.InList {
		return false
	}
	t := strings.TrimRight(b.Text, " ")
	if t == "" {
		return false
	}
	switch t[len(t)-1] {
	case '.', '?', '!', '"':
		return true
	}
	return strings.HasSuffix(t, "”") || strings.HasSuffix(t, "’")
}

// PromptLine reports a short block that says a phrase of the page's
// newsletter or paywall vocabulary: a prompt wherever it stands, unlike
// the sign-off phrases ("on Twitter"), which only sign a story off.
func PromptLine(b *Block) bool {
	return b.Chars <= 220 && saysPagePhrase(strings.TrimSpace(strings.ToLower(b.Text)))
}
