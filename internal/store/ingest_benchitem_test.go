package store_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/store"
)

// benchWords is the vocabulary of generated prose: English-like text
// compresses about as well as real articles do.
var benchWords = strings.Fields(`the of and to in a is that for on was with he it as at by
	from his an were are which this be has or had not but been its they who their one new
	after also more two first last year years said people would will about city council
	government minister police court report state public plan officials company market
	percent million week month day time local national school health water bridge river
	road project budget vote election party leader members spokesman statement according
	during before since while under between against several including however because
	where when what other some many most such only over into through than then there these
	those could should must might early late morning evening community residents families
	children workers business industry prices costs energy power climate weather storm
	rain flood fire emergency services hospital doctors patients study research university
	students teachers building construction housing rent homes street district region
	county province capital border trade deal agreement talks meeting summit president
	mayor governor judge lawyer case trial investigation evidence witness officers arrest
	charges security safety transport train bus airport flight travel tourism festival
	music film book author history museum team season match game player coach win lost
	score league final record fans stadium club sport championship victory defeat`)

// benchItem generates distinct realistic item i: a text dump of ~6 KB with
// masthead, headline, byline, date, 8-12 paragraphs and a paywall tail, and
// its extraction (~5 KB of body, metadata, diagnostics).
func benchItem(seed, i uint64) store.IngestItem {
	rng := rand.New(rand.NewPCG(seed, i))
	sentence := func(minWords, maxWords int) string {
		n := minWords + rng.IntN(maxWords-minWords+1)
		var sb strings.Builder
		for j := range n {
			w := benchWords[rng.IntN(len(benchWords))]
			if j == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			} else {
				sb.WriteByte(' ')
			}
			sb.WriteString(w)
			if j > 2 && j < n-2 && rng.IntN(12) == 0 {
				sb.WriteByte(',')
			}
		}
		sb.WriteByte('.')
		return sb.String()
	}
	title := strings.TrimSuffix(sentence(6, 11), ".")
	author := fmt.Sprintf("%s %s", strings.ToUpper(benchWords[rng.IntN(len(benchWords))][:1])+"ane", strings.ToUpper(benchWords[rng.IntN(len(benchWords))][:1])+"oe")
	published := time.Date(2025, time.Month(1+rng.IntN(12)), 1+rng.IntN(28), rng.IntN(24), rng.IntN(60), 0, 0, time.UTC)
	paras := make([]string, 10+rng.IntN(5))
	words := 0
	for p := range paras {
		ss := make([]string, 4+rng.IntN(3))
		for k := range ss {
			ss[k] = sentence(10, 20)
			words += strings.Count(ss[k], " ") + 1
		}
		paras[p] = strings.Join(ss, " ")
	}
	var raw strings.Builder
	fmt.Fprintf(&raw, "The Daily %d\nHome | News | Sport | Business | Opinion\n\n%s\n\nBy %s\n%s\n\n",
		i%97, title, author, published.Format("Jan 2, 2006 3:04 pm"))
	raw.WriteString(strings.Join(paras, "\n\n"))
	fmt.Fprintf(&raw, "\n\nSubscribe to read more. Already a subscriber? Sign in.\nStory %d-%d\n", seed, i)

	d := article.NewDump(fmt.Sprintf("bench-%d", i%7), fmt.Sprintf("https://example.com/news/%d/%d", seed, i),
		"text/plain; charset=utf-8", []byte(raw.String()), time.Now())
	x := &article.Extraction{
		Input: article.InputText,
		Metadata: article.Metadata{
			Title: title, Authors: []string{author},
			Published: &article.Date{Time: published, Precision: article.PrecisionMinute},
			SiteName:  fmt.Sprintf("The Daily %d", i%97), Language: "en", URL: d.URL,
		},
		Paragraphs: paras,
		WordCount:  words,
		Version:    1,
		Diagnostics: article.Diagnostics{
			Input: article.InputText,
			Fields: []article.FieldSource{
				{Field: "title", Value: title, Line: 4, Rule: "headline-before-body", Confidence: 0.9},
				{Field: "authors", Value: author, Line: 6, Rule: "byline", Confidence: 0.8},
				{Field: "published", Value: published.Format(time.RFC3339), Line: 7, Rule: "date-line", Confidence: 0.85},
				{Field: "site_name", Value: fmt.Sprintf("The Daily %d", i%97), Line: 1, Rule: "masthead", Confidence: 0.6},
			},
			Dropped: []article.DroppedBlock{
				{Line: 2, Label: "navigation", Text: "Home | News | Sport | Business | Opinion"},
				{Line: 9 + len(paras)*2, Label: "paywall", Text: "Subscribe to read more. Already a subscriber? Sign in."},
			},
		},
	}
	return store.IngestItem{Dump: d, Extraction: x}
}
