package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/proctime"
)

// BenchmarkExtractTextEval runs the text path over the text dumps of the
// evaluation corpora (../shared/eval, read here and never copied into the
// repository), as BenchmarkExtractHTMLEval does for their pages: real
// dumps, with the menus and short lines the load generator's lack. It is
// skipped where the corpora are absent; EVAL_DIR points elsewhere.
func BenchmarkExtractTextEval(b *testing.B) {
	dir := os.Getenv("EVAL_DIR")
	if dir == "" {
		dir = "../../../shared/eval"
	}
	var dumps []*article.Dump
	size := 0
	for _, glob := range []string{"data/dumps/*.txt", "corpora/*/dumps/*.txt"} {
		files, _ := filepath.Glob(filepath.Join(dir, glob))
		for _, f := range files {
			body, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			size += len(body)
			dumps = append(dumps, article.NewDump("bench", "https://example.com/2025/07/02/a-story", "text/plain", body, testReceivedAt))
		}
	}
	if len(dumps) == 0 {
		b.Skip("no evaluation corpora under " + dir)
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
