package text

import (
	"os"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/extracttest"
	"github.com/pressroom/pressroom/internal/proctime"
)

// BenchmarkExtractTextEval runs the text path over the text dumps of the
// evaluation corpora, as BenchmarkExtractHTMLEval (package web) does for
// their pages: real dumps, with the menus and short lines the load
// generator's lack.
func BenchmarkExtractTextEval(b *testing.B) {
	files := extracttest.EvalFiles(b, "data/dumps/*.txt", "corpora/*/dumps/*.txt")
	var dumps []*article.Dump
	size := 0
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		size += len(body)
		dumps = append(dumps, article.NewDump("bench", "https://example.com/2025/07/02/a-story", "text/plain", body, extracttest.ReceivedAt))
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cpu := proctime.CPU()
	for b.Loop() {
		for _, d := range dumps {
			Extract(d)
		}
	}
	if cpu := proctime.CPU() - cpu; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/float64(len(dumps)), "cpu-ns/dump")
	}
}
