package text

// `make train`: fit the headline score's weights (titleWeights) on the
// development corpora's text dumps and report them beside the hand-set
// weights, with site-grouped cross-validation as the forecast for sites the
// corpora do not hold. The corpora are read from ../shared/eval at train
// time only; nothing of them is written into the repository, only the
// weights and the figures (title_weights_fitted.go).

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"math"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/pressroom/pressroom/internal/article"
)

var trainTitles = flag.String("train-titles", "", "fit the headline weights on the evaluation corpora in `DIR` (../shared/eval) and rewrite title_weights_fitted.go")

// titleFeatureNames are the Go names of the features, for the generated file.
var titleFeatureNames = [numTitleFeatures]string{
	"tfWordsHeadline", "tfWordsTwo", "tfWordsOther", "tfFullStop", "tfClausePunct", "tfLowerStart",
	"tfFunctionWordEnd", "tfTableRow", "tfWordsCore", "tfAfterAuthorLabel", "tfTitleCase", "tfUpperLine",
	"tfLongProse", "tfCreditLine", "tfDek", "tfInSpan", "tfProximity", "tfBylineBelow", "tfNameBelow",
	"tfDateBelow", "tfRepeated", "tfSlug", "tfDatelineAbove",
}

const (
	trainFolds = 5
	trainSeed  = 13
	// trainL2 pulls the fitted weights towards the hand-set ones: with a
	// few hundred pages, an unpenalised fit memorises sites.
	trainL2    = 0.01
	trainSteps = 1500
	trainRate  = 0.5
)

// titleExample is one development page: its candidates' features, the
// title each candidate would give, and whether that title is the truth.
type titleExample struct {
	corpus, site string
	feats        []titleFeatures
	positive     []bool
	hasTruth     bool // the truth is among the candidates
}

var titleSpaces = regexp.MustCompile(`\s+`)

var titleQuotes = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'", "\u2032", "'",
	"\u00b4", "'", "`", "'", "\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u00ab", `"`, "\u00bb", `"`,
	"\u2010", "-", "\u2011", "-", "\u2012", "-", "\u2013", "-", "\u2014", "-", "\u2015", "-", "\u2212", "-", "\u00a0", " ")

// normTitle is the scorer's title normalisation (score.py norm_title).
func normTitle(s string) string {
	s = cases.Fold().String(titleQuotes.Replace(norm.NFKC.String(s)))
	return strings.TrimSpace(titleSpaces.ReplaceAllString(s, " "))
}

func TestTrainTitleWeights(t *testing.T) {
	if *trainTitles == "" {
		t.Skip("make train runs this with -train-titles")
	}
	var exs []titleExample
	total := map[string]int{}
	for _, c := range []struct{ name, dir, split string }{
		{"news", "data", "split-dev.txt"},
		{"readability", "corpora/readability", "corpora/readability/split-dev.txt"},
		{"trafcmp", "corpora/trafcmp", "corpora/trafcmp/split-dev.txt"},
	} {
		got, n := loadTitleExamples(t, c.name, filepath.Join(*trainTitles, c.dir), filepath.Join(*trainTitles, c.split))
		exs = append(exs, got...)
		total[c.name] = n
	}
	hand := handTitleWeights
	all := fitTitleWeights(exs, nil, &hand)
	cv := make([]bool, len(exs)) // whether the held-out fold's weights get page k right
	fold := siteFolds(exs)
	for f := range trainFolds {
		w := fitTitleWeights(exs, func(k int) bool { return fold[k] != f }, &hand)
		for k := range exs {
			if fold[k] == f {
				cv[k] = titleCorrect(&exs[k], &w)
			}
		}
	}
	var rep strings.Builder
	fmt.Fprintf(&rep, "Title accuracy of the text front-end's headline score on the development text dumps\n")
	fmt.Fprintf(&rep, "(pages with a truth title; reachable = the truth is among the candidates).\n")
	fmt.Fprintf(&rep, "CV: %d folds grouped by site (host), seed %d; L2 %.2g towards the hand-set weights.\n\n", trainFolds, trainSeed, trainL2)
	fmt.Fprintf(&rep, "%-12s %5s %9s %8s %10s %10s\n", "corpus", "pages", "reachable", "hand", "fitted-CV", "fitted-dev")
	for _, corpus := range []string{"news", "readability", "trafcmp", "all"} {
		var n, reach, h, c, d int
		for k := range exs {
			e := &exs[k]
			if corpus != "all" && e.corpus != corpus {
				continue
			}
			reach += b2i(e.hasTruth)
			h += b2i(titleCorrect(e, &hand))
			c += b2i(cv[k])
			d += b2i(titleCorrect(e, &all))
		}
		if corpus == "all" {
			for _, v := range total {
				n += v
			}
		} else {
			n = total[corpus]
		}
		fmt.Fprintf(&rep, "%-12s %5d %9d %8.3f %10.3f %10.3f\n", corpus, n, reach,
			ratio(h, n), ratio(c, n), ratio(d, n))
	}
	var none, wrong int
	for k := range exs {
		if e := &exs[k]; e.hasTruth && !titleCorrect(e, &hand) {
			if titlePick(e, &hand) < 0 {
				none++
			} else {
				wrong++
			}
		}
	}
	var gained, lost int
	for k := range exs {
		switch h := titleCorrect(&exs[k], &hand); {
		case cv[k] && !h:
			gained++
		case h && !cv[k]:
			lost++
		}
	}
	fmt.Fprintf(&rep, "\nFitted (CV) against hand-set: %d pages gained, %d lost.\n", gained, lost)
	fmt.Fprintf(&rep, "Reachable pages the hand-set weights miss: %d with no title above the threshold, %d with another line.\n", none, wrong)
	fmt.Fprintf(&rep, "\n%-20s %8s %8s\n", "feature", "hand", "fitted")
	for k := range numTitleFeatures {
		fmt.Fprintf(&rep, "%-20s %8.2f %8.2f\n", titleFeatureNames[k], hand[k], all[k])
	}
	t.Log("\n" + rep.String())
	if err := writeFittedTitleWeights("title_weights_fitted.go", &all, rep.String()); err != nil {
		t.Fatal(err)
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// loadTitleExamples reads one corpus's development pages that have a truth
// title and computes their headline candidates as Extract would. It also
// returns how many such pages there are (the scorer's denominator).
func loadTitleExamples(t *testing.T, corpus, dir, split string) ([]titleExample, int) {
	t.Helper()
	ids, err := os.ReadFile(split)
	if err != nil {
		t.Fatal(err)
	}
	dev := map[string]bool{}
	for _, id := range strings.Fields(string(ids)) {
		dev[id] = true
	}
	f, err := os.Open(filepath.Join(dir, "truth.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var exs []titleExample
	n := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var rec struct{ ID, URL, Title string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		truth := normTitle(rec.Title)
		if !dev[rec.ID] || truth == "" {
			continue
		}
		n++
		body, err := os.ReadFile(filepath.Join(dir, "dumps", rec.ID+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		ex := titleExample{corpus: corpus, site: siteOf(rec.URL)}
		if doc := textDocument(article.NewDump("", rec.URL, "", body, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))); doc != nil {
			lo, feats, ok := titleCandidates(doc)
			for k := range feats {
				if !ok[k] {
					continue
				}
				hit := normTitle(titleTextAt(doc.blocks, lo+k)) == truth
				ex.feats = append(ex.feats, feats[k])
				ex.positive = append(ex.positive, hit)
				ex.hasTruth = ex.hasTruth || hit
			}
		}
		exs = append(exs, ex)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return exs, n
}

// textDocument runs Extract's text front-end up to the headline: the
// classified document findMetadata starts from; nil for no text. The
// corpora's text dumps are neither envelopes nor HTML pages.
func textDocument(d *article.Dump) *document {
	if bytes.Count(d.Body, []byte{'\n'}) > MaxLines {
		return nil
	}
	dec := decode(d)
	blocks, err := segment(dec.text, MaxLines)
	if err != nil || len(blocks) == 0 {
		return nil
	}
	doc := newDocument(d, dec, blocks)
	classify(doc)
	return doc
}

// titleTextAt is the title findTitle gives when block i scores best,
// including its breadcrumb step.
func titleTextAt(bs []block, i int) string {
	if i+1 < len(bs) && arrowTrail(bs[i].text) {
		if steps := breadcrumbLine(bs[i].text); strings.EqualFold(steps[len(steps)-1], bs[i+1].text) {
			i++
		}
	}
	return cleanTitle(bs[i].text)
}

// siteOf is the page's host without "www.", the unit the folds group by.
func siteOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// siteFolds assigns every page a fold so that no site is in two folds.
func siteFolds(exs []titleExample) []int {
	var sites []string
	seen := map[string]bool{}
	for _, e := range exs {
		if !seen[e.site] {
			seen[e.site] = true
			sites = append(sites, e.site)
		}
	}
	slices.Sort(sites)
	rand.New(rand.NewPCG(trainSeed, trainSeed)).Shuffle(len(sites), func(i, j int) { sites[i], sites[j] = sites[j], sites[i] })
	of := map[string]int{}
	for i, s := range sites {
		of[s] = i % trainFolds
	}
	fold := make([]int, len(exs))
	for k, e := range exs {
		fold[k] = of[e.site]
	}
	return fold
}

// titleCorrect reports whether weights w pick the true title for e, as
// findTitle picks: the first best candidate above the threshold.
func titleCorrect(e *titleExample, w *titleWeights) bool {
	best := titlePick(e, w)
	return best >= 0 && e.positive[best]
}

// titlePick is the candidate findTitle picks with weights w, -1 for none.
func titlePick(e *titleExample, w *titleWeights) int {
	best, bestScore := -1, float32(titleThreshold)
	for k := range e.feats {
		if sc := w.score(&e.feats[k]); sc > bestScore {
			best, bestScore = k, sc
		}
	}
	return best
}

// fitTitleWeights minimises, over the pages use accepts (nil: all) whose
// truth is a candidate, the softmax loss of the true candidates against the
// others and against "no title" (the threshold), plus an L2 pull towards
// prior. Full-batch gradient descent from prior: deterministic.
func fitTitleWeights(exs []titleExample, use func(int) bool, prior *titleWeights) titleWeights {
	var w, p [numTitleFeatures]float64
	for k := range w {
		w[k], p[k] = float64(prior[k]), float64(prior[k])
	}
	var pages []int
	for k := range exs {
		if exs[k].hasTruth && (use == nil || use(k)) {
			pages = append(pages, k)
		}
	}
	scores := make([]float64, 0, 512)
	for range trainSteps {
		var grad [numTitleFeatures]float64
		for _, k := range pages {
			e := &exs[k]
			scores = scores[:0]
			top := titleThreshold
			for c := range e.feats {
				var s float64
				for j, v := range e.feats[c] {
					s += w[j] * float64(v)
				}
				scores = append(scores, s)
				top = max(top, s)
			}
			// p_c over candidates and "no title"; q_c over true candidates.
			zAll, zPos := math.Exp(titleThreshold-top), 0.0
			for c, s := range scores {
				x := math.Exp(s - top)
				scores[c] = x
				zAll += x
				if e.positive[c] {
					zPos += x
				}
			}
			for c, x := range scores {
				g := x / zAll
				if e.positive[c] {
					g -= x / zPos
				}
				for j, v := range e.feats[c] {
					grad[j] += g * float64(v)
				}
			}
		}
		for j := range w {
			w[j] -= trainRate * (grad[j]/float64(max(len(pages), 1)) + trainL2*(w[j]-p[j]))
		}
	}
	var out titleWeights
	for k := range w {
		// Two decimals: the committed file stays readable and stable.
		out[k] = float32(math.Round(w[k]*100) / 100)
	}
	return out
}

// writeFittedTitleWeights writes the generated Go file with the weights and
// the report that justifies (or not) using them.
func writeFittedTitleWeights(path string, w *titleWeights, report string) error {
	var b bytes.Buffer
	b.WriteString("// Code generated by `make train` (TestTrainTitleWeights); DO NOT EDIT.\n\n")
	b.WriteString("package text\n\n")
	b.WriteString("// fittedTitleWeights are the headline weights fitted on the development\n// corpora's text dumps. The fit's report:\n//\n")
	for _, l := range strings.Split(strings.TrimRight(report, "\n"), "\n") {
		b.WriteString(strings.TrimRight("//\t"+l, " \t") + "\n")
	}
	b.WriteString("var fittedTitleWeights = titleWeights{\n")
	for k := range numTitleFeatures {
		fmt.Fprintf(&b, "\t%s: %g,\n", titleFeatureNames[k], w[k])
	}
	b.WriteString("}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		return fmt.Errorf("train: format %s: %w", path, err)
	}
	return os.WriteFile(path, src, 0o644)
}

func TestFitTitleWeightsLearnsASignal(t *testing.T) {
	// Every page: two headline-shaped lines, only the true one repeated.
	// Zero prior weights pick nothing; the fit must learn the repetition.
	var exs []titleExample
	for i := range 20 {
		var pos, neg titleFeatures
		pos[tfWordsHeadline], pos[tfRepeated] = 1, 1
		neg[tfWordsHeadline] = 1
		feats, positive := []titleFeatures{neg, pos}, []bool{false, true}
		if i%2 == 1 {
			feats, positive = []titleFeatures{pos, neg}, []bool{true, false}
		}
		exs = append(exs, titleExample{site: fmt.Sprint("site", i), feats: feats, positive: positive, hasTruth: true})
	}
	var zero titleWeights
	w := fitTitleWeights(exs, nil, &zero)
	for k := range exs {
		if titleCorrect(&exs[k], &zero) {
			t.Fatalf("page %d: zero weights pick a title", k)
		}
		if !titleCorrect(&exs[k], &w) {
			t.Errorf("page %d: the fitted weights %v miss the repeated line", k, w)
		}
	}
}

func TestSiteFoldsKeepASiteTogether(t *testing.T) {
	var exs []titleExample
	for i := range 60 {
		exs = append(exs, titleExample{site: fmt.Sprint("site", i%17)})
	}
	fold := siteFolds(exs)
	if again := siteFolds(exs); !slices.Equal(fold, again) {
		t.Fatal("folds differ between two runs")
	}
	of, used := map[string]int{}, map[int]bool{}
	for k, e := range exs {
		if f, ok := of[e.site]; ok && f != fold[k] {
			t.Errorf("site %s in folds %d and %d", e.site, f, fold[k])
		}
		of[e.site] = fold[k]
		used[fold[k]] = true
	}
	if len(used) != trainFolds {
		t.Errorf("%d folds used, want %d", len(used), trainFolds)
	}
}

func TestNormTitle(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"  Ein  «Titel»\u00a0— hier ", `ein "titel" - hier`},
		{"It\u2019s Straße", "it's strasse"},
		{"ﬁne\tprint", "fine print"},
	} {
		if got := normTitle(tc.in); got != tc.want {
			t.Errorf("normTitle(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for k, name := range titleFeatureNames {
		if name == "" {
			t.Errorf("feature %d has no name in titleFeatureNames", k)
		}
	}
}
