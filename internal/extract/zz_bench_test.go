package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
)

func BenchmarkZZDev(b *testing.B) {
	files, _ := filepath.Glob("/work/shared/eval/data/dumps/*.txt")
	urls := map[string]string{}
	f, _ := os.Open("/work/shared/eval/data/truth.jsonl")
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var r struct{ ID, URL string }
		json.Unmarshal(sc.Bytes(), &r)
		urls[r.ID] = r.URL
	}
	var ds []*article.Dump
	total := 0
	for _, p := range files {
		body, _ := os.ReadFile(p)
		id := strings.TrimSuffix(filepath.Base(p), ".txt")
		ds = append(ds, article.NewDump("", urls[id], "", body, testReceivedAt))
		total += len(body)
	}
	b.SetBytes(int64(total / len(ds)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Extract(ds[i%len(ds)])
	}
}
