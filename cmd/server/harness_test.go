package main

// Shared pieces of the reliability tests (faults_test.go, shutdown_test.go,
// hostile_test.go): a private PostgreSQL, a TCP proxy that can partition it
// from the server, generated articles, and readings of the server process.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pressroom/pressroom/internal/pglocal"
)

// startCluster starts a private PostgreSQL for one test and removes it when
// the test ends. Durable keeps fsync on, so that what was committed before
// a crash is there after it.
func startCluster(t *testing.T, durable bool) *pglocal.Cluster {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c, err := pglocal.Start(ctx, pglocal.Options{Durable: durable})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := c.Remove(); err != nil {
			t.Log(err)
		}
	})
	return c
}

// connectDB opens a connection of the test's own to the cluster's pressroom
// database, to check what the server stored.
func connectDB(t *testing.T, c *pglocal.Cluster) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, c.URL(pglocal.DefaultDatabase))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// crashCluster kills the postmaster as a power cut would from PostgreSQL's
// point of view (immediate shutdown: no checkpoint, crash recovery on the
// next start). pglocal has no such call because only tests want it.
func crashCluster(t *testing.T, c *pglocal.Cluster) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(c.DataDir(), "postmaster.pid"))
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0]))
	if err != nil {
		t.Fatal(err)
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Signal(syscall.SIGQUIT); err != nil {
		t.Fatal(err)
	}
	// The postmaster removes its lock file last; wait for that, so the
	// restart cannot race the dying server.
	for i := 0; ; i++ {
		if _, err := os.Stat(filepath.Join(c.DataDir(), "postmaster.pid")); errors.Is(err, os.ErrNotExist) {
			return
		}
		if i > 3000 {
			t.Fatal("postmaster did not exit after SIGQUIT")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// pgProxy forwards TCP connections to the cluster's unix socket, so that the
// server reaches PostgreSQL over TCP as in production, and the test can
// partition the two: a partition freezes every open connection and accepts
// new ones without ever answering, the way a dead network path behaves.
type pgProxy struct {
	ln     net.Listener
	socket string

	mu     sync.Mutex
	cut    chan struct{} // non-nil while partitioned; closed when healed
	conns  map[net.Conn]struct{}
	closed bool
}

func startProxy(t *testing.T, c *pglocal.Cluster) *pgProxy {
	t.Helper()
	u, err := url.Parse(c.URL(pglocal.DefaultDatabase))
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &pgProxy{ln: ln, socket: filepath.Join(u.Query().Get("host"), ".s.PGSQL.5432"), conns: map[net.Conn]struct{}{}}
	go p.serve()
	t.Cleanup(p.close)
	return p
}

// URL is the database URL the server under test uses.
func (p *pgProxy) URL() string {
	return "postgres://postgres@" + p.ln.Addr().String() + "/" + pglocal.DefaultDatabase + "?sslmode=disable"
}

func (p *pgProxy) serve() {
	for {
		down, err := p.ln.Accept()
		if err != nil {
			return
		}
		if !p.track(down) {
			return
		}
		go p.pipe(down)
	}
}

func (p *pgProxy) track(c net.Conn) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		c.Close()
		return false
	}
	p.conns[c] = struct{}{}
	return true
}

func (p *pgProxy) untrack(c net.Conn) {
	p.mu.Lock()
	delete(p.conns, c)
	p.mu.Unlock()
	c.Close()
}

// gate returns the channel to wait on while partitioned, or nil.
func (p *pgProxy) gate() chan struct{} {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.cut
}

func (p *pgProxy) pipe(down net.Conn) {
	defer p.untrack(down)
	if g := p.gate(); g != nil {
		<-g // healing closes this connection; nothing is ever forwarded
		return
	}
	up, err := net.Dial("unix", p.socket)
	if err != nil {
		return // PostgreSQL is stopped: the client sees its connection closed
	}
	if !p.track(up) {
		up.Close()
		return
	}
	defer p.untrack(up)
	done := make(chan struct{}, 2)
	copyGated := func(dst, src net.Conn) {
		defer func() { done <- struct{}{} }()
		buf := make([]byte, 32<<10)
		for {
			n, err := src.Read(buf)
			if g := p.gate(); g != nil {
				<-g
				return // bytes read during a partition are lost, as on a real one
			}
			if n > 0 {
				if _, werr := dst.Write(buf[:n]); werr != nil {
					return
				}
			}
			if err != nil {
				return
			}
		}
	}
	go copyGated(up, down)
	go copyGated(down, up)
	<-done
}

// partition freezes all traffic until heal.
func (p *pgProxy) partition() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cut == nil {
		p.cut = make(chan struct{})
	}
}

// heal ends a partition. Connections that lived through it are reset, as
// they would be once TCP gives up on them; new ones work again.
func (p *pgProxy) heal() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cut == nil {
		return
	}
	close(p.cut)
	p.cut = nil
	for c := range p.conns {
		c.Close()
	}
}

func (p *pgProxy) close() {
	p.heal()
	p.mu.Lock()
	p.closed = true
	for c := range p.conns {
		c.Close()
	}
	p.mu.Unlock()
	p.ln.Close()
}

// articleWords make up generated articles: plain, sentence-shaped text of
// the kind the text extractor takes for a body.
var articleWords = strings.Fields(`the council said on tuesday that its plan for the river district would
	bring new homes schools and parks to thousands of residents who have waited years for change while
	critics warned about costs delays and traffic in the narrow streets near the old harbour where ferries
	still run every hour and shop owners fear the building work will keep customers away through summer`)

// articleDump returns the text dump number i: a headline, a byline, a date
// line and a few paragraphs, different for every i.
func articleDump(i int) []byte {
	r := rand.New(rand.NewPCG(uint64(i), 0x5eed))
	var b bytes.Buffer
	fmt.Fprintf(&b, "Harbour plan %d clears the council vote after a long debate\n\n", i)
	fmt.Fprintf(&b, "By Ana Silva and Tom Berg\n\nMarch %d, 2025\n\n", 1+i%28)
	for p := 0; p < 4; p++ {
		for s := 0; s < 3; s++ {
			writeSentence(&b, r, 14+r.IntN(10))
			fmt.Fprintf(&b, " (item %d.%d.%d). ", i, p, s)
		}
		b.WriteString("\n\n")
	}
	return b.Bytes()
}

// writeSentence writes n random words of articleWords, the first
// capitalised, without the full stop.
func writeSentence(b *bytes.Buffer, r *rand.Rand, n int) {
	for w := 0; w < n; w++ {
		word := articleWords[r.IntN(len(articleWords))]
		if w == 0 {
			word = strings.ToUpper(word[:1]) + word[1:]
		}
		b.WriteString(word)
		if w < n-1 {
			b.WriteByte(' ')
		}
	}
}

// newClient returns a client for load: one connection per worker, and a
// timeout well past anything the server may take, so a hang fails the test
// instead of stalling it.
func newClient(conns int) *http.Client {
	return &http.Client{
		Timeout:   60 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns},
	}
}

// procStatus reads a field in kB (VmHWM, VmRSS) from /proc/<pid>/status.
func procStatus(t *testing.T, pid int, field string) int64 {
	t.Helper()
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb
		}
	}
	t.Fatalf("/proc/%d/status has no %s", pid, field)
	return 0
}

// resetPeakRSS sets a process's VmHWM back to its current RSS, so that the
// next reading is the peak of what happened in between.
func resetPeakRSS(t *testing.T, pid int) {
	t.Helper()
	if err := os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", pid), []byte("5"), 0); err != nil {
		t.Fatal(err)
	}
}

// metric reads one unlabelled sample (go_goroutines, …) from the server's
// /metrics.
func metric(t *testing.T, s *server, name string) float64 {
	t.Helper()
	resp, err := http.Get("http://" + s.metricsAddr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), name+" "); ok {
			v, err := strconv.ParseFloat(strings.TrimSpace(rest), 64)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
	}
	t.Fatalf("/metrics has no %s", name)
	return 0
}

// settleGoroutines waits until the server's goroutine count is back within
// slack of baseline, and returns the last count. Connections the server is
// closing and the pool's connection churn need a moment, so it polls.
func settleGoroutines(t *testing.T, s *server, baseline, slack float64) float64 {
	t.Helper()
	var n float64
	for i := 0; i < 200; i++ {
		if n = metric(t, s, "go_goroutines"); n <= baseline+slack {
			return n
		}
		time.Sleep(50 * time.Millisecond)
	}
	return n
}

// getStatus fetches url and returns its status, or 0 on a transport error.
func getStatus(c *http.Client, url string) int {
	resp, err := c.Get(url)
	if err != nil {
		return 0
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// problemOf checks that a response is an RFC 9457 problem and returns its
// type, or an error saying what is wrong with it.
func problemOf(h http.Header, body []byte) (string, error) {
	if ct := h.Get("Content-Type"); ct != "application/problem+json" {
		return "", fmt.Errorf("Content-Type %q, want application/problem+json", ct)
	}
	var p struct {
		Type   string `json:"type"`
		Title  string `json:"title"`
		Status int    `json:"status"`
	}
	if err := json.Unmarshal(body, &p); err != nil {
		return "", fmt.Errorf("problem body: %v", err)
	}
	if p.Type == "" || p.Title == "" || p.Status == 0 {
		return "", fmt.Errorf("incomplete problem %s", body)
	}
	return p.Type, nil
}
