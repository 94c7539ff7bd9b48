package dom

import (
	"strings"
	"testing"
	"unicode"

	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// referenceSaysPagePhrase is saysPagePhrase before its index: every entry
// read against the line. The indexed one must agree with it.
func referenceSaysPagePhrase(low string) bool {
	trimmed := strings.TrimFunc(low, func(r rune) bool { return !unicode.IsLetter(r) })
	for _, purpose := range signOffPurposes {
		for _, list := range lexicon.Page[purpose] {
			for _, e := range list {
				p := e[1:]
				switch e[0] {
				case '=':
					if trimmed == p {
						return true
					}
				case '^':
					if strings.HasPrefix(trimmed, p) && wordEnds(trimmed, len(p)) {
						return true
					}
				default:
					for from := 0; ; {
						i := strings.Index(low[from:], p)
						if i < 0 {
							break
						}
						i += from
						if (i == 0 || !isLetterBefore(low, i)) && wordEnds(low, i+len(p)) {
							return true
						}
						from = i + 1
					}
				}
			}
		}
	}
	return false
}

// signOffSamples are lines made of the vocabulary's own entries, whole,
// cut short, glued to letters and set in sentences.
func signOffSamples() []string {
	var out []string
	for _, purpose := range signOffPurposes {
		for _, list := range lexicon.Page[purpose] {
			for _, e := range list {
				p := e[1:]
				out = append(out, p, "» "+p+" «", p+" now", "read: "+p+".", "x"+p, p+"s", "the "+p[:len(p)/2], p[1:])
			}
		}
	}
	return out
}

func TestSaysPagePhraseIndexed(t *testing.T) {
	hits := 0
	for _, s := range append(signOffSamples(), "", "   ", "\xff\xfe", "plain text about a council vote") {
		got, want := saysPagePhrase(s), referenceSaysPagePhrase(s)
		if got != want {
			t.Errorf("saysPagePhrase(%q) = %v, reference %v", s, got, want)
		}
		if want {
			hits++
		}
	}
	if hits == 0 {
		t.Fatal("no sample says a phrase: the comparison tests nothing")
	}
}

func FuzzSaysPagePhrase(f *testing.F) {
	for _, s := range signOffSamples()[:40] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 300 {
			s = s[:300]
		}
		if got, want := saysPagePhrase(s), referenceSaysPagePhrase(s); got != want {
			t.Fatalf("saysPagePhrase(%q) = %v, reference %v", s, got, want)
		}
	})
}
