package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func jsonUnmarshalStrict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

func durations(ms ...int) []time.Duration {
	out := make([]time.Duration, len(ms))
	for k, m := range ms {
		out[k] = time.Duration(m) * time.Millisecond
	}
	return out
}

func oneTo(n int) []time.Duration {
	out := make([]time.Duration, n)
	for k := range out {
		out[k] = time.Duration(k+1) * time.Millisecond
	}
	return out
}

func TestPercentile(t *testing.T) {
	tests := []struct {
		name   string
		sorted []time.Duration
		p      float64
		want   time.Duration
	}{
		{"empty", nil, 99, 0},
		{"one sample", durations(7), 50, 7 * time.Millisecond},
		{"one sample p99", durations(7), 99, 7 * time.Millisecond},
		{"p50 of 1..100", oneTo(100), 50, 50 * time.Millisecond},
		{"p95 of 1..100", oneTo(100), 95, 95 * time.Millisecond},
		{"p99 of 1..100", oneTo(100), 99, 99 * time.Millisecond},
		{"p100 of 1..100", oneTo(100), 100, 100 * time.Millisecond},
		{"p99 of 1..10 is the maximum", oneTo(10), 99, 10 * time.Millisecond},
		{"p50 of 1..10 is the fifth", oneTo(10), 50, 5 * time.Millisecond},
		{"p50 of 1..11 rounds the rank up", oneTo(11), 50, 6 * time.Millisecond},
		{"tiny p is the minimum", oneTo(1000), 0.01, time.Millisecond},
		{"p99.9 of 1..1000", oneTo(1000), 99.9, 999 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := percentile(tt.sorted, tt.p); got != tt.want {
				t.Errorf("percentile(p%v) = %v, want %v", tt.p, got, tt.want)
			}
		})
	}
}

func TestSummarise(t *testing.T) {
	s := &sample{lat: durations(5, 1, 4, 2, 3), items: 5}
	s.fail("status 500", "first failure")
	s.fail("status 500", "second failure")
	p := summarise("x", "req", s, 2*time.Second, cpu{server: time.Second, postgres: 500 * time.Millisecond})
	if p.ok != 5 || p.failed != 2 || p.first != "first failure" {
		t.Errorf("ok %d failed %d first %q; want 5, 2, the first failure", p.ok, p.failed, p.first)
	}
	if p.p50 != 3*time.Millisecond || p.max != 5*time.Millisecond {
		t.Errorf("p50 %v max %v; want 3ms 5ms (samples sorted)", p.p50, p.max)
	}
	if got := p.rate(); got != 2.5 {
		t.Errorf("rate %v, want 2.5/s", got)
	}
	if got := p.per1k(p.cpu.server); got != 200 {
		t.Errorf("server CPU per 1k = %v s, want 200 (1 s over 5 requests)", got)
	}
}

func TestScoreLastLine(t *testing.T) {
	format := regexp.MustCompile(`^ingest_vs_insert=\d+\.\d\d get_vs_select=\d+\.\d\d batch_rows_per_s=\d+ p99_ms_half_load=\d+\.\d rss_mib=\d+ ingest_search_vs_insert=\d+\.\d\d cpu_ms_per_article=\d+\.\d\d batch_search_rows_per_s=\d+$`)
	tests := []struct {
		s    score
		want string
	}{
		{score{}, "ingest_vs_insert=0.00 get_vs_select=0.00 batch_rows_per_s=0 p99_ms_half_load=0.0 rss_mib=0 ingest_search_vs_insert=0.00 cpu_ms_per_article=0.00 batch_search_rows_per_s=0"},
		{score{ingestVsInsert: 1.234, getVsSelect: 0.5, batchRowsPerS: 4321.6, p99HalfLoad: 12345 * time.Microsecond, rssMiB: 41.2, ingestSearchVsInsert: 0.456, cpuMsPerArticle: 1.2345, batchSearchRowsPerS: 987.4},
			"ingest_vs_insert=1.23 get_vs_select=0.50 batch_rows_per_s=4322 p99_ms_half_load=12.3 rss_mib=42 ingest_search_vs_insert=0.46 cpu_ms_per_article=1.23 batch_search_rows_per_s=987"},
		{score{ingestVsInsert: 0.255, getVsSelect: 12.0, batchRowsPerS: 0.4, p99HalfLoad: 250 * time.Millisecond, rssMiB: 80, cpuMsPerArticle: 2.5},
			"ingest_vs_insert=0.26 get_vs_select=12.00 batch_rows_per_s=0 p99_ms_half_load=250.0 rss_mib=80 ingest_search_vs_insert=0.00 cpu_ms_per_article=2.50 batch_search_rows_per_s=0"},
	}
	for _, tt := range tests {
		got := tt.s.lastLine()
		if got != tt.want {
			t.Errorf("lastLine() = %q\nwant          %q", got, tt.want)
		}
		if !format.MatchString(got) {
			t.Errorf("%q does not match the contract %s", got, format)
		}
	}
}

func TestRatio(t *testing.T) {
	if got := ratio(3, 2); got != 1.5 {
		t.Errorf("ratio(3, 2) = %v", got)
	}
	if got := ratio(3, 0); got != 0 {
		t.Errorf("ratio(3, 0) = %v, want 0 for a failed baseline", got)
	}
}

func TestParseStat(t *testing.T) {
	// Field 2 may hold spaces and parentheses; counting starts after the last ')'.
	line := "4242 (post gres (x)) S 17 4242 4242 0 -1 4194560 100 0 0 0 1234 567 89 10 20 0 1 0 5000 100000 200 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0"
	st, err := parseStat([]byte(line))
	if err != nil {
		t.Fatal(err)
	}
	want := procStat{ppid: 17, utime: 1234, stime: 567, cutime: 89, cstime: 10}
	if st != want {
		t.Errorf("parseStat = %+v, want %+v", st, want)
	}
	for _, bad := range []string{"", "12 noparen S 1", "1 (x) S 1 2 3"} {
		if _, err := parseStat([]byte(bad)); err == nil {
			t.Errorf("parseStat(%q) succeeded", bad)
		}
	}
}

func TestParseMachineBusy(t *testing.T) {
	stat := "cpu  100 5 50 1000 20 3 2 10 0 0\ncpu0 50 2 25 500 10 1 1 5 0 0\n"
	got, err := parseMachineBusy([]byte(stat))
	// user+nice+system+irq+softirq+steal = 170 ticks; idle and iowait excluded.
	if err != nil || got != 170*clockTick {
		t.Errorf("parseMachineBusy = %v, %v; want 1.7s", got, err)
	}
	if _, err := parseMachineBusy([]byte("intr 1 2 3\n")); err == nil {
		t.Error("a /proc/stat without a cpu line parsed")
	}
}

func TestParseVmHWM(t *testing.T) {
	status := "Name:\tpressroom\nVmPeak:\t 1300000 kB\nVmHWM:\t   51200 kB\nVmRSS:\t   40000 kB\n"
	got, err := parseVmHWM([]byte(status))
	if err != nil || got != 50 {
		t.Errorf("parseVmHWM = %v, %v; want 50 MiB", got, err)
	}
	if _, err := parseVmHWM([]byte("Name:\tx\n")); err == nil {
		t.Error("a status without VmHWM parsed")
	}
}

func TestParseServing(t *testing.T) {
	tests := []struct {
		line          string
		http, metrics string
		ok, err       bool
	}{
		{`{"time":"t","level":"INFO","msg":"serving","http_addr":"127.0.0.1:4321","metrics_addr":"127.0.0.1:4322"}`, "127.0.0.1:4321", "127.0.0.1:4322", true, false},
		{`{"msg":"serving","http_addr":"[::1]:80","metrics_addr":"127.0.0.2:81"}`, "[::1]:80", "127.0.0.2:81", true, false},
		{`{"msg":"schema ready","version":1}`, "", "", false, false},
		{`not json`, "", "", false, false},
		{`{"msg":"serving","http_addr":"0.0.0.0:80","metrics_addr":"127.0.0.1:81"}`, "", "", false, true},
		{`{"msg":"serving","http_addr":"127.0.0.1:80","metrics_addr":"10.0.0.1:81"}`, "", "", false, true},
		{`{"msg":"serving","http_addr":"localhost","metrics_addr":"127.0.0.1:81"}`, "", "", false, true},
	}
	for _, tt := range tests {
		h, m, ok, err := parseServing([]byte(tt.line))
		if h != tt.http || m != tt.metrics || ok != tt.ok || (err != nil) != tt.err {
			t.Errorf("parseServing(%s) = %q, %q, %v, %v; want %q, %q, %v, error %v", tt.line, h, m, ok, err, tt.http, tt.metrics, tt.ok, tt.err)
		}
	}
}

func TestParseProfiler(t *testing.T) {
	for _, tt := range []struct {
		line, want string
		ok         bool
	}{
		{`{"msg":"profiler listening","debug_addr":"127.0.0.1:6060"}`, "127.0.0.1:6060", true},
		{`{"msg":"profiler listening","debug_addr":"0.0.0.0:6060"}`, "", false},
		{`{"msg":"profiler listening","debug_addr":"6060"}`, "", false},
		{`{"msg":"serving","debug_addr":"127.0.0.1:6060"}`, "", false},
		{`not json`, "", false},
	} {
		if got, ok := parseProfiler([]byte(tt.line)); got != tt.want || ok != tt.ok {
			t.Errorf("parseProfiler(%s) = %q, %v; want %q, %v", tt.line, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCountStored(t *testing.T) {
	tests := []struct {
		name, body string
		want       int
		err        bool
	}{
		{"ndjson", "{\"index\":0,\"status\":201,\"id\":\"a\"}\n{\"index\":1,\"status\":200,\"id\":\"b\"}\n{\"index\":2,\"status\":422,\"problem\":{}}\n", 2, false},
		{"one ndjson line", `{"index":0,"status":201,"id":"a"}`, 1, false},
		{"array", `[{"index":0,"status":201},{"index":1,"status":400}]`, 1, false},
		{"object with items", `{"items":[{"index":0,"status":201},{"index":1,"status":201}]}`, 2, false},
		{"object with results", `{"results":[{"index":0,"status":503}]}`, 0, false},
		{"ids without status", `[{"index":0,"id":"a"},{"index":1,"problem":{"status":400}}]`, 1, false},
		{"empty", "  \n", 0, true},
		{"object without items", `{"ok":true}`, 0, true},
		{"garbage", "<html>", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := countStored([]byte(tt.body))
			if got != tt.want || (err != nil) != tt.err {
				t.Errorf("countStored = %d, %v; want %d, error %v", got, err, tt.want, tt.err)
			}
		})
	}
}

func FuzzCountStored(f *testing.F) {
	for _, s := range []string{`[{"status":201}]`, "{\"index\":0}\n{\"index\":1}", `{"items":[]}`, ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		n, err := countStored(b)
		if n < 0 || (err != nil && n != 0) {
			t.Errorf("countStored = %d, %v", n, err)
		}
	})
}

func FuzzParseServing(f *testing.F) {
	f.Add([]byte(`{"msg":"serving","http_addr":"127.0.0.1:1","metrics_addr":"127.0.0.1:2"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		h, m, ok, err := parseServing(b)
		if ok && (err != nil || h == "" || m == "") {
			t.Errorf("ok with %q, %q, %v", h, m, err)
		}
	})
}

func TestOpenLoop_SendsEveryScheduledRequest(t *testing.T) {
	var calls atomic.Int64
	do := func(context.Context) (int, error) {
		if calls.Add(1)%10 == 0 {
			return 0, &opError{kind: "status 503", detail: "every tenth"}
		}
		return 1, nil
	}
	// 2,000/s for 50 ms is 100 scheduled requests, however slow this machine.
	s, _ := openLoop(context.Background(), 2000, 50*time.Millisecond, do)
	if calls.Load() != 100 || len(s.lat) != 90 || s.items != 90 || s.errors["status 503"] != 10 {
		t.Errorf("calls %d, ok %d, items %d, errors %v; want 100, 90, 90, 10×503", calls.Load(), len(s.lat), s.items, s.errors)
	}
}

func TestClosedLoop_CountsEveryAnswer(t *testing.T) {
	var calls atomic.Int64
	do := func(context.Context) (int, error) {
		if calls.Add(1) == 3 {
			return 0, errors.New("boom")
		}
		return 2, nil
	}
	s, elapsed := closedLoop(context.Background(), 4, 20*time.Millisecond, do)
	if int64(len(s.lat)+s.failures()) != calls.Load() || s.items != 2*len(s.lat) || s.errors["error"] != 1 || elapsed <= 0 {
		t.Errorf("calls %d, ok %d, items %d, errors %v", calls.Load(), len(s.lat), s.items, s.errors)
	}
}

func TestClosedLoop_StopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	do := func(ctx context.Context) (int, error) {
		cancel()
		<-ctx.Done()
		return 0, ctx.Err()
	}
	s, _ := closedLoop(ctx, 3, time.Hour, do)
	if s.failures() != 0 {
		t.Errorf("interrupted requests counted as failures: %v", s.errors)
	}
}

func TestWriteTable(t *testing.T) {
	ins := &phase{name: "baseline INSERT", ok: 1000, items: 1000, elapsed: time.Second, cpu: cpu{postgres: time.Second, client: 200 * time.Millisecond, machine: 1700 * time.Millisecond}}
	post := &phase{name: "POST /v1/articles", ok: 1500, items: 1500, elapsed: time.Second, hasSrv: true, rssMiB: 30}
	open := &phase{name: "POST open-loop ½ peak", ok: 750, items: 750, elapsed: time.Second, hasSrv: true, target: 750}
	skip := &phase{name: "POST /v1/articles/batch", skipped: true, note: "not implemented"}
	var buf bytes.Buffer
	writeTable(&buf, []*phase{ins, post, open, skip}, func(*phase) *phase { return ins }, 2)
	out := buf.String()
	for _, want := range []string{"1.50×", "not implemented", "25%"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "0.75×") {
		t.Errorf("the open loop's chosen rate is compared with a baseline:\n%s", out)
	}
}
