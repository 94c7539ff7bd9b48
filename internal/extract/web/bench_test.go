package web

import (
	"os"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/extracttest"
	"github.com/pressroom/pressroom/internal/proctime"
)

// BenchmarkExtractHTMLEval runs the HTML path over the development pages
// of the evaluation corpora (../shared/eval, read here and never copied
// into the repository): real pages, whose scripts, attributes and nesting
// the fixtures of BenchmarkExtractHTML are too small to show. It is skipped
// where the corpora are absent; EVAL_DIR points elsewhere.
func BenchmarkExtractHTMLEval(b *testing.B) {
	files := extracttest.EvalFiles(b, "data/html/*.html", "corpora/*/html/*.html")
	dumps, size := htmlDumps(b, files, "https://example.com/2025/07/02/a-story")
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cpu := proctime.CPU()
	for b.Loop() {
		for _, d := range dumps {
			Extract(d)
		}
	}
	if cpu := proctime.CPU() - cpu; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*len(dumps)), "cpu-ns/page")
	}
}

// htmlDumps reads files as HTML dumps sent with url, and their total size.
func htmlDumps(b *testing.B, files []string, url string) ([]*article.Dump, int) {
	var dumps []*article.Dump
	size := 0
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		size += len(body)
		dumps = append(dumps, article.NewDump("", url, "text/html", body, time.Time{}))
	}
	return dumps, size
}
