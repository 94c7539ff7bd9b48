package text

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/extracttest"
	"github.com/pressroom/pressroom/internal/proctime"
)

// syntheticDump builds a large dump shaped like a real page: a menu, a
// header, many paragraphs with interstitials, and a long footer.
func syntheticDump(paragraphs int) []byte {
	var b strings.Builder
	for i := 0; i < 60; i++ {
		fmt.Fprintf(&b, "Section %d\n", i)
	}
	b.WriteString("\nCouncil approves the new bridge after a long debate\n\nBy Jane Doe\n\nJul 2, 2025 8:03 am ET\n\n")
	for i := 0; i < paragraphs; i++ {
		fmt.Fprintf(&b, "Paragraph %d: the city council voted on Tuesday to approve the construction of a new bridge across the river, ending a debate that lasted for more than two years, officials said.\n\n", i)
		if i%25 == 24 {
			b.WriteString("Advertisement\nRelated\nAnother story about bridges\nA third story about rivers\n\n")
		}
	}
	for i := 0; i < 80; i++ {
		fmt.Fprintf(&b, "Footer link %d\n", i)
	}
	b.WriteString("© 2025 Example Gazette. All rights reserved.\n")
	return []byte(b.String())
}

func benchmarkExtract(b *testing.B, body []byte) { benchmarkExtractErr(b, body, nil) }

// errAny tells benchmarkExtractErr that any outcome will do.
var errAny = errors.New("any outcome")

// benchmarkExtractErr benchmarks Extract on body, which must fail with
// wantErr, or succeed when wantErr is nil.
func benchmarkExtractErr(b *testing.B, body []byte, wantErr error) {
	d := article.NewDump("bench", "https://example.com/2025/07/02/council-approves-the-new-bridge", "text/plain", body, extracttest.ReceivedAt)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := proctime.CPU()
	for i := 0; i < b.N; i++ {
		x := Extract(d)
		if wantErr == nil && x.Err != nil || wantErr != nil && wantErr != errAny && !errors.Is(x.Err, wantErr) {
			b.Fatalf("Err = %v, want %v", x.Err, wantErr)
		}
	}
	// On a shared machine wall time includes the time other processes
	// held the cores; CPU time per operation does not.
	if cpu := proctime.CPU() - cpu; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

// BenchmarkExtractText measures the text pipeline on the seed (a typical
// 4 KB dump) and on large synthetic dumps; MB/s shows it stays linear.
func BenchmarkExtractText(b *testing.B) {
	seed, err := os.ReadFile("../testdata/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	loadtest, err := os.ReadFile("../../../cmd/loadtest/testdata/dump_seed1_0.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("seed", func(b *testing.B) { benchmarkExtract(b, seed) })
	// The load generator's dumps are what the server extracts under load.
	b.Run("loadtest-6KB", func(b *testing.B) { benchmarkExtract(b, loadtest) })
	b.Run("synthetic-100KB", func(b *testing.B) { benchmarkExtract(b, syntheticDump(500)) })
	b.Run("synthetic-5MB", func(b *testing.B) { benchmarkExtract(b, syntheticDump(27000)) })
}

// repeatedDump is a dump of n copies of a line shaped like furniture the
// metadata detectors read, numbered so that no two are the same, between
// paragraphs.
func repeatedDump(n int, format string) []byte {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, format+"\n", i)
		if i%3 == 0 {
			fmt.Fprintf(&b, "Paragraph %d: the city council voted on Tuesday to approve the construction of a new bridge across the river, officials said.\n\n", i)
		}
	}
	return []byte(b.String())
}

// BenchmarkExtractLarge measures hostile and oversized dumps: they must
// take time in proportion to their size, or be refused early. Whether the
// furniture-only dumps hold an article does not matter here.
func BenchmarkExtractLarge(b *testing.B) {
	b.Run("100k-lines", func(b *testing.B) { benchmarkExtract(b, extracttest.LinesDump(100_000)) })
	b.Run("1M-lines", func(b *testing.B) { benchmarkExtractErr(b, extracttest.LinesDump(1_000_000), ErrLimit) })
	b.Run("5MB-one-line", func(b *testing.B) {
		benchmarkExtract(b, []byte(strings.Repeat("By the river 12 officials said the bridge would open. ", 5<<20/54)))
	})
	for _, c := range []struct{ name, format string }{
		{"30k-sponsors", "Sponsored by Acme%d Bank"},
		{"30k-credits", "By Jane Doe%d and John Roe, Staff Writers"},
		{"30k-dates", "Published Jul 2, 2025 8:03 am ET, item %d"},
		{"30k-paywalls", "Subscribe to continue reading The Times%d"},
	} {
		b.Run(c.name, func(b *testing.B) { benchmarkExtractErr(b, repeatedDump(30_000, c.format), errAny) })
	}
}

// TestLargeDumpLinear guards the budget loosely without timing: a 100,000
// line dump must extract, with every paragraph found.
func TestLargeDumpLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	var b strings.Builder
	for i := 0; i < 50000; i++ {
		fmt.Fprintf(&b, "Line %d of a very long article body, which goes on and on with words.\n\n", i)
	}
	d := article.NewDump("", "", "text/plain", []byte(b.String()), extracttest.ReceivedAt)
	x := Extract(d)
	if x.Err != nil {
		t.Fatal(x.Err)
	}
	if len(x.Paragraphs) < 49000 {
		t.Errorf("got %d paragraphs, want about 50000", len(x.Paragraphs))
	}
}

func TestSegmentLimit(t *testing.T) {
	tests := []struct {
		text  string
		limit int
		ok    bool
	}{
		{"a\nb\nc", 3, true},
		{"a\nb\nc\n", 3, true}, // a final line break ends the last line
		{"a\n\nc\n", 3, true},
		{"a\nb\nc\nd", 3, false},
		{"\n\n\n\n", 3, false}, // blank lines count
		{"", 1, true},
	}
	for _, tt := range tests {
		_, err := segment(tt.text, tt.limit)
		if ok := err == nil; ok != tt.ok || err != nil && !errors.Is(err, ErrLimit) {
			t.Errorf("segment(%q, %d) err = %v, want ok %v", tt.text, tt.limit, err, tt.ok)
		}
	}
}

// TestSponsorsBounded: thousands of distinct sponsor credits keep the
// first maxSponsors, once each whatever their case.
func TestSponsorsBounded(t *testing.T) {
	body := append([]byte("Sponsored by ACME0 BANK\n\n"), repeatedDump(2000, "Sponsored by Acme%d Bank")...)
	x := Extract(article.NewDump("", "", "text/plain", body, extracttest.ReceivedAt))
	want := []string{"ACME0 BANK"}
	for i := 1; len(want) < maxSponsors; i++ {
		want = append(want, fmt.Sprintf("Acme%d Bank", i))
	}
	if diff := cmp.Diff(want, x.Metadata.Sponsors); diff != "" {
		t.Errorf("Sponsors (-want +got):\n%s", diff)
	}
}
