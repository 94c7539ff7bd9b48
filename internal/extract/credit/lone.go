package credit

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// loneCredit reads what follows an explicit credit cue when it is no
// person's name: a pen name or user name ("By jdoe", "von flerche", "Autor:
// mkhiker"), or a desk ("von Redaktion"). The cue says it is the author. It
// must be one word after a preposition cue ("von", "par"), whose object is
// as often a place or a time, and at most four after an explicit one; never
// a function word, a number or a piece of page furniture.
func (rd Reader) loneCredit(rest string, prep bool) (string, bool) {
	s := strings.TrimSpace(strings.TrimRight(rest, " ·•|/-–—,;:"))
	if s == "" || len(s) > 40 {
		return "", false
	}
	words := strings.Fields(s)
	// "by Kay 24 Comments": a number starts what follows the credit.
	for k := 1; k < len(words); k++ {
		if r, _ := utf8.DecodeRuneInString(words[k]); unicode.IsDigit(r) {
			words = words[:k]
			s = strings.Join(words, " ")
			break
		}
	}
	if len(words) > 4 || prep && len(words) > 1 {
		return "", false
	}
	var buf [48]byte
	first := string(lexicon.AppendLower(buf[:0], words[0]))
	if rd.Vocab.StopWord(first) {
		return "", false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(r) {
		return "", false
	}
	for _, c := range s {
		if c == '@' || c == '?' || c == '!' || c == '"' || c == ':' {
			return "", false
		}
	}
	if rd.Vocab.Hits(s).Furniture {
		return "", false
	}
	return s, true
}

// nameAfterDate reads the author in a blog template's post line, which
// opens with the date (often twice, published and modified, run together)
// and goes on with the author's name, then a comment count or the
// categories: "2. Februar 20202. Februar 2020 Ann Lee 1 Kommentar Reisen,
// Kochen", "28. Juni 2019 | Ann Lee". The name is the person-shaped words
// before a number, a bar or a comma; before a comma list of categories,
// only its first two words.
func nameAfterDate(s string, dates *datetime.Line, ctx datetime.Context) (string, bool) {
	dm, ok := dates.Find(len(s))
	if !ok || dm.Start != 0 || !dm.HasYear {
		return "", false
	}
	words := strings.Fields(restAfterDates(s, dm, ctx))
	n := 0
	for n < len(words) && n < 4 {
		w := words[n]
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsDigit(r) || w == "|" || w == "·" || w == "-" || w == "–" {
			break
		}
		n++
		if strings.HasSuffix(w, ",") {
			if n > 2 {
				n = 2 // "Ann Lee Reisen, Kochen": categories follow
			}
			break
		}
	}
	name := strings.TrimRight(strings.Join(words[:n], " "), ",")
	if !PersonNameIn(name, ctx.Lang) {
		return "", false
	}
	return normaliseName(name), true
}

// restAfterDates returns what follows the date dm in a post line and the
// dates run on after it (published, then modified), separators trimmed.
func restAfterDates(s string, dm datetime.Match, ctx datetime.Context) string {
	rest := gluedYearRest(s, dm.End)
	for k := 0; k < 2; k++ {
		t := strings.TrimLeft(rest, " |·•-–—,/")
		if dm, ok := datetime.Find(t, ctx); ok && dm.Start == 0 {
			rest = gluedYearRest(t, dm.End)
		}
	}
	return strings.TrimLeft(rest, " |·•-–—,/")
}

// gluedYearRest returns what follows a date ending at end in s. A date
// whose year ran into the next date's day ("20202. Februar 2020") ends
// after the year's four digits.
func gluedYearRest(s string, end int) string {
	k := end
	for k > 0 && s[k-1] >= '0' && s[k-1] <= '9' {
		k--
	}
	if end-k > 4 {
		return s[k+4:]
	}
	return s[end:]
}

// cutUpdateCue removes a publication or update cue the date was cut from:
// "Ann Lee Last updated", "Ann Lee Veröffentlicht". It runs on every line
// tried as a credit, so it compares the line's end with each cue in place:
// searching the line for " "+cue took ~8% of a batch row's server CPU
// (docs/performance.md).
func cutUpdateCue(s string) string {
	if found, ok := endsWithDateCueASCII(s); ok && !found {
		return s
	}
	low := lexicon.Fold(s)
	end := strings.TrimRightFunc(low, unicode.IsSpace)
	for _, w := range lexicon.DateCueWords {
		if i := len(end) - len(w) - 1; i > 0 && end[i] == ' ' && end[i+1:] == w {
			s = strings.TrimSpace(s[:i])
			for _, pre := range []string{" last", " zuletzt", " dernière"} {
				if strings.HasSuffix(lexicon.Fold(s), pre) {
					s = strings.TrimSpace(s[:len(s)-len(pre)])
				}
			}
			return s
		}
	}
	return s
}

// openingPrep reports a lower-cased line that opens with a preposition
// cue ("von …", "par …").
func openingPrep(lower string) bool {
	for _, c := range lexicon.Cues {
		if c.Preposition && (strings.HasPrefix(lower, c.Text+" ") || strings.HasPrefix(lower, c.Text+":")) {
			return true
		}
	}
	return false
}

// dateAfterName reports a line that is the credit name, a separator and a
// full date: "Ann Lee | 9 décembre 2019 à 09h08", "Ann Lee – 14.09.2022",
// "Ann Lee, 02.02.2022".
func dateAfterName(line, name string, ctx datetime.Context) bool {
	if !strings.HasPrefix(line, name) {
		return false
	}
	after := line[len(name):]
	t := strings.TrimLeft(after, " ,|·•-–—/")
	// A separator, not a space only: "Ann Lee November 20, 2019" is as
	// often a photo's credit.
	if strings.TrimSpace(after[:len(after)-len(t)]) == "" || WordCount(name) < 2 {
		return false
	}
	dm, ok := datetime.Find(t, ctx)
	if !ok || !dm.HasYear || dm.Relative {
		return false
	}
	before := strings.Trim(t[:dm.Start], " ,")
	return before == "" || lexicon.Weekday(lexicon.Fold(before))
}
