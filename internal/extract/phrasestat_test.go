package extract

// The phrase statistics: for every entry of the extractor's phrase lists,
// on how many distinct development sites (news, readability and trafcmp,
// text dumps and HTML) it fires, and on how many leaving it out changes
// the extraction. An entry that changes one site's output only is a phrase
// of that site's template, not vocabulary: issue 13 prunes those. It reads
// the evaluation corpora in ../shared/eval, so it only runs when asked:
//
//	go test -run TestPhraseStats -phrasestat -timeout 60m ./internal/extract
//
// It writes a table, one entry a line, to -phrasestat-out (and a summary
// to the test log).

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/extracttest"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
	"github.com/pressroom/pressroom/internal/extract/page"
	"github.com/pressroom/pressroom/internal/extract/text"
)

var (
	phraseStat     = flag.Bool("phrasestat", false, "measure every phrase-list entry on the evaluation corpora")
	phraseStatEval = flag.String("phrasestat-eval", "../../../shared/eval", "the evaluation folder (../shared/eval of the repository)")
	phraseStatOut  = flag.String("phrasestat-out", "phrasestat.tsv", "where the per-entry table goes")
)

// statDoc is one development document, as one input.
type statDoc struct {
	site  string
	name  string // corpus/input/id
	dump  *article.Dump
	lower string // the folded input, for the substring pre-filter
	base  string // the extraction's fingerprint with every list whole
}

// statList is a phrase list the statistics can leave entries out of.
type statList struct {
	name    string
	entries []string
	// without leaves entry i out and returns the function that puts it
	// back.
	without func(i int) (restore func())
	// needle is what the input must contain for entry i to possibly fire.
	needle func(i int) string
}

func sliceStatList(name string, s *[]string) statList {
	orig := append([]string(nil), (*s)...)
	return statList{
		name: name, entries: orig,
		without: func(i int) func() {
			cut := append(append([]string(nil), orig[:i]...), orig[i+1:]...)
			*s = cut
			return func() { *s = orig }
		},
		needle: func(i int) string { return strings.TrimSpace(orig[i]) },
	}
}

func mapStatList(name string, m map[string]bool) statList {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return statList{
		name: name, entries: keys,
		without: func(i int) func() {
			delete(m, keys[i])
			return func() { m[keys[i]] = true }
		},
		needle: func(i int) string { return keys[i] },
	}
}

// otherStatLists are the phrase lists outside the vocabulary automaton.
func otherStatLists() []statList {
	pubs := make([]string, len(text.PublisherCues))
	for i, pc := range text.PublisherCues {
		pubs[i] = pc.Cue
	}
	orig := text.PublisherCues
	return []statList{
		sliceStatList("sponsorCues", &text.SponsorCues),
		{
			name: "publisherCues", entries: pubs,
			without: func(i int) func() {
				text.PublisherCues = append(orig[:i:i], orig[i+1:]...)
				return func() { text.PublisherCues = orig }
			},
			needle: func(i int) string { return strings.TrimSpace(pubs[i]) },
		},
		sliceStatList("commenterSuffixes", &text.CommenterSuffixes),
		sliceStatList("lexicon.PhotoCredit", &lexicon.PhotoCredit),
		sliceStatList("lexicon.SectionLabels", &lexicon.SectionLabels),
		sliceStatList("lexicon.TagLabels", &lexicon.TagLabels),
		mapStatList("lexicon.HomeSteps", lexicon.HomeSteps),
		mapStatList("lexicon.RouteWords", lexicon.RouteWords),
		sliceStatList("lexicon.SignOff", &lexicon.SignOff),
	}
}

var vocabKindNames = map[page.VocabKind]string{page.VShare: "share", page.VNav: "nav", page.VRelated: "related", page.VComments: "comments",
	page.VNewsletter: "newsletter", page.VLegal: "legal", page.VAd: "ad", page.VCaption: "caption", page.VPaywall: "paywall", page.VFollow: "follow",
	page.VByline: "byline", page.VPublished: "published", page.VUpdated: "updated", page.VSyndication: "syndication", page.VSponsor: "sponsor",
	page.VReadTime: "readtime", page.VRole: "role", page.VAgency: "agency", page.VEnd: "end"}

// statSite names a document's site: its host without "www.", the archived
// page's host for the Wayback Machine, and the test case for the
// readability corpus, whose pages all claim one fake host.
func statSite(corpus, id, raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Hostname() == "fakehost" {
		return corpus + ":" + id
	}
	if strings.HasSuffix(u.Hostname(), "web.archive.org") {
		if i := strings.Index(u.Path, "http"); i >= 0 {
			return statSite(corpus, id, u.Path[i:])
		}
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

func loadStatDocs(t *testing.T, evalDir string) []statDoc {
	corpora := []struct{ name, data, split string }{
		{"news", filepath.Join(evalDir, "data"), filepath.Join(evalDir, "split-dev.txt")},
		{"readability", filepath.Join(evalDir, "corpora/readability"), filepath.Join(evalDir, "corpora/readability/split-dev.txt")},
		{"trafcmp", filepath.Join(evalDir, "corpora/trafcmp"), filepath.Join(evalDir, "corpora/trafcmp/split-dev.txt")},
	}
	var docs []statDoc
	for _, c := range corpora {
		split, err := os.ReadFile(c.split)
		if err != nil {
			t.Fatalf("phrasestat: %v", err)
		}
		dev := map[string]bool{}
		for _, id := range strings.Fields(string(split)) {
			dev[id] = true
		}
		f, err := os.Open(filepath.Join(c.data, "truth.jsonl"))
		if err != nil {
			t.Fatalf("phrasestat: %v", err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<26)
		for sc.Scan() {
			var rec struct{ ID, URL string }
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				t.Fatalf("phrasestat: truth: %v", err)
			}
			if !dev[rec.ID] {
				continue
			}
			for _, in := range []struct{ dir, ext string }{{"dumps", ".txt"}, {"html", ".html"}} {
				body, err := os.ReadFile(filepath.Join(c.data, in.dir, rec.ID+in.ext))
				if err != nil {
					continue
				}
				docs = append(docs, statDoc{
					site: statSite(c.name, rec.ID, rec.URL), name: c.name + "/" + in.dir + "/" + rec.ID,
					dump: article.NewDump("", rec.URL, "", body, extracttest.ReceivedAt), lower: page.FoldLower(string(body)),
				})
			}
		}
		f.Close()
	}
	return docs
}

// fingerprint is everything an extraction returns but its diagnostics.
func fingerprint(x article.Extraction) string {
	b, _ := json.Marshal(struct {
		M article.Metadata
		P []string
		W int
		E string
	}{x.Metadata, x.Paragraphs, x.WordCount, fmt.Sprint(x.Err)})
	return string(b)
}

// entryStat is what one entry does on the corpora.
type entryStat struct {
	list, entry    string
	fired, changed map[string]bool // sites
	changedDocs    []string
}

func TestPhraseStats(t *testing.T) {
	if !*phraseStat {
		t.Skip("run with -phrasestat")
	}
	docs := loadStatDocs(t, *phraseStatEval)
	t.Logf("%d documents", len(docs))

	// Baseline, recording which vocabulary phrases fire on which document.
	full := page.Vocab
	firedOn := make([][]int, len(full.Phrases))
	for di := range docs {
		full.Fired = make([]bool, len(full.Phrases))
		docs[di].base = fingerprint(Extract(docs[di].dump))
		for pi, f := range full.Fired {
			if f {
				firedOn[pi] = append(firedOn[pi], di)
			}
		}
	}
	full.Fired = nil

	measure := func(st *entryStat, on []int) {
		for _, di := range on {
			st.fired[docs[di].site] = true
			if fingerprint(Extract(docs[di].dump)) != docs[di].base {
				st.changed[docs[di].site] = true
				st.changedDocs = append(st.changedDocs, docs[di].name)
			}
		}
	}
	var stats []*entryStat
	for pi, p := range full.Phrases {
		st := &entryStat{list: "vocab." + vocabKindNames[p.Kind], entry: p.Entry, fired: map[string]bool{}, changed: map[string]bool{}}
		if len(firedOn[pi]) > 0 {
			page.Vocab = page.BuildVocab(func(kind page.VocabKind, entry string) bool { return kind == p.Kind && entry == p.Entry })
			measure(st, firedOn[pi])
			page.Vocab = full
		}
		stats = append(stats, st)
	}
	for _, l := range otherStatLists() {
		for i, e := range l.entries {
			st := &entryStat{list: l.name, entry: e, fired: map[string]bool{}, changed: map[string]bool{}}
			needle := page.FoldLower(l.needle(i))
			var on []int
			for di := range docs {
				if strings.Contains(docs[di].lower, needle) {
					on = append(on, di)
				}
			}
			restore := l.without(i)
			measure(st, on)
			restore()
			stats = append(stats, st)
		}
	}

	sort.SliceStable(stats, func(i, j int) bool {
		if len(stats[i].changed) != len(stats[j].changed) {
			return len(stats[i].changed) < len(stats[j].changed)
		}
		return stats[i].list < stats[j].list
	})
	var out strings.Builder
	out.WriteString("list\tentry\tchanged_sites\tfired_sites\tchanged_docs\tsites\n")
	hist := map[string]int{}
	bucket := func(n int) string {
		switch {
		case n <= 2:
			return fmt.Sprint(n)
		case n <= 4:
			return "3-4"
		case n <= 9:
			return "5-9"
		}
		return "10+"
	}
	for _, st := range stats {
		var sites []string
		for s := range st.changed {
			sites = append(sites, s)
		}
		sort.Strings(sites)
		if len(sites) > 4 {
			sites = append(sites[:4], "…")
		}
		fmt.Fprintf(&out, "%s\t%q\t%d\t%d\t%d\t%s\n", st.list, st.entry, len(st.changed), len(st.fired), len(st.changedDocs), strings.Join(sites, " "))
		hist[bucket(len(st.changed))]++
	}
	if err := os.WriteFile(*phraseStatOut, []byte(out.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d entries; sites whose output an entry changes: 0: %d, 1: %d, 2: %d, 3-4: %d, 5-9: %d, 10+: %d",
		len(stats), hist["0"], hist["1"], hist["2"], hist["3-4"], hist["5-9"], hist["10+"])
}
