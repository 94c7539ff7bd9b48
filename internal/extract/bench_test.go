package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
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

func benchmarkExtract(b *testing.B, body []byte) {
	d := article.NewDump("bench", "https://example.com/2025/07/02/council-approves-the-new-bridge", "text/plain", body, testReceivedAt)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := processCPU()
	for i := 0; i < b.N; i++ {
		if x := Extract(d); x.Err != nil {
			b.Fatal(x.Err)
		}
	}
	// On a shared machine wall time includes the time other processes
	// held the cores; CPU time per operation does not.
	if cpu := processCPU() - cpu; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

// BenchmarkExtractText measures the text pipeline on the seed (a typical
// 4 KB dump) and on large synthetic dumps; MB/s shows it stays linear.
func BenchmarkExtractText(b *testing.B) {
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	loadtest, err := os.ReadFile("../../cmd/loadtest/testdata/dump_seed1_0.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("seed", func(b *testing.B) { benchmarkExtract(b, seed) })
	// The load generator's dumps are what the server extracts under load.
	b.Run("loadtest-6KB", func(b *testing.B) { benchmarkExtract(b, loadtest) })
	b.Run("synthetic-100KB", func(b *testing.B) { benchmarkExtract(b, syntheticDump(500)) })
	b.Run("synthetic-5MB", func(b *testing.B) { benchmarkExtract(b, syntheticDump(27000)) })
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
	d := article.NewDump("", "", "text/plain", []byte(b.String()), testReceivedAt)
	x := Extract(d)
	if x.Err != nil {
		t.Fatal(x.Err)
	}
	if len(x.Paragraphs) < 49000 {
		t.Errorf("got %d paragraphs, want about 50000", len(x.Paragraphs))
	}
}
