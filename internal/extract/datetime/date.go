// Package datetime reads the dates and times that both front-ends of the
// extractor meet: written dates in some twenty languages, with times, zones
// and relative forms, found anywhere in a line (Find), and the machine forms
// of metadata and <time> elements (Parse: ISO 8601, RFC 1123, Unix time).
// The words it knows (months, weekdays, zones, cues) come from lexicon.
package datetime

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// The date parser reads the written forms news pages use, in a dozen
// languages, with a token scanner rather than a battery of regular
// expressions: "Jul 2, 2025", "2 July 2025", "Mar. 5, 2024 8:26 am ET",
// "2025-07-02T10:00:00Z", "19/11/2019" (order resolved by evidence),
// "5 de março de 2024 às 19:26", "2021年4月9日", "3 hours ago".

// Context is what the parser needs beyond the line itself.
type Context struct {
	Ref      time.Time // when the page was fetched; zero when unknown
	Year     int       // year to assume when a date omits it (from the URL); 0: derive from Ref
	DayFirst int       // numeric dates: +1 day first, -1 month first, 0 unknown
	Lang     string
}

// Match is one date found in a line.
type Match struct {
	Date       article.Date
	Start, End int  // byte span in the line
	HasYear    bool // the page stated the year
	HasTime    bool
	Relative   bool // "3 hours ago", "yesterday"
	Ambiguous  bool // numeric day/month order was guessed
	Confidence float64
}

type tokKind uint8

const (
	tNum tokKind = iota
	tWord
	tSep
)

type Token struct {
	kind       tokKind
	text       string // lowercased for words
	val        int    // numbers
	start, end int
	space      bool // white space precedes the token
	upper      bool // a word starting with a capital letter
}

// Tokenize appends the tokens of s to toks: numbers, words and single
// separators.
func Tokenize(toks []Token, s string) []Token { return tokenize(toks, s, len(s)+1) }

// tokenize is Tokenize stopping after limit tokens. Each token is read from
// its own start, so the first limit tokens are those of the whole line.
// ASCII, most of what a line holds, is classified byte by byte; other runes
// are decoded.
func tokenize(toks []Token, s string, limit int) []Token {
	space := true
	for i, stop := 0, len(toks)+limit; i < len(s) && len(toks) < stop; {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case unicode.IsSpace(r):
				space = true
				i += n
				continue
			case unicode.IsLetter(r):
				j := wordEnd(s, i)
				toks = append(toks, Token{kind: tWord, text: strings.ToLower(s[i:j]), start: i, end: j, space: space, upper: unicode.IsUpper(r)})
				i = j
			default:
				toks = append(toks, Token{kind: tSep, text: s[i : i+n], start: i, end: i + n, space: space})
				i += n
			}
			space = false
			continue
		}
		switch {
		case asciiSpace(c):
			space = true
			i++
			continue
		case c >= '0' && c <= '9':
			j, v := i, 0
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				if j-i < 9 {
					v = v*10 + int(s[j]-'0')
				}
				j++
			}
			toks = append(toks, Token{kind: tNum, text: s[i:j], val: v, start: i, end: j, space: space})
			i = j
		case isASCIILetter(c):
			j := wordEnd(s, i)
			toks = append(toks, Token{kind: tWord, text: lowerWord(s[i:j]), start: i, end: j, space: space, upper: c <= 'Z'})
			i = j
		default:
			toks = append(toks, Token{kind: tSep, text: s[i : i+1], start: i, end: i + 1, space: space})
			i++
		}
		space = false
	}
	return toks
}

// asciiSpace is unicode.IsSpace for an ASCII byte.
func asciiSpace(c byte) bool { return c == ' ' || c >= '\t' && c <= '\r' }

// wordEnd returns where the word of letters starting at s[i] ends.
func wordEnd(s string, i int) int {
	j := i
	for j < len(s) {
		if c := s[j]; c < utf8.RuneSelf {
			if !isASCIILetter(c) {
				break
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) {
			break
		}
		// CJK date markers are words of their own.
		if r == '年' || r == '月' || r == '日' {
			if j == i {
				j += n
			}
			break
		}
		j += n
	}
	return j
}

// lowerWord is strings.ToLower without its scans when w is lower-case
// ASCII already, as most words of a line are.
func lowerWord(w string) string {
	for k := 0; k < len(w); k++ {
		if c := w[k]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

// Words allowed between the parts of a date or between a date and its time.
var dateFillers = map[string]bool{
	"de": true, "del": true, "at": true, "às": true, "as": true, "à": true, "a": true, "um": true,
	"le": true, "the": true, "of": true, "alle": true, "om": true, "kl": true, "klo": true, "в": true,
	"o": true, "г": true, "года": true, "at:": true, "on": true, "и": true, "y": true, "um:": true,
}

// Find returns the first date in s. It returns false when there is none.
func Find(s string, ctx Context) (Match, bool) {
	if !hasDigitOrRelative(s) {
		return Match{}, false
	}
	b := tokenBufs.Get().(*[]Token)
	*b = Tokenize((*b)[:0], s)
	m, ok := FindIn(*b, ctx)
	putTokens(b)
	return m, ok
}

// FindIn is Find on a tokenized line.
func FindIn(toks []Token, ctx Context) (Match, bool) {
	for i := range toks {
		if m, ok := dateAt(toks, i, ctx); ok {
			m.Start = toks[i].start
			if mt, ok := timeBefore(toks, i, m); ok {
				m = mt
			}
			return finishDate(m, ctx)
		}
	}
	return Match{}, false
}

// hasDigitOrRelative is the cheap gate: most lines have no date at all.
func hasDigitOrRelative(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	// Relative day words only make a date line when it is short.
	if len(s) > 30 {
		return false
	}
	var buf [32]byte
	return HasRelativeDay(string(lexicon.AppendLower(buf[:0], s)))
}

// relativeDayWords name today and yesterday in the supported languages.
var relativeDayWords = []string{"yesterday", "today", "ontem", "ayer", "hier", "gestern", "hoje", "hoy", "heute",
	"oggi", "ieri", "vandaag", "gisteren", "сегодня", "вчера"}

// HasRelativeDay reports whether the lowercased s names today or yesterday.
func HasRelativeDay(lower string) bool {
	for _, w := range relativeDayWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// partial holds what dateAt parsed before finishDate validates it.
type partial struct {
	y, mo, d           int
	h, mi, sec         int
	zoneOff            int
	zoneName           string
	hasZone, hasTime   bool
	hasYear, ambiguous bool
	relative           bool
	rel                time.Time
	relPrecision       article.Precision
	endTok             int
}

// dateAt tries every date form starting at token i.
func dateAt(toks []Token, i int, ctx Context) (Match, bool) {
	var p partial
	ok := false
	t := toks[i]
	switch t.kind {
	case tNum:
		ok = isoAt(toks, i, &p) || numericAt(toks, i, ctx, &p) || dayMonthAt(toks, i, &p) ||
			cjkAt(toks, i, &p) || yearMonthDayAt(toks, i, &p) || relativeAt(toks, i, ctx, &p)
	case tWord:
		ok = wordMayOpenDate(t.text) && (monthDayAt(toks, i, &p) || relativeWordAt(toks, i, ctx, &p))
	}
	if !ok {
		return Match{}, false
	}
	if !p.relative || p.relPrecision == article.PrecisionDay {
		if !p.hasTime {
			timeAfter(toks, &p)
		}
	}
	if !p.relative {
		y := p.y
		if !p.hasYear {
			if y = inferYear(p.mo, p.d, ctx); y == 0 {
				return Match{}, false
			}
		}
		if !ValidDay(y, p.mo, p.d) {
			return Match{}, false
		}
	}
	m := Match{HasYear: p.hasYear, HasTime: p.hasTime, Relative: p.relative, Ambiguous: p.ambiguous}
	m.End = toks[p.endTok].end
	m.Date = assembleDate(&p, ctx)
	return m, true
}

// isoAt parses 2024-03-05, 2024-03-05T09:41:27Z, 2024/03/05, 2024.03.05.
func isoAt(toks []Token, i int, p *partial) bool {
	if i+4 >= len(toks) || len(toks[i].text) != 4 || !ValidYear(toks[i].val) {
		return false
	}
	sep := toks[i+1]
	if sep.kind != tSep || (sep.text != "-" && sep.text != "/" && sep.text != ".") {
		return false
	}
	if toks[i+2].kind != tNum || toks[i+3].kind != tSep || toks[i+3].text != sep.text || toks[i+4].kind != tNum {
		return false
	}
	if toks[i+2].space || toks[i+3].space || toks[i+4].space || len(toks[i+4].text) > 2 {
		return false
	}
	p.y, p.mo, p.d = toks[i].val, toks[i+2].val, toks[i+4].val
	p.hasYear = true
	p.endTok = i + 4
	j := i + 5
	// "T" glued to the time, or a space.
	if j < len(toks) && toks[j].kind == tWord && toks[j].text == "t" && !toks[j].space {
		j++
	}
	if j+2 < len(toks) && toks[j].kind == tNum && toks[j+1].text == ":" && toks[j+2].kind == tNum {
		p.h, p.mi = toks[j].val, toks[j+2].val
		p.hasTime = true
		p.endTok = j + 2
		j += 3
		if j+1 < len(toks) && toks[j].text == ":" && toks[j+1].kind == tNum {
			p.sec = toks[j+1].val
			p.endTok = j + 1
			j += 2
			if j+1 < len(toks) && toks[j].text == "." && toks[j+1].kind == tNum && !toks[j+1].space {
				p.endTok = j + 1
				j += 2
			}
		}
		zoneAt(toks, j, p)
	}
	return true
}

// numericAt parses 19/11/2019, 11/19/19, 13.11.2019 and resolves the
// day/month order by the values, then by the document's evidence, then by
// the language's convention.
func numericAt(toks []Token, i int, ctx Context, p *partial) bool {
	if i+4 >= len(toks) || len(toks[i].text) > 2 {
		return false
	}
	sep := toks[i+1]
	if sep.kind != tSep || (sep.text != "/" && sep.text != "." && sep.text != "-") || sep.space {
		return false
	}
	if toks[i+2].kind != tNum || len(toks[i+2].text) > 2 || toks[i+3].text != sep.text || toks[i+4].kind != tNum {
		return false
	}
	// "2. 11. 2021": Czech, Slovak and German print the dotted date with
	// spaces; only with a four-digit year, lest an enumeration pass.
	spacedDots := sep.text == "." && toks[i+2].space && !toks[i+3].space && toks[i+4].space && len(toks[i+4].text) == 4
	if (toks[i+2].space || toks[i+3].space || toks[i+4].space) && !spacedDots {
		return false
	}
	// Not the middle of a longer number chain such as a version or a phone.
	if i > 0 && toks[i-1].kind == tSep && toks[i-1].text == sep.text && !toks[i].space {
		return false
	}
	if i+5 < len(toks) && toks[i+5].text == sep.text && !toks[i+5].space && i+6 < len(toks) && toks[i+6].kind == tNum {
		return false
	}
	y := toks[i+4].val
	switch len(toks[i+4].text) {
	case 4:
	case 2:
		y += 2000
	default:
		return false
	}
	if !ValidYear(y) {
		return false
	}
	a, b := toks[i].val, toks[i+2].val
	if a == 0 || b == 0 || a > 31 || b > 31 || a > 12 && b > 12 {
		return false
	}
	dayFirst := true
	switch {
	case a > 12:
		dayFirst = true
	case b > 12:
		dayFirst = false
	default:
		p.ambiguous = a != b
		switch {
		case ctx.DayFirst < 0:
			dayFirst = false
		case sep.text == ".":
			// Dotted dates are a day-first convention (German, Nordic,
			// Slavic, Swiss); month-first writers use slashes. The
			// order is known, not guessed.
			dayFirst, p.ambiguous = true, false
		case ctx.DayFirst > 0:
			dayFirst = true
		default:
			dayFirst = ctx.Lang != "en"
		}
	}
	if dayFirst {
		p.d, p.mo = a, b
	} else {
		p.mo, p.d = a, b
	}
	p.y = y
	p.hasYear = true
	p.endTok = i + 4
	return true
}

// dayMonthAt parses "2 July 2025", "5 MAR 2024", "6 Mar, 2024",
// "5 de março de 2024", "7. März 2022", "6th March 2024".
func dayMonthAt(toks []Token, i int, p *partial) bool {
	if toks[i].val < 1 || toks[i].val > 31 || len(toks[i].text) > 2 {
		return false
	}
	j := i + 1
	j = skipOrdinal(toks, j)
	if j < len(toks) && toks[j].text == "." {
		j++
	} else if j+1 < len(toks) && toks[j].text == "-" && toks[j+1].kind == tWord {
		// "03-Mar-19" only: a dash before a month word needs the compact year.
		if _, ok := compactYearAt(toks, i, j+1); !ok || lexicon.Month(toks[j+1].text) == 0 {
			return false
		}
		j++
	}
	j = skipFillers(toks, j, 1)
	if j >= len(toks) || toks[j].kind != tWord {
		return false
	}
	mo := lexicon.Month(toks[j].text)
	if mo == 0 {
		return false
	}
	p.d, p.mo = toks[i].val, mo
	p.endTok = j
	k := j + 1
	if k < len(toks) && toks[k].text == "." && !toks[k].space {
		k++
	}
	if k < len(toks) && toks[k].text == "," {
		k++
	}
	k = skipFillers(toks, k, 1)
	if y, ok := yearAt(toks, k); ok {
		p.y = y
		p.hasYear = true
		p.endTok = k
	} else if y, ok := compactYearAt(toks, i, j); ok {
		p.y = y
		p.hasYear = true
		p.endTok = j + 2
	}
	return p.hasYear || toks[j].upper
}

// compactYearAt reads the two-digit year of the compact form "03-Mar-19",
// "03.Mär.19": day, month word and year glued by one repeated separator.
// Written apart ("3. März 19 Gäste") the number is no year.
func compactYearAt(toks []Token, i, j int) (int, bool) {
	if j != i+2 || j+2 >= len(toks) {
		return 0, false
	}
	sep, sep2, yy := toks[i+1], toks[j+1], toks[j+2]
	if sep.kind != tSep || (sep.text != "-" && sep.text != ".") || sep2.text != sep.text ||
		sep.space || toks[j].space || sep2.space || yy.space || yy.kind != tNum || len(yy.text) != 2 {
		return 0, false
	}
	// Not the start of a longer chain ("03-Mar-19-2", "03.Mär.19.30").
	if j+3 < len(toks) && !toks[j+3].space && (toks[j+3].kind == tNum || toks[j+3].text == sep.text || toks[j+3].text == ":") {
		return 0, false
	}
	return 2000 + yy.val, true
}

// yearAt reads the year after a written day and month: four digits not
// followed by a colon (a time), or the first four of five or six digits,
// where a template printed the year glued to what follows it ("19. Dezember
// 202219. Dezember 2022", "3 de mayo de 202221:25").
func yearAt(toks []Token, k int) (int, bool) {
	if k >= len(toks) || toks[k].kind != tNum {
		return 0, false
	}
	t := toks[k]
	switch len(t.text) {
	case 4:
		colon := k+1 < len(toks) && toks[k+1].text == ":" && !toks[k+1].space
		return t.val, ValidYear(t.val) && !colon
	case 5, 6:
		y := 0
		for _, c := range t.text[:4] {
			y = y*10 + int(c-'0')
		}
		return y, ValidYear(y)
	}
	return 0, false
}

// monthDayAt parses "Nov. 19, 2019", "November 19th, 2019", "Jul 2 2025"
// and the year-less "Nov 19".
func monthDayAt(toks []Token, i int, p *partial) bool {
	mo := lexicon.Month(toks[i].text)
	if mo == 0 {
		return false
	}
	j := i + 1
	if j < len(toks) && toks[j].text == "." && !toks[j].space {
		j++
	}
	j = skipFillers(toks, j, 1)
	if j >= len(toks) || toks[j].kind != tNum {
		return false
	}
	// "November 2019": a month and a year is not a publication day.
	if len(toks[j].text) > 2 || toks[j].val < 1 || toks[j].val > 31 {
		return false
	}
	// "May 5:30" is a time, not May 5.
	if j+1 < len(toks) && toks[j+1].text == ":" && !toks[j+1].space {
		return false
	}
	p.mo, p.d = mo, toks[j].val
	p.endTok = j
	k := skipOrdinal(toks, j+1)
	if k > j+1 {
		p.endTok = k - 1
	}
	if k < len(toks) && toks[k].text == "," {
		k++
	}
	if y, ok := yearAt(toks, k); ok {
		p.y = y
		p.hasYear = true
		p.endTok = k
	}
	// Without a year, "may 5" is more likely a verb than a date.
	return p.hasYear || toks[i].upper
}

// cjkAt parses 2016年12月1日 and the Korean 2016년 12월 1일.
func cjkAt(toks []Token, i int, p *partial) bool {
	if i+5 >= len(toks) || !ValidYear(toks[i].val) || toks[i+2].kind != tNum || toks[i+4].kind != tNum {
		return false
	}
	y, mo, d := toks[i+1].text, toks[i+3].text, toks[i+5].text
	if !(y == "年" && mo == "月" && d == "日") && !(y == "년" && mo == "월" && d == "일") {
		return false
	}
	p.y, p.mo, p.d = toks[i].val, toks[i+2].val, toks[i+4].val
	p.hasYear = true
	p.endTok = i + 5
	return true
}

// yearMonthDayAt parses the year-first written date of Hungarian:
// "2025. július 2.", "2025. márc. 14.".
func yearMonthDayAt(toks []Token, i int, p *partial) bool {
	if i+3 >= len(toks) || len(toks[i].text) != 4 || !ValidYear(toks[i].val) || toks[i+1].text != "." {
		return false
	}
	j := i + 2
	mo := 0
	if toks[j].kind == tWord {
		mo = lexicon.Month(toks[j].text)
	}
	if mo == 0 {
		return false
	}
	j++
	if toks[j].text == "." && !toks[j].space {
		j++
	}
	if j >= len(toks) || toks[j].kind != tNum || len(toks[j].text) > 2 || toks[j].val < 1 || toks[j].val > 31 {
		return false
	}
	p.y, p.mo, p.d = toks[i].val, mo, toks[j].val
	p.hasYear = true
	p.endTok = j
	return true
}

func skipOrdinal(toks []Token, j int) int {
	if j < len(toks) && toks[j].kind == tWord && !toks[j].space {
		switch toks[j].text {
		case "st", "nd", "rd", "th", "er", "º", "o":
			return j + 1
		}
	}
	return j
}

func skipFillers(toks []Token, j, max int) int {
	for n := 0; n < max && j < len(toks) && toks[j].kind == tWord && dateFillers[toks[j].text]; n++ {
		j++
	}
	return j
}

func ValidYear(y int) bool { return y >= 1990 && y <= 2100 }

// assembleDate turns parsed fields into an article.Date. A clock time
// without a stated zone is only known to within ±14 hours, so it is kept
// with day precision.
func assembleDate(p *partial, ctx Context) article.Date {
	if p.relative {
		t := p.rel.UTC()
		if p.relPrecision == article.PrecisionDay {
			return article.Date{Time: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), Precision: article.PrecisionDay}
		}
		return article.Date{Time: t.Truncate(time.Minute), Precision: article.PrecisionMinute, HasZone: true}
	}
	y := p.y
	if !p.hasYear {
		y = inferYear(p.mo, p.d, ctx)
	}
	if p.hasTime && p.hasZone {
		loc := time.FixedZone(p.zoneName, p.zoneOff*60)
		prec := article.PrecisionMinute
		if p.sec != 0 {
			prec = article.PrecisionSecond
		}
		return article.Date{Time: time.Date(y, time.Month(p.mo), p.d, p.h, p.mi, p.sec, 0, loc), Precision: prec, HasZone: true}
	}
	if p.hasTime {
		return article.Date{Time: time.Date(y, time.Month(p.mo), p.d, p.h, p.mi, p.sec, 0, time.UTC), Precision: article.PrecisionDay}
	}
	return article.Date{Time: time.Date(y, time.Month(p.mo), p.d, 0, 0, 0, 0, time.UTC), Precision: article.PrecisionDay}
}

// inferYear picks the year for a date printed without one: the URL's year
// when known, else the most recent year that does not put the date after
// the fetch time.
func inferYear(mo, d int, ctx Context) int {
	if ctx.Year != 0 {
		return ctx.Year
	}
	if ctx.Ref.IsZero() {
		return 0
	}
	y := ctx.Ref.Year()
	if time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC).After(ctx.Ref.Add(48 * time.Hour)) {
		y--
	}
	return y
}

// finishDate validates the calendar date and sets the confidence.
func finishDate(m Match, ctx Context) (Match, bool) {
	t := m.Date.Time
	if t.IsZero() || t.Year() < 1990 || t.Year() > 2100 {
		return Match{}, false
	}
	m.Confidence = 0.9
	if !m.HasYear && !m.Relative {
		m.Confidence = 0.6
		if ctx.Year == 0 {
			m.Confidence = 0.45
		}
	}
	if m.Ambiguous {
		m.Confidence -= 0.2
	}
	if m.Relative {
		m.Confidence = 0.6
	}
	if !ctx.Ref.IsZero() && t.After(ctx.Ref.Add(72*time.Hour)) {
		m.Confidence -= 0.4
	}
	return m, true
}

// ValidDay reports whether y-m-d is a real calendar day (time.Date would
// silently normalise February 30th).
func ValidDay(y, mo, d int) bool {
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d && int(t.Month()) == mo
}

// NumericOrder looks for an unambiguous numeric date in s: +1 when one
// must be day-first (13/11/2019), -1 when one must be month-first
// (11/19/2019), 0 when s has none. A document's unambiguous dates settle
// the order of its ambiguous ones.
func NumericOrder(s string) int {
	// The first such date counts. Separators are found with IndexByte,
	// which skips the text between them many bytes at a time; prose has
	// a full stop in every sentence and a slash in few.
	first, order := len(s), 0
	for _, sep := range [...]byte{'/', '.'} {
		for from := 0; from < first; {
			k := strings.IndexByte(s[from:first], sep)
			if k < 0 {
				break
			}
			i := from + k
			if o := numericOrderAt(s, i); o != 0 {
				first, order = i, o
				break
			}
			from = i + 1
		}
	}
	return order
}

// numericOrderAt is NumericOrder for the date whose first separator is
// s[i], if there is one.
func numericOrderAt(s string, i int) int {
	sep := s[i]
	a, aLen := digitsBefore(s, i)
	if aLen == 0 || aLen > 2 {
		return 0
	}
	b, bLen := digitsAfter(s, i+1)
	if bLen == 0 || bLen > 2 || i+1+bLen >= len(s) || s[i+1+bLen] != sep {
		return 0
	}
	if _, yLen := digitsAfter(s, i+2+bLen); yLen != 4 && yLen != 2 {
		return 0
	}
	switch {
	case a > 12 && a <= 31 && b >= 1 && b <= 12:
		return 1
	case b > 12 && b <= 31 && a >= 1 && a <= 12:
		return -1
	}
	return 0
}

func digitsBefore(s string, i int) (int, int) {
	j := i
	for j > 0 && s[j-1] >= '0' && s[j-1] <= '9' {
		j--
	}
	v := 0
	for k := j; k < i && k-j < 9; k++ {
		v = v*10 + int(s[k]-'0')
	}
	return v, i - j
}

func digitsAfter(s string, i int) (int, int) {
	j, v := i, 0
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		if j-i < 9 {
			v = v*10 + int(s[j]-'0')
		}
		j++
	}
	return v, j - i
}
