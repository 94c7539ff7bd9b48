package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/pressroom/pressroom/deploy"
)

// TestMain lets the test binary stand in for the pressroom binary: the end
// to end test starts it again as a child process running main().
func TestMain(m *testing.M) {
	if os.Getenv("PRESSROOM_TEST_RUN_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// server is a pressroom process started by a test.
type server struct {
	cmd         *exec.Cmd
	httpAddr    string
	metricsAddr string
	debugAddr   string // "" unless the profiler listens
	logs        *syncBuffer
	exited      chan error
}

// startServer runs `pressroom serve` with env on ephemeral ports and waits
// until it logs its addresses.
func startServer(t *testing.T, env ...string) *server {
	t.Helper()
	cmd := exec.Command(os.Args[0], "serve")
	cmd.Env = append(os.Environ(), "PRESSROOM_TEST_RUN_MAIN=1", "DATABASE_URL=",
		"PRESSROOM_HTTP_ADDR=127.0.0.1:0", "PRESSROOM_METRICS_ADDR=127.0.0.1:0")
	cmd.Env = append(cmd.Env, env...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{cmd: cmd, logs: &syncBuffer{}, exited: make(chan error, 1)}
	addrs := make(chan [2]string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Bytes()
			s.logs.writeLine(line)
			var rec struct {
				Msg         string `json:"msg"`
				HTTPAddr    string `json:"http_addr"`
				MetricsAddr string `json:"metrics_addr"`
				DebugAddr   string `json:"debug_addr"`
			}
			if json.Unmarshal(line, &rec) == nil {
				switch rec.Msg {
				case "profiler listening": // logged before "serving"
					s.debugAddr = rec.DebugAddr
				case "serving":
					addrs <- [2]string{rec.HTTPAddr, rec.MetricsAddr}
				}
			}
		}
		s.exited <- cmd.Wait()
	}()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
		}
	})
	select {
	case a := <-addrs:
		s.httpAddr, s.metricsAddr = a[0], a[1]
	case err := <-s.exited:
		t.Fatalf("server exited before serving: %v\n%s", err, s.logs)
	case <-time.After(60 * time.Second):
		t.Fatalf("server did not start in 60s\n%s", s.logs)
	}
	return s
}

func TestServe_EndToEnd(t *testing.T) {
	dataDir, err := os.MkdirTemp("", "pressroom-e2e-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dataDir) })
	_ = os.Chmod(dataDir, 0o755) // reachable by the postgres user when tests run as root

	s := startServer(t, "PRESSROOM_DATA_DIR="+dataDir)
	seed, err := os.ReadFile("../../testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Post("http://"+s.httpAddr+"/v1/articles", "text/plain", bytes.NewReader(seed))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("POST seed = %d %s", resp.StatusCode, body)
	}
	loc := resp.Header.Get("Location")
	resp, err = http.Get("http://" + s.httpAddr + loc)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(body)) {
		t.Fatalf("GET %s = %d\n%s\nwant\n%s", loc, resp.StatusCode, got, body)
	}
	waitSearchable(t, s.httpAddr, body)

	for path, want := range map[string]int{"/healthz": 200, "/readyz": 200, "/metrics": 200} {
		resp, err := http.Get("http://" + s.metricsAddr + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("%s = %d", path, resp.StatusCode)
		}
		if path == "/metrics" {
			checkDashboardMetricsExposed(t, string(b))
			for _, name := range []string{`pressroom_ingest_total{input="text",outcome="created"} 1`, "pressroom_build_info{", "pressroom_schema_version ", "go_goroutines", "process_resident_memory_bytes", "pressroom_db_pool_max_conns",
				"\npressroom_search_pending 0\n", "\npressroom_search_indexed_total "} {
				if !strings.Contains(string(b), name) {
					t.Errorf("/metrics lacks %s", name)
				}
			}
		}
	}

	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-s.exited:
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v\n%s", err, s.logs)
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("no exit 30s after SIGTERM\n%s", s.logs)
	}
	for _, msg := range []string{`"msg":"shutting down`, `"msg":"local PostgreSQL stopped"`} {
		if !strings.Contains(s.logs.String(), msg) {
			t.Errorf("logs lack %s", msg)
		}
	}
}

// waitSearchable searches for the article in articleJSON by its title
// until the server's background indexer has made it searchable. Indexing
// follows the commit within a second on an idle server; the deadline only
// keeps a broken indexer from hanging the test.
func waitSearchable(t *testing.T, httpAddr string, articleJSON []byte) {
	t.Helper()
	var a struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal(articleJSON, &a); err != nil || a.Title == "" {
		t.Fatalf("article without a title (%v): %s", err, articleJSON)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get("http://" + httpAddr + "/v1/articles?q=" + url.QueryEscape(a.Title))
		if err != nil {
			t.Fatal(err)
		}
		var page struct {
			Items []struct {
				ID string `json:"id"`
			} `json:"items"`
		}
		err = json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("search: %d, %v", resp.StatusCode, err)
		}
		if len(page.Items) == 1 && page.Items[0].ID == a.ID {
			return
		}
		if len(page.Items) != 0 || time.Now().After(deadline) {
			t.Fatalf("search for %q: %+v, want only article %s", a.Title, page.Items, a.ID)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestServe_BadConfigFails(t *testing.T) {
	err := run(t.Context(), []string{"serve"}, func(k string) string {
		return map[string]string{"PRESSROOM_MAX_DUMP_BYTES": "lots"}[k]
	}, nil, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "PRESSROOM_MAX_DUMP_BYTES") {
		t.Fatalf("err = %v, want one naming PRESSROOM_MAX_DUMP_BYTES", err)
	}
}

func TestRun_UnknownCommand(t *testing.T) {
	if err := run(t.Context(), []string{"frobnicate"}, os.Getenv, nil, io.Discard, io.Discard); err == nil {
		t.Fatal("unknown command accepted")
	}
}

// syncBuffer collects a child's log lines while the test reads them.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) writeLine(p []byte) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf.Write(p)
	b.buf.WriteByte('\n')
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// checkDashboardMetricsExposed fails when the Grafana dashboard or the alert
// rules use a metric the running server does not expose: the dashboard and
// the code must not drift apart.
func checkDashboardMetricsExposed(t *testing.T, exposition string) {
	t.Helper()
	exposed := map[string]bool{}
	for _, line := range strings.Split(exposition, "\n") {
		if f := strings.Fields(line); len(f) >= 3 && f[0] == "#" && f[1] == "TYPE" {
			exposed[f[2]] = true
		}
	}
	used, err := deploy.MetricNames()
	if err != nil {
		t.Fatal(err)
	}
	if len(used) < 10 {
		t.Fatalf("only %d metric names read from the dashboard and alerts: %v", len(used), used)
	}
	for _, name := range used {
		if !exposed[name] {
			t.Errorf("%s is used by deploy/ (dashboard or alerts) but not exposed by the server", name)
		}
	}
}
