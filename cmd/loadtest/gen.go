package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Dump is one generated article as a scraper would send it (Text), plus the
// fields a plain INSERT without Pressroom stores for it.
type Dump struct {
	Index      uint64
	Source     string // the scraper's label
	URL        string
	Site       string
	Section    string
	Title      string
	Authors    []string
	Published  time.Time
	Location   string
	Paywalled  bool
	Paragraphs []string
	Text       []byte // the page's visible text, as POSTed
}

// Body is the article text as a plain table stores it: paragraphs separated
// by a blank line.
func (d *Dump) Body() string { return strings.Join(d.Paragraphs, "\n\n") }

// generator makes dumps. Dump i depends only on (seed, i), so every request
// of a run gets its own dump without coordination, and a test can regenerate
// any dump exactly.
type generator struct{ seed uint64 }

// Body size bounds: the benchmark row has a ~5 KB body and ~6 KB raw.
const (
	minBodyBytes = 5000
	maxBodyBytes = 6000
	minParas     = 6
	maxParas     = 12
)

// publishedEpoch and publishedSpan bound generated publication dates.
var (
	publishedEpoch = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	publishedSpan  = int64(7 * 365 * 24 * 3600)
)

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// chance reports true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// dump generates dump i.
func (g generator) dump(i uint64) *Dump {
	r := rand.New(rand.NewPCG(g.seed, i))
	s := pick(r, sites)
	d := &Dump{
		Index:     i,
		Source:    "loadtest-" + s.domain,
		Site:      s.name,
		Section:   pick(r, sections[1:]),
		Published: publishedEpoch.Add(time.Duration(r.Int64N(publishedSpan)) * time.Second),
		Location:  pick(r, places) + ", " + pick(r, regions),
		Paywalled: chance(r, 0.7),
	}
	d.Authors = append(d.Authors, person(r))
	if chance(r, 0.25) {
		d.Authors = append(d.Authors, person(r))
	}
	d.Title = headline(r)
	d.Paragraphs = paragraphs(r)
	d.URL = fmt.Sprintf("https://www.%s.example/%s/%s/%s-%d", s.domain, strings.ToLower(d.Section),
		d.Published.Format("2006/01/02"), slug(d.Title), i)
	d.Text = g.page(r, d)
	return d
}

// page lays the dump out the way a browser's innerText renders a news page:
// masthead and navigation, date, headline, byline, the body, then the
// paywall and footer boilerplate that an extractor has to cut. The order and
// presence of the chrome vary so that no two layouts repeat exactly.
func (g generator) page(r *rand.Rand, d *Dump) []byte {
	var b strings.Builder
	b.Grow(maxBodyBytes + 2048)
	line := func(s string) { b.WriteString(s); b.WriteByte('\n') }

	if chance(r, 0.5) {
		line(strings.ToUpper(d.Site))
	} else {
		line(d.Site)
	}
	if chance(r, 0.6) {
		n := 3 + r.IntN(5)
		nav := make([]string, 0, n)
		for _, k := range r.Perm(len(sections))[:n] {
			nav = append(nav, sections[k])
		}
		if chance(r, 0.5) {
			line(strings.Join(nav, " | "))
		} else {
			for _, s := range nav {
				line(s)
			}
		}
	}
	dateFirst := chance(r, 0.5)
	if dateFirst {
		if chance(r, 0.4) {
			line(dateLine(r, d.Published) + "  |  " + d.Location)
		} else {
			line(dateLine(r, d.Published))
		}
	}
	for range r.IntN(3) {
		line(pick(r, sponsorLines))
	}
	if chance(r, 0.5) {
		line(d.Section)
	}
	b.WriteByte('\n')
	line(d.Title)
	if chance(r, 0.5) {
		line(sentence(r))
	}
	line(byline(r, d.Authors))
	if !dateFirst {
		line(dateLine(r, d.Published))
	}
	if chance(r, 0.4) {
		line(pick(r, readTimes))
	}
	b.WriteByte('\n')

	for k, p := range d.Paragraphs {
		if k == 0 && chance(r, 0.4) {
			// A dateline opens the body; it is part of the article text.
			city, _, _ := strings.Cut(d.Location, ",")
			p = strings.ToUpper(city) + " — " + p
			d.Paragraphs[0] = p
		}
		line(p)
		b.WriteByte('\n')
	}

	for range r.IntN(4) {
		line("Read more: " + headline(r))
	}
	if d.Paywalled {
		b.WriteByte('\n')
		for _, k := range r.Perm(len(paywallLines))[:1+r.IntN(3)] {
			line(paywallLines[k])
		}
	}
	b.WriteByte('\n')
	for _, k := range r.Perm(len(footerLines))[:1+r.IntN(3)] {
		line(footerLines[k])
	}
	fmt.Fprintf(&b, "© %d %s. All rights reserved.\n", d.Published.Year(), d.Site)
	return []byte(b.String())
}

// paragraphs writes 6-12 paragraphs totalling 5-6 KB (a last sentence may
// run past the target).
func paragraphs(r *rand.Rand) []string {
	n := minParas + r.IntN(maxParas-minParas+1)
	target := minBodyBytes + r.IntN(maxBodyBytes-minBodyBytes+1)
	target -= 2 * (n - 1) // the blank lines between paragraphs count too
	// Paragraph lengths vary around the mean, as real ones do.
	weights := make([]float64, n)
	var sum float64
	for k := range weights {
		weights[k] = 0.5 + r.Float64()
		sum += weights[k]
	}
	paras := make([]string, n)
	written := 0
	for k := range paras {
		want := int(float64(target) * weights[k] / sum)
		if k == n-1 {
			want = target - written
		}
		var p strings.Builder
		for {
			s := sentence(r)
			if p.Len() > 0 {
				// Stop where the paragraph comes closest to its share.
				if k < n-1 && p.Len()+1+len(s)/2 > want {
					break
				}
				p.WriteByte(' ')
			}
			p.WriteString(s)
			if p.Len() >= want {
				break
			}
		}
		paras[k] = p.String()
		written += p.Len()
	}
	return paras
}

// pickTwo returns two different elements of list.
func pickTwo[T any](r *rand.Rand, list []T) (T, T) {
	i := r.IntN(len(list))
	j := r.IntN(len(list) - 1)
	if j >= i {
		j++
	}
	return list[i], list[j]
}

// withArticle prefixes "a" or "an" by the word's first letter, which is
// right for every word in the vocabulary.
func withArticle(w string) string {
	if strings.ContainsRune("aeiou", rune(w[0])) {
		return "an " + w
	}
	return "a " + w
}

func person(r *rand.Rand) string { return pick(r, firstNames) + " " + pick(r, lastNames) }

// sentence returns one sentence of news prose from a random template.
func sentence(r *rand.Rand) string {
	var s string
	switch r.IntN(12) {
	case 0:
		s = fmt.Sprintf("%s %s the %s %s %s, %s.", pick(r, orgs), pick(r, pastVerbs), pick(r, adjectives), pick(r, nouns), pick(r, timePhrases), pick(r, clauses))
	case 1:
		s = fmt.Sprintf("“%s the %s will %s %s,” %s %s, %s %s.", pick(r, quoteOpeners), pick(r, nouns), pick(r, baseVerbs), pick(r, timePhrases), person(r), pick(r, sayVerbs), pick(r, roles), pick(r, orgs))
	case 2:
		s = fmt.Sprintf("In %s, %s %s %s the %s %s, %s.", pick(r, places), number(r), pick(r, pluralNouns), pick(r, pastVerbs), pick(r, nouns), pick(r, timePhrases), pick(r, clauses))
	case 3:
		s = fmt.Sprintf("The %s was %s %s, according to %s.", pick(r, nouns), pick(r, adverbs), pick(r, pastVerbs), pick(r, sourcePhrases))
	case 4:
		s = fmt.Sprintf("%s, %s %s, said the %s would %s the %s %s by %s.", person(r), pick(r, roles), pick(r, orgs), pick(r, nouns), pick(r, baseVerbs), pick(r, adjectives), pick(r, nouns), pick(r, months))
	case 5:
		s = fmt.Sprintf("About %d percent of %s %s the %s, up from %d percent a year earlier, %s.", 5+r.IntN(90), pick(r, pluralNouns), pick(r, pastVerbs), pick(r, nouns), 3+r.IntN(60), pick(r, clauses))
	case 6:
		s = fmt.Sprintf("The %s %s is expected to cost %s, roughly %s what %s had projected when the %s was first %s.", pick(r, adjectives), pick(r, nouns), money(r), pick(r, []string{"double", "half", "a third more than", "twice"}), pick(r, orgs), pick(r, nouns), pick(r, pastVerbs))
	case 7:
		p1, p2 := pickTwo(r, places)
		s = fmt.Sprintf("%s %s %s, and %s in %s and %s have asked for %s %s.", pick(r, pluralNouns), pick(r, adverbs), pick(r, pastVerbs), pick(r, pluralNouns), p1, p2, withArticle(pick(r, adjectives)), pick(r, nouns))
	case 8:
		s = fmt.Sprintf("Neither %s nor %s responded to requests for comment %s.", pick(r, orgs), pick(r, orgs), pick(r, timePhrases))
	case 9:
		s = fmt.Sprintf("“%s %s %s have waited long enough,” %s %s.", pick(r, quoteOpeners), number(r), pick(r, pluralNouns), person(r), pick(r, sayVerbs))
	case 10:
		s = fmt.Sprintf("The %s follows %s %s in %s that left %s %s without %s for %d days.", pick(r, nouns), withArticle(pick(r, adjectives)), pick(r, nouns), pick(r, places), number(r), pick(r, pluralNouns), pick(r, []string{"power", "water", "service", "pay", "a contract", "access"}), 2+r.IntN(40))
	default:
		s = fmt.Sprintf("Since %s, %s has %s %d separate %s, %s.", pick(r, months), pick(r, orgs), pick(r, pastVerbs), 2+r.IntN(30), pick(r, []string{"requests", "complaints", "bids", "appeals", "proposals", "reviews"}), pick(r, clauses))
	}
	return capitalise(s)
}

// headline returns a title-cased headline.
func headline(r *rand.Rand) string {
	var h string
	switch r.IntN(5) {
	case 0:
		h = fmt.Sprintf("%s %s %s %s as %s wait", strings.TrimPrefix(pick(r, orgs), "the "), pick(r, presentVerbs), pick(r, adjectives), pick(r, nouns), pick(r, pluralNouns))
	case 1:
		h = fmt.Sprintf("%s %s face %s %s after %s %s", pick(r, places), pick(r, pluralNouns), pick(r, adjectives), pick(r, nouns), pick(r, nouns), pick(r, pastVerbs))
	case 2:
		h = fmt.Sprintf("What the %s %s means for %s in %s", pick(r, adjectives), pick(r, nouns), pick(r, pluralNouns), pick(r, places))
	case 3:
		h = fmt.Sprintf("%s %s the %s, %s", strings.TrimPrefix(pick(r, orgs), "the "), pick(r, presentVerbs), pick(r, nouns), pick(r, clauses))
	default:
		h = fmt.Sprintf("%s %s %s %s over %s", number(r), pick(r, pluralNouns), pick(r, []string{"protest", "rally", "sue", "petition", "vote"}), pick(r, timePhrases), pick(r, nouns))
	}
	return titleCase(h)
}

// byline renders the authors in one of the forms news sites use.
func byline(r *rand.Rand, authors []string) string {
	names := strings.Join(authors, " and ")
	switch r.IntN(4) {
	case 0:
		return "By " + names
	case 1:
		return "By " + names + ", " + pick(r, agencies)
	case 2:
		return names + " | Staff Writer"
	default:
		return names
	}
}

// dateLine prints t in one of the date formats pages commonly show.
func dateLine(r *rand.Rand, t time.Time) string {
	switch r.IntN(6) {
	case 0:
		return t.Format("Jan 2, 2006")
	case 1:
		return t.Format("2 January 2006")
	case 2:
		return t.Format("2006-01-02T15:04Z")
	case 3:
		h := t.Hour() % 12
		if h == 0 {
			h = 12
		}
		ampm := "am"
		if t.Hour() >= 12 {
			ampm = "pm"
		}
		return fmt.Sprintf("%s %d, %d %d:%02d %s ET", apMonths[t.Month()-1], t.Day(), t.Year(), h, t.Minute(), ampm)
	case 4:
		return t.Format("Monday, January 2, 2006")
	default:
		return "Updated " + t.Format("15:04 MST, 2 Jan 2006")
	}
}

func number(r *rand.Rand) string {
	if chance(r, 0.3) {
		return pick(r, []string{"dozens of", "hundreds of", "thousands of", "several", "many", "some"})
	}
	n := 2 + r.IntN(5000)
	if n >= 1000 {
		return fmt.Sprintf("%d,%03d", n/1000, n%1000)
	}
	return fmt.Sprint(n)
}

func money(r *rand.Rand) string {
	switch r.IntN(3) {
	case 0:
		return fmt.Sprintf("$%d.%d million", 1+r.IntN(900), r.IntN(10))
	case 1:
		return fmt.Sprintf("€%d,%03d", 1+r.IntN(900), r.IntN(1000))
	default:
		return fmt.Sprintf("$%d.%d billion", 1+r.IntN(40), r.IntN(10))
	}
}

// smallWords stay lower case inside a title.
var smallWords = map[string]bool{"a": true, "an": true, "the": true, "of": true, "in": true, "on": true,
	"as": true, "for": true, "and": true, "to": true, "at": true, "by": true, "over": true, "nor": true}

func titleCase(s string) string {
	words := strings.Fields(s)
	for k, w := range words {
		if k == 0 || !smallWords[w] {
			words[k] = capitalise(w)
		}
	}
	return strings.Join(words, " ")
}

// capitalise upper-cases the first letter, skipping an opening quote.
func capitalise(s string) string {
	for i, c := range s {
		if unicode.IsLetter(c) {
			return s[:i] + string(unicode.ToUpper(c)) + s[i+utf8.RuneLen(c):]
		}
		if unicode.IsDigit(c) {
			return s
		}
	}
	return s
}

// slug is the URL path segment news sites derive from a headline.
func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(title) {
		if c < utf8.RuneSelf && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
			b.WriteRune(c)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
