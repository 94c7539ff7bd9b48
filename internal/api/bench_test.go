package api_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/pressroom/pressroom/internal/proctime"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"sync/atomic"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/pressroom/pressroom/internal/api"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

// BenchmarkCreateArticle drives POST /v1/articles over real HTTP into a
// real store with distinct dumps, next to its baseline in the same run: a
// handler that reads the same body and answers 201 without extracting or
// storing. The ratio of the two is the cost of Pressroom's work per request
// over bare HTTP; a CPU profile of it (-cpuprofile) shows where it goes.
func BenchmarkCreateArticle(b *testing.B) {
	dump := seed(b)
	var n atomic.Int64
	distinct := func() []byte {
		// A unique first line keeps every request a new dump (the store is
		// idempotent on the raw bytes) without changing what is extracted.
		return append(fmt.Appendf(nil, "ref %d\n", n.Add(1)), dump...)
	}
	run := func(b *testing.B, srv *httptest.Server) {
		// Keep a connection per client: the default two idle connections
		// per host would make most requests dial anew.
		client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
		defer client.CloseIdleConnections()
		b.SetBytes(int64(len(dump)))
		b.ReportAllocs()
		// 8 per core: sixteen clients on two cores, as the load benchmark
		// runs, so that group commit has requests to gather.
		b.SetParallelism(8)
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				resp, err := client.Post(srv.URL+"/v1/articles?source=bench", "text/plain; charset=utf-8", bytes.NewReader(distinct()))
				if !drain(b, resp, err, http.StatusCreated) {
					return
				}
			}
		})
	}
	b.Run("baseline=read-body", func(b *testing.B) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			_, _ = io.Copy(io.Discard, r.Body)
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusCreated)
			_, _ = w.Write([]byte(`{"id":"0"}`))
		}))
		defer srv.Close()
		run(b, srv)
	})
	b.Run("pressroom", func(b *testing.B) {
		srv, _ := benchAPI(b)
		run(b, srv)
	})
}

// BenchmarkCreateBatch drives POST /v1/articles/batch over real HTTP into a
// real store: 8 concurrent requests of 100 distinct lines each, as the load
// benchmark sends them, built from the load generator's ~6 KB dump. One op
// is one line (row); a CPU profile (-cpuprofile) shows where a row's
// server CPU goes. search=current is the server's default (vectors built
// in Go and stored with each row), search=deferred leaves them to the
// background indexer (PRESSROOM_SEARCH_INLINE=false).
func BenchmarkCreateBatch(b *testing.B) {
	for _, mode := range []struct {
		name   string
		inline bool
	}{{"search=current", true}, {"search=deferred", false}} {
		b.Run(mode.name, func(b *testing.B) {
			benchCreateBatch(b, store.Options{SearchInline: mode.inline})
		})
	}
}

func benchCreateBatch(b *testing.B, opts store.Options) {
	dump, err := os.ReadFile("../../cmd/loadtest/testdata/dump_seed1_0.txt")
	if err != nil {
		b.Fatal(err)
	}
	const lines = 100
	var n atomic.Int64
	body := func() []byte {
		var buf bytes.Buffer
		for range lines {
			line, _ := json.Marshal(map[string]string{
				"source":       "bench",
				"content_type": "text/plain; charset=utf-8",
				"content":      fmt.Sprintf("ref %d\n", n.Add(1)) + string(dump),
			})
			buf.Write(line)
			buf.WriteByte('\n')
		}
		return buf.Bytes()
	}
	srv, client := benchAPIWith(b, opts)
	requests := max(1, b.N/lines)
	var next atomic.Int64
	b.SetBytes(int64(len(dump)))
	b.ReportAllocs()
	b.SetParallelism(4) // 8 concurrent requests on two cores
	b.ResetTimer()
	cpu := proctime.CPU()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if next.Add(1) > int64(requests) {
				continue
			}
			resp, err := client.Post(srv.URL+"/v1/articles/batch", "application/x-ndjson", bytes.NewReader(body()))
			if err != nil {
				b.Error(err)
				return
			}
			var out struct{ Created int }
			err = json.NewDecoder(resp.Body).Decode(&out)
			resp.Body.Close()
			if err != nil || out.Created != lines {
				b.Errorf("status %d, %d created (%v), want %d", resp.StatusCode, out.Created, err, lines)
				return
			}
		}
	})
	// This process's CPU (server and client, not PostgreSQL) per row: on a
	// shared machine wall time also counts other processes.
	if cpu := proctime.CPU() - cpu; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(requests*lines), "cpu-ns/row")
	}
	// The whole process's peak (client included, and any benchmark run
	// before in it): run one sub-benchmark per process to compare.
	if rss := proctime.PeakRSSMiB(); rss > 0 {
		b.ReportMetric(rss, "peak-rss-MiB")
	}
}

// BenchmarkGetArticle drives GET /v1/articles/{id} over real HTTP from a
// real store holding 200 articles of the load generator's ~6 KB dump; a
// CPU profile (-cpuprofile) shows where a read's server CPU goes.
func BenchmarkGetArticle(b *testing.B) {
	dump, err := os.ReadFile("../../cmd/loadtest/testdata/dump_seed1_0.txt")
	if err != nil {
		b.Fatal(err)
	}
	srv, client := benchAPI(b)
	var locations []string
	for i := range 200 {
		resp, err := client.Post(srv.URL+"/v1/articles?source=bench", "text/plain; charset=utf-8",
			bytes.NewReader(append(fmt.Appendf(nil, "ref %d\n", i), dump...)))
		if !drain(b, resp, err, http.StatusCreated) {
			b.FailNow()
		}
		locations = append(locations, srv.URL+resp.Header.Get("Location"))
	}
	var n atomic.Int64
	b.ReportAllocs()
	b.SetParallelism(8)
	b.ResetTimer()
	cpu := proctime.CPU()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			resp, err := client.Get(locations[n.Add(1)%int64(len(locations))])
			if !drain(b, resp, err, http.StatusOK) {
				return
			}
		}
	})
	if cpu := proctime.CPU() - cpu; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

// benchAPI serves the API over real HTTP from a real store, with a client
// that keeps a connection per concurrent caller (the default two idle
// connections per host would make most requests dial anew).
func benchAPI(b *testing.B) (*httptest.Server, *http.Client) {
	return benchAPIWith(b, store.Options{})
}

// benchAPIWith is benchAPI with a store tuned by opts.
func benchAPIWith(b *testing.B, opts store.Options) (*httptest.Server, *http.Client) {
	st := store.NewWithOptions(dbtest.New(b), opts)
	b.Cleanup(st.Close)
	reg := prometheus.NewRegistry()
	srv := httptest.NewServer(api.New(api.Config{Store: st, Registerer: reg, Gatherer: reg, AllowOpen: true}))
	b.Cleanup(srv.Close)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	b.Cleanup(client.CloseIdleConnections)
	return srv, client
}

// drain reads and closes a response, and reports whether the request got
// one with status want (failing b otherwise).
func drain(b *testing.B, resp *http.Response, err error, want int) bool {
	if err != nil {
		b.Error(err)
		return false
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != want {
		b.Errorf("status %d, want %d", resp.StatusCode, want)
		return false
	}
	return true
}
