package api_test

import (
	"bytes"
	"fmt"
	"github.com/pressroom/pressroom/internal/proctime"
	"net/http"
	"os"
	"sync/atomic"
	"testing"

	"github.com/pressroom/pressroom/internal/store"
)

// BenchmarkCreateArticleSearch drives POST /v1/articles over real HTTP
// into a real store that keeps search current (Options.SearchInline, the
// server's default): the path of make bench's "POST, search current"
// phase. Each request is the load generator's ~6 KB dump under a first
// line of its own, whose numbers are new words for the dictionary cache,
// as the load generator's names and figures are. It reports this
// process's CPU (server and client, not PostgreSQL) per article, the
// figure to compare between two builds on a shared machine:
//
//	go test ./internal/api -run '^$' -bench CreateArticleSearch -benchtime 3000x -cpuprofile cpu.out
func BenchmarkCreateArticleSearch(b *testing.B) {
	dump, err := os.ReadFile("../../cmd/loadtest/testdata/dump_seed1_0.txt")
	if err != nil {
		b.Fatal(err)
	}
	srv, client := benchAPIWith(b, store.Options{SearchInline: true})

	var n atomic.Int64
	b.SetBytes(int64(len(dump)))
	b.ReportAllocs()
	b.SetParallelism(8) // sixteen clients on two cores, as the load benchmark
	b.ResetTimer()
	cpu := proctime.CPU()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := n.Add(1)
			body := append(fmt.Appendf(nil, "Report %d, filed %d times in %d.\n", i, i*7, 1000+i%5000), dump...)
			resp, err := client.Post(srv.URL+"/v1/articles?source=bench", "text/plain; charset=utf-8", bytes.NewReader(body))
			if !drain(b, resp, err, http.StatusCreated) {
				return
			}
		}
	})
	if cpu := proctime.CPU() - cpu; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}
