package credit

import (
	"slices"
	"strings"

	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// testVocab stands in for the front-ends' compiled page vocabulary, which
// package credit does not build: lexicon's roles and wire services, as the
// front-ends compile them, with a few pieces of page furniture, matched on
// word boundaries. It lets the tests here say what the reader does with
// each kind of hit.
type testVocab struct{}

var (
	testAgencies, testWhole = byMode(lexicon.Agencies)
	testRoles, _            = byMode(lexicon.Roles)
	testFurniture           = []string{"share on facebook", "share", "comments", "home"}
	testStop                = map[string]bool{}
)

// byMode splits entries in the page vocabulary's notation into phrases
// found anywhere and phrases that must be the whole text.
func byMode(entries []string) (anywhere, whole []string) {
	for _, e := range entries {
		if e[0] == '=' {
			whole = append(whole, e[1:])
		} else {
			anywhere = append(anywhere, e[1:])
		}
	}
	return anywhere, whole
}

func init() {
	for _, lang := range lexicon.StopLangs {
		for _, w := range strings.Fields(lexicon.StopWords[lang]) {
			testStop[w] = true
		}
	}
}

func (testVocab) Hits(text string) Hits {
	folded := lexicon.Fold(text)
	covered := make([]bool, len(folded))
	find := func(list []string) bool {
		hit := false
		for _, p := range list {
			for from := 0; ; {
				i := strings.Index(folded[from:], p)
				if i < 0 {
					break
				}
				b, e := from+i, from+i+len(p)
				if (b == 0 || !letter(folded[b-1])) && (e == len(folded) || !letter(folded[e])) {
					hit = true
					for k := b; k < e; k++ {
						covered[k] = true
					}
				}
				from = b + 1
			}
		}
		return hit
	}
	var h Hits
	h.Agency = find(testAgencies)
	for _, w := range testWhole {
		if folded == w {
			h.Agency, h.WholeAgency = true, true
		}
	}
	h.WholeAgency = h.WholeAgency || slices.Contains(testAgencies, folded)
	h.Role = find(testRoles)
	h.Furniture = find(testFurniture)
	h.Covered = true
	for k := 0; k < len(folded); k++ {
		if letter(folded[k]) && !covered[k] {
			h.Covered = false
		}
	}
	return h
}

func (testVocab) StopWord(folded string) bool { return testStop[folded] }

func letter(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80 }

var testReader = Reader{Vocab: testVocab{}}
