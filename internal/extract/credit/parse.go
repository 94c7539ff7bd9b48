package credit

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// Match is a parsed author credit.
type Match struct {
	Authors  []string
	Agencies []string
	Cue      bool   // an explicit "By", "Author:" or "Posted by"
	Prep     bool   // a preposition that is also a cue: "von", "par", "di"
	Label    bool   // the line is only a label ("Author:"): the value follows
	Lone     bool   // the credit is a pen name, user name or desk, no person's name
	Rest     string // the credit with what followed the names cut off
}

// Parse reads an author credit: "By A, B and C", "Posted by A on
// <date>", "A | Site", "A, Staff Writer", "A @handle", "Author:". Roles,
// handles, dates and the site glued to the credit are stripped; wire
// services go to agencies. folded is lexicon.Fold(text) when the caller has
// it, "" otherwise.
func (rd Reader) Parse(text, folded string, ctx datetime.Context) (Match, bool) {
	var m Match
	s := strings.TrimSpace(strings.TrimLeft(text, "•·|-–—*> "))
	lower := folded
	if s != text || folded == "" {
		lower = lexicon.Fold(s)
	}
	rest := ""
	for _, c := range cuesOpening(lower) {
		if !strings.HasPrefix(lower, c.Text) {
			continue
		}
		after := lower[len(c.Text):]
		if after == "" || after == ":" || after == "：" {
			if c.Preposition {
				break
			}
			m.Cue, m.Label = true, true
			return m, true
		}
		if after[0] != ' ' && after[0] != ':' && !c.Glued && !strings.HasPrefix(after, "：") {
			continue
		}
		// Folding keeps byte offsets for these cues' letters, so the
		// original text is cut where the folded one was.
		rest = strings.TrimLeft(s[len(c.Text):], ": ：/")
		m.Cue, m.Prep = !c.Preposition, c.Preposition
		break
	}
	if rest == "" {
		// "김민수 기자": the role after the name.
		for _, suf := range spacedSuffixes {
			if name, ok := strings.CutSuffix(s, suf); ok && cJKName(name) {
				m.Cue, m.Authors = true, []string{name}
				return m, true
			}
		}
	}
	dates := datetime.NewLine(s, ctx)
	defer dates.Release()
	if rest == "" && !m.Cue {
		// "Eine Kolumne von Name", "Un article de … par Name": a short
		// label, then a preposition cue.
		// Not "by": "Photo by", "Produced by" credit other work.
		for _, ci := range prepositionCues {
			c := &lexicon.Cues[ci]
			i := cueIndex(lower, ci, 41)
			if i <= 0 || i > 40 || WordCount(lower[:i]) > 3 {
				continue
			}
			if _, ok := dates.Find(i); ok {
				break // "<date> by Name" below
			}
			rest = s[i+len(c.Text)+2:]
			m.Prep = true
			break
		}
	}
	if rest == "" && !m.Cue && !m.Prep {
		// "<date> by Name", "11/19/2019 by Name", "22. Dezember 2019 von
		// Name": after a date, a preposition cue is as explicit as "by".
		// The first such cue: in "<date> by Ann von Lee" the "von" is the
		// name's.
		at, cueLen := -1, 0
		for _, ci := range afterDateCues {
			c := &lexicon.Cues[ci]
			limit := len(lower) + 1
			if at >= 0 {
				limit = at
			}
			i := cueIndex(lower, ci, limit)
			if i <= 0 || at >= 0 && i >= at {
				continue
			}
			if _, ok := dates.Find(i); ok || lineIsDateCue(lower[:i]) {
				at, cueLen = i, len(c.Text)
			}
		}
		if at >= 0 {
			rest = s[at+cueLen+2:]
			m.Cue = true
		}
	}
	if rest == "" && !m.Cue && !m.Prep {
		if r, ok := authorLabelAfterDate(s, &dates, ctx); ok {
			rest, m.Cue = r, true
		}
	}
	if rest == "" && !m.Cue && !m.Prep {
		// "28. Juni 2019 | Ann Lee", "17. September 2019 Ann Lee 0
		// Kommentare": a post's date, then its author.
		if name, ok := nameAfterDate(s, &dates, ctx); ok {
			// The template's post line is as explicit as "<date> by".
			m.Cue, m.Authors = true, []string{name}
			return m, true
		}
	}
	if rest == "" {
		// Without a cue the line itself must be a short credit; most lines
		// are not, and are rejected before the expensive part.
		if WordCount(s) > 14 || !hasUpper(s) || !mostlyCapitalised(s) {
			return m, false
		}
		rest = s
	}
	if m.Cue || m.Prep {
		// "von Name Kategorien: Mode", "von Name Foto: …": a label after
		// the names starts something else. (Without a cue, a colon means
		// the line is no credit at all; see below.)
		if i := strings.Index(rest, ": "); i > 0 {
			if j := strings.LastIndexByte(rest[:i], ' '); j > 0 {
				rest = rest[:j]
			}
		}
	}
	uncut := rest
	rest = cutTail(rest, &dates)
	m.Rest = rest
	names, agencies := rd.split(rest, ctx.Lang)
	// After a preposition inside a line, one word is a credit only when
	// something follows it ("Gespeichert von jdoe am …"), not when it ends
	// a phrase ("Jacken von Bosch").
	if len(names) == 0 && len(agencies) == 0 && (m.Cue || m.Prep && (openingPrep(lower) || rest != strings.TrimSpace(uncut))) {
		if lone, ok := rd.loneCredit(rest, m.Prep); ok {
			names, m.Lone = []string{lone}, true
		}
	}
	if len(names) == 0 && len(agencies) == 0 {
		return m, false
	}
	if !m.Cue {
		// Without a cue the whole line must be a credit: names, an agency,
		// a role; nothing else.
		if strings.ContainsAny(rest, ":;!?\"“”") || WordCount(rest) > 10 {
			return m, false
		}
		if len(names) == 0 && WordCount(rest) > 4 {
			return m, false
		}
	}
	if !m.Cue && !m.Prep && len(names) == 1 && len(agencies) == 0 && dateAfterName(s, rest, ctx) {
		// "Ann Lee | 9 décembre 2019", "Ann Lee, 02.02.2022": a name
		// dated like a post is as explicit as "By".
		m.Cue = true
	}
	m.Authors, m.Agencies = names, agencies
	return m, true
}

// lineIsDateCue reports text that only announces a date ("Posted", "Published on").
func lineIsDateCue(lower string) bool {
	switch strings.TrimSpace(lower) {
	case "posted", "published", "posted on", "published on":
		return true
	}
	return false
}

// cutTail removes what follows the names in a credit: a date, a
// handle, a site after "|", a role after " - ", "on <date>".
func cutTail(s string, dates *datetime.Line) string {
	if dm, ok := dates.FindString(s); ok && dm.Start > 0 {
		s = strings.TrimRight(s[:dm.Start], " ,")
		// "… Monday, November 18, 2019": the weekday belongs to the date.
		if i := strings.LastIndexByte(s, ' '); i > 0 && lexicon.Weekday(lexicon.Fold(s[i+1:])) {
			s = s[:i]
		}
	}
	for _, sep := range []string{" | ", "|", " / ", " - ", " – ", " — ", "@", " ／ ", "(", " · ", " • ", " for ", " For ", " FOR "} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i] // "… For Daily Mail Australia", "… | Site", "… @handle"
		}
	}

	s = strings.TrimSpace(splitGlued(s))
	s = cutUpdateCue(s)
	for {
		t := strings.TrimRight(s, " ,;:-–—/|")
		cut := false
		for _, w := range []string{" on", " at", " in", " for", " em", " el", " le", " am", " il", " vom"} {
			if len(t) >= len(w) && strings.EqualFold(t[len(t)-len(w):], w) {
				t, cut = t[:len(t)-len(w)], true
				break
			}
		}
		// "Ann Lee Veröffentlicht am": the cue, then its preposition.
		if u := cutUpdateCue(t); u != t {
			t, cut = u, true
		}
		s = t
		if !cut {
			break
		}
	}
	if strings.HasSuffix(s, ".") && !endsWithInitial(s) {
		s = strings.TrimRight(s, ".")
	}
	return s
}

// endsWithInitial reports "Smith Jr." or "John E." style endings, whose
// full stop belongs to the name.
func endsWithInitial(s string) bool {
	i := strings.LastIndexByte(s, ' ')
	last := s[i+1:]
	return utf8.RuneCountInString(last) <= 3 && strings.HasSuffix(last, ".")
}

// splitGlued separates a name from what a template glued to it without a
// space: "Jane DoeEXAMPLENews", "Ann LeeView More Articles".
// Name-internal capitals ("McDonald", "DeVries", "MacKenzie") follow at most
// three lower-case letters and start a lower-case run, so they stay.
func splitGlued(s string) string {
	lowerRun := 0
	prevUpperStart := false
	for i, r := range s {
		switch {
		case unicode.IsLower(r):
			lowerRun++
		case unicode.IsUpper(r):
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			acronym := unicode.IsUpper(next)
			if prevUpperStart && (lowerRun >= 4 || lowerRun >= 2 && acronym) {
				return s[:i]
			}
			lowerRun = 0
			prevUpperStart = true
		default:
			lowerRun = 0
			prevUpperStart = false
		}
	}
	return s
}

// split splits "A, B and C, Role" into person names and agencies, the
// names tested in the page's language lang.
func (rd Reader) split(s, lang string) (names, agencies []string) {
	var partsBuf [8]string
	for _, part := range splitNames(partsBuf[:0], s) {
		part = strings.TrimSpace(strings.Trim(part, " .,;:-–—"))
		if part == "" {
			continue
		}
		h := rd.Vocab.Hits(part)
		// "Ann Lee Associated Press": an agency glued after the name.
		if !h.Agency {
			// no agency anywhere in the part: nothing to split off
		} else if name, agency, ok := rd.splitTrailingAgency(part); ok && PersonNameIn(name, lang) {
			names = append(names, normaliseName(name))
			agencies = append(agencies, agency)
			continue
		}
		if h.Agency && !h.Role {
			agencies = append(agencies, part)
			continue
		}
		if h.Role || h.Furniture {
			continue
		}
		if PersonNameIn(part, lang) {
			names = append(names, normaliseName(part))
		}
	}
	return dedupe(names), dedupe(agencies)
}

// splitNames appends to parts the pieces of s between commas, semicolons
// and the word "and" in the supported languages.
func splitNames(parts []string, s string) []string {
	emit := func(p string) {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	start := 0 // start of the current name
	i := 0
	for i < len(s) {
		switch c := s[i]; {
		case c == ',' || c == ';' || c == '&':
			emit(s[start:i])
			i++
			start = i
			continue
		case c == ' ':
			i++
			continue
		}
		// A word: is it a conjunction?
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != ',' && s[j] != ';' && s[j] != '&' {
			j++
		}
		if isConjunction(s[i:j]) {
			emit(s[start:i])
			start = j
		}
		i = j
	}
	emit(s[start:])
	return parts
}

// isConjunction reports "and" in the languages bylines are read in.
func isConjunction(w string) bool {
	if len(w) > 3 {
		return false // longer than any of them, in any case
	}
	var buf [4]byte
	return lexicon.Conjunction(string(lexicon.AppendLower(buf[:0], w)))
}

// splitTrailingAgency separates "Name Agency" when the line ends with a
// wire service.
func (rd Reader) splitTrailingAgency(part string) (string, string, bool) {
	words := strings.Fields(part)
	for k := 1; k < len(words) && k <= 4; k++ {
		tail := strings.Join(words[len(words)-k:], " ")
		h := rd.Vocab.Hits(tail)
		if h.WholeAgency || h.Covered && h.Agency {
			return strings.Join(words[:len(words)-k], " "), tail, true
		}
	}
	return "", "", false
}

// WordCount counts the space-separated words of s without allocating.
func WordCount(s string) int {
	n := 0
	forEachWord(s, func(string) bool { n++; return true })
	return n
}

// forEachWord calls fn with each space-separated word of s until fn
// returns false; unlike strings.Fields it allocates nothing.
func forEachWord(s string, fn func(w string) bool) {
	for i := 0; i < len(s); {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' {
			j++
		}
		if j > i && !fn(s[i:j]) {
			return
		}
		i = j
	}
}

// appendFields appends the fields of s, as strings.Fields splits them, to
// dst, at most max of them.
func appendFields(dst []string, s string, max int) []string {
	start := -1
	for i := 0; i < len(s) && len(dst) < max; {
		c := s[i]
		n := 1
		var space bool
		if c < utf8.RuneSelf {
			space = c == ' ' || c >= '\t' && c <= '\r'
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		switch {
		case space && start >= 0:
			dst = append(dst, s[start:i])
			start = -1
		case !space && start < 0:
			start = i
		}
		i += n
	}
	if start >= 0 && len(dst) < max {
		dst = append(dst, s[start:])
	}
	return dst
}

// mostlyCapitalised is a cheap first test for an uncued credit: mostly
// capitalised words, at most a few lower-case ones (particles, "and", a
// role) before the first digit.
func mostlyCapitalised(s string) bool {
	caps, lower, n := 0, 0, 0
	digit := false
	forEachWord(s, func(w string) bool {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsDigit(r):
			digit = true // the date glued after a name starts here
			return false
		case unicode.IsUpper(r):
			caps++
		case unicode.IsLetter(r):
			lower++
		}
		n++
		return true
	})
	if digit {
		return caps >= 2
	}
	// One capitalised word alone may be a wire service ("Reuters").
	return lower <= 3 && (caps >= 2 || caps == 1 && n <= 3)
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func dedupe(ss []string) []string {
	if len(ss) < 2 {
		return ss
	}
	seen := make(map[string]bool, len(ss))
	out := ss[:0]
	for _, s := range ss {
		k := strings.ToLower(s)
		if !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}
