package text

import (
	"os"
	"testing"

	"github.com/pressroom/pressroom/internal/proctime"
)

// BenchmarkSegment measures the text front-end's line statistics alone
// (segment: collapseSpace, measureText, scanVocab) on the load generator's
// dump, the part of an extraction that reads every byte.
func BenchmarkSegment(b *testing.B) {
	body, err := os.ReadFile("../../cmd/loadtest/testdata/dump_seed1_0.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(body)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := proctime.CPU()
	for i := 0; i < b.N; i++ {
		if _, err := segment(text, MaxLines); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := proctime.CPU() - cpu; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}
