package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite testdata golden files")

func TestGenerator_Distinct(t *testing.T) {
	g := generator{seed: 42}
	texts := map[[32]byte]uint64{}
	urls := map[string]uint64{}
	for i := range uint64(3000) {
		d := g.dump(i)
		sum := sha256.Sum256(d.Text)
		if j, dup := texts[sum]; dup {
			t.Fatalf("dumps %d and %d have the same bytes", j, i)
		}
		texts[sum] = i
		if j, dup := urls[d.URL]; dup {
			t.Fatalf("dumps %d and %d have the same URL %s", j, i, d.URL)
		}
		urls[d.URL] = i
	}
}

func TestGenerator_Deterministic(t *testing.T) {
	a, b, c := generator{seed: 7}.dump(3), generator{seed: 7}.dump(3), generator{seed: 8}.dump(3)
	if !bytes.Equal(a.Text, b.Text) {
		t.Error("the same seed and index gave different dumps")
	}
	if bytes.Equal(a.Text, c.Text) {
		t.Error("different seeds gave the same dump")
	}
}

// TestGenerator_Realistic checks the shape a scraper's text dump has:
// masthead first, headline and byline before the body, 6-12 paragraphs of
// 5-6 KB prose in order, boilerplate after it.
func TestGenerator_Realistic(t *testing.T) {
	wrongArticle := regexp.MustCompile(`\ba [aeiouAEIOU]`)
	g := generator{seed: 1}
	paywalled := 0
	for i := range uint64(500) {
		d := g.dump(i)
		text := string(d.Text)
		if !utf8.Valid(d.Text) {
			t.Fatalf("dump %d: invalid UTF-8", i)
		}
		if n := len(d.Paragraphs); n < minParas || n > maxParas {
			t.Errorf("dump %d: %d paragraphs, want %d-%d", i, n, minParas, maxParas)
		}
		// A dateline may open the body, and the last sentence may overshoot.
		if n := len(d.Body()); n < minBodyBytes || n > maxBodyBytes+300 {
			t.Errorf("dump %d: body of %d bytes, want about %d-%d", i, n, minBodyBytes, maxBodyBytes)
		}
		if n := len(d.Text); n < len(d.Body())+100 || n > 9000 {
			t.Errorf("dump %d: %d bytes in all for a %d-byte body", i, n, len(d.Body()))
		}
		first, _, _ := strings.Cut(text, "\n")
		if !strings.EqualFold(first, d.Site) {
			t.Errorf("dump %d: first line %q, want the masthead %q", i, first, d.Site)
		}
		title := strings.Index(text, "\n"+d.Title+"\n")
		body := strings.Index(text, d.Paragraphs[0])
		if title < 0 || body < 0 || title > body {
			t.Errorf("dump %d: headline at %d, body at %d; want the headline on its own line before the body", i, title, body)
		}
		for _, a := range d.Authors {
			if k := strings.Index(text, a); k < 0 || k > body {
				t.Errorf("dump %d: author %q not in a byline before the body", i, a)
			}
		}
		at := body
		for k, p := range d.Paragraphs {
			if !strings.HasSuffix(p, ".") {
				t.Errorf("dump %d: paragraph %d does not end a sentence: …%q", i, k, p[max(0, len(p)-20):])
			}
			next := strings.Index(text[at:], p+"\n")
			if next < 0 {
				t.Fatalf("dump %d: paragraph %d missing or out of order", i, k)
			}
			at += next + len(p)
			if m := wrongArticle.FindString(p); m != "" {
				t.Errorf("dump %d: %q in paragraph %d", i, m, k)
			}
		}
		tail := text[at:]
		if !strings.Contains(tail, "All rights reserved.") {
			t.Errorf("dump %d: no footer after the body", i)
		}
		if d.Paywalled {
			paywalled++
			found := false
			for _, l := range paywallLines {
				found = found || strings.Contains(tail, l)
			}
			if !found {
				t.Errorf("dump %d: paywalled but no paywall line after the body", i)
			}
		}
		if !strings.HasPrefix(d.URL, "https://www.") || !strings.Contains(d.URL, ".example/") {
			t.Errorf("dump %d: URL %q is not under .example", i, d.URL)
		}
	}
	if paywalled == 0 || paywalled == 500 {
		t.Errorf("%d of 500 dumps paywalled; want a mix", paywalled)
	}
}

// TestGenerator_Golden pins the generator's output: figures from two runs
// are comparable only if they sent the same kind of dumps. Run with -update
// after an intended change.
func TestGenerator_Golden(t *testing.T) {
	got := generator{seed: 1}.dump(0).Text
	path := filepath.Join("testdata", "dump_seed1_0.txt")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("dump (seed 1, index 0) differs from %s; run go test -update if the change is intended", path)
	}
}

func TestCapitaliseTitleSlug(t *testing.T) {
	tests := []struct{ fn, in, want string }{
		{"capitalise", "the council", "The council"},
		{"capitalise", "“we said", "“We said"},
		{"capitalise", "2,000 workers", "2,000 workers"},
		{"capitalise", "élan", "Élan"},
		{"title", "what the plan means for voters in ashford", "What the Plan Means for Voters in Ashford"},
		{"title", "the vote", "The Vote"},
		{"slug", "What the Plan Means — for Voters, in 2025!", "what-the-plan-means-for-voters-in-2025"},
		{"slug", "Élan Vital", "lan-vital"},
	}
	for _, tt := range tests {
		var got string
		switch tt.fn {
		case "capitalise":
			got = capitalise(tt.in)
		case "title":
			got = titleCase(tt.in)
		case "slug":
			got = slug(tt.in)
		}
		if got != tt.want {
			t.Errorf("%s(%q) = %q, want %q", tt.fn, tt.in, got, tt.want)
		}
	}
}

func TestBatchBody(t *testing.T) {
	g := generator{seed: 3}
	dumps := []*Dump{g.dump(1), g.dump(2), g.dump(3)}
	body, err := batchBody(dumps)
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.Split(bytes.TrimSuffix(body, []byte("\n")), []byte("\n"))
	if len(lines) != len(dumps) {
		t.Fatalf("%d lines for %d dumps", len(lines), len(dumps))
	}
	for k, l := range lines {
		var e envelopeLine
		if err := jsonUnmarshalStrict(l, &e); err != nil {
			t.Fatalf("line %d: %v", k, err)
		}
		if e.Content != string(dumps[k].Text) || e.Source != dumps[k].Source || e.URL != dumps[k].URL || !strings.HasPrefix(e.ContentType, "text/plain") {
			t.Errorf("line %d does not carry dump %d", k, k)
		}
	}
}

// appendJSONString must write what encoding/json reads back as the same
// string, for every kind of byte JSON treats specially; invalid UTF-8 reads
// back as encoding/json's own encoding does (U+FFFD).
func TestAppendJSONString(t *testing.T) {
	for _, in := range []string{
		"", "plain words", `a "quoted" word`, `back\\slash`, "line\nbreak\r\ttab", "nul\x00 and \x1f and \x7f",
		"héllo wörld – “quotes” 日本", "line\u2028sep\u2029para", "<b>&amp;</b>", "bad \xff byte", "cut \xe2\x80",
		"\xe2\x80\xa8", "ends with \\",
	} {
		got := appendJSONString([]byte("x"), []byte(in))
		if got[0] != 'x' {
			t.Fatalf("%q: the buffer's start was overwritten", in)
		}
		var back string
		if err := json.Unmarshal(got[1:], &back); err != nil {
			t.Errorf("%q: %s does not decode: %v", in, got[1:], err)
			continue
		}
		want, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		var wantBack string
		if err := json.Unmarshal(want, &wantBack); err != nil {
			t.Fatal(err)
		}
		if back != wantBack {
			t.Errorf("%q: decodes to %q, encoding/json's to %q", in, back, wantBack)
		}
	}
}

// generate hands out the same dumps, in order, as one postArticle call
// after another would have, and the next request after them gets a new
// index.
func TestBench_Generate(t *testing.T) {
	for _, tc := range []struct {
		name        string
		handedOut   uint64 // b.next before
		n           int
		wantNextIdx uint64
	}{
		{"fresh", 0, 5, 6},
		{"after other phases", 100, 7, 108},
		{"none", 3, 0, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := &bench{gen: generator{seed: 9}}
			b.next.Store(tc.handedOut)
			dumps := b.generate(tc.n)
			if len(dumps) != tc.n {
				t.Fatalf("got %d dumps, want %d", len(dumps), tc.n)
			}
			for i, d := range dumps {
				want := b.gen.dump(tc.handedOut + 1 + uint64(i))
				if d == nil || !bytes.Equal(d.Text, want.Text) {
					t.Fatalf("dump %d is not the generator's dump %d", i, tc.handedOut+1+uint64(i))
				}
			}
			if got := b.next.Add(1); got != tc.wantNextIdx {
				t.Errorf("next index after generate: %d, want %d", got, tc.wantNextIdx)
			}
		})
	}
}
