package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/pglocal"
	"github.com/pressroom/pressroom/internal/store"
)

// faultDBTimeout is PRESSROOM_DB_TIMEOUT in the fault test, and
// faultBound the longest any request may take while the database is away:
// the timeout plus generous room for a loaded machine.
const (
	faultDBTimeout = time.Second
	faultBound     = 5 * time.Second
)

// TestFaults_DatabaseOutages runs the server on its own durable PostgreSQL
// behind a TCP proxy and, under concurrent load, takes the database away
// three ways: a clean stop, a crash (immediate shutdown, crash recovery on
// restart) and a network partition (connections freeze). While it is away
// every request must fail fast and cleanly (503 problem+json with
// Retry-After, never 500, never a hang), /readyz must be 503 and /healthz
// 200; after it is back the same process must serve again. At the end
// every write the server acknowledged must be in the database, byte for
// byte, and nothing may be half-written.
func TestFaults_DatabaseOutages(t *testing.T) {
	t.Parallel()
	c := startCluster(t, true)
	proxy := startProxy(t, c)
	s := startServer(t, "DATABASE_URL="+proxy.URL(), "PRESSROOM_DB_TIMEOUT="+faultDBTimeout.String(),
		"PRESSROOM_RATE_LIMIT=0") // the checks at the end read every article back at once
	ctx := context.Background()
	ops := &http.Client{Timeout: 30 * time.Second}
	opsURL := "http://" + s.metricsAddr

	// With a key in the table the server requires it, so requests also
	// go through authentication, which reads the keys from the database.
	token := createKey(t, c)
	l := startLoad(s, 6, token)
	defer l.halt()
	l.waitAcks(t, 30, time.Minute)

	outages := []struct {
		name       string
		down, up   func()
		downFor    time.Duration
		readyzWait bool
	}{
		{"stop", func() { mustDo(t, c.Stop()) }, func() { mustDo(t, c.Restart(ctx)) }, 3 * time.Second, false},
		{"crash", func() { crashCluster(t, c) }, func() { mustDo(t, c.Restart(ctx)) }, 2 * time.Second, false},
		// A partition must outlast faultBound, or a hang could hide in it.
		{"partition", proxy.partition, proxy.heal, faultBound + 2*time.Second, true},
	}
	for _, o := range outages {
		o.down()
		from := time.Now()
		if got := getStatus(ops, opsURL+"/healthz"); got != http.StatusOK {
			t.Errorf("%s: /healthz = %d while the database is away, want 200", o.name, got)
		}
		t0 := time.Now()
		if got := getStatus(ops, opsURL+"/readyz"); got != http.StatusServiceUnavailable {
			t.Errorf("%s: /readyz = %d while the database is away, want 503", o.name, got)
		}
		if d := time.Since(t0); d > faultBound {
			t.Errorf("%s: /readyz took %v, want at most %v", o.name, d, faultBound)
		}
		time.Sleep(time.Until(from.Add(o.downFor)))
		to := time.Now()
		o.up()
		recovered := waitReady(t, ops, opsURL, time.Minute)
		n := l.acks()
		l.waitAcks(t, n+20, time.Minute) // the same process serves again
		w := l.window(from, to)
		t.Logf("%s: %v down; %d requests while down (%d POST, %d GET), %d answered 503, slowest %v; ready %v after the restart",
			o.name, to.Sub(from).Round(time.Millisecond), w.total, w.posts, w.gets, w.unavailable, w.slowest.Round(time.Millisecond),
			recovered.Sub(to).Round(time.Millisecond))
		for _, e := range w.errs {
			t.Errorf("%s: %s", o.name, e)
		}
		if w.posts == 0 || w.gets == 0 {
			t.Errorf("%s: the load sent %d POSTs and %d GETs while the database was away; want some of each", o.name, w.posts, w.gets)
		}
	}
	l.halt()
	for _, e := range l.globalErrors() {
		t.Error(e)
	}
	verifyAcknowledged(t, s, connectDB(t, c), l)
}

// createKey adds an API key with the ingest and read scopes straight to
// the database the server uses, and returns its token.
func createKey(t *testing.T, c *pglocal.Cluster) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	st, err := store.Open(ctx, c.URL(pglocal.DefaultDatabase), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	token, _, err := st.CreateAPIKey(ctx, "faults", []string{"ingest", "read"})
	if err != nil {
		t.Fatal(err)
	}
	return token
}

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// waitReady polls /readyz until it answers 200 and returns when it did.
func waitReady(t *testing.T, c *http.Client, opsURL string, limit time.Duration) time.Time {
	t.Helper()
	deadline := time.Now().Add(limit)
	for getStatus(c, opsURL+"/readyz") != http.StatusOK {
		if time.Now().After(deadline) {
			t.Fatalf("/readyz not 200 within %v after the database came back", limit)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return time.Now()
}

// call is one request the load made and what became of it.
type call struct {
	op         string // POST, GET, RAW
	idx        int    // the dump's number (articleDump)
	start, end time.Time
	status     int
	err        error
	header     http.Header
	body       []byte
}

// load drives concurrent POSTs of distinct dumps, and GETs of articles
// already acknowledged, until halted, and records every call.
type load struct {
	s      *server
	base   string
	token  string // API key; none when empty
	client *http.Client
	next   atomic.Int64
	stop   chan struct{}
	wg     sync.WaitGroup
	once   sync.Once

	mu    sync.Mutex
	calls []*call
	acked map[int]*call // idx → the acknowledging POST
	ids   []int         // acknowledged idx with an article, for GETs
}

func startLoad(s *server, workers int, token string) *load {
	l := &load{s: s, base: "http://" + s.httpAddr, token: token, client: newClient(workers), stop: make(chan struct{}), acked: map[int]*call{}}
	for w := 0; w < workers; w++ {
		l.wg.Add(1)
		go l.worker(uint64(w))
	}
	return l
}

func (l *load) worker(seed uint64) {
	defer l.wg.Done()
	r := rand.New(rand.NewPCG(seed, 7))
	for {
		select {
		case <-l.stop:
			return
		default:
		}
		var c *call
		if ack, ok := l.randomArticle(r); ok && r.IntN(2) == 0 {
			var op, path string
			switch r.IntN(4) {
			case 0:
				op, path = "GET", "/v1/articles/"+ack.ID.String()
			case 1:
				op, path = "RAW", "/v1/articles/"+ack.ID.String()+"/raw"
			case 2:
				op, path = "DUMP", "/v1/dumps/"+ack.DumpID.String()
			default:
				op, path = "LIST", "/v1/articles?limit=5"
			}
			c = l.do(op, -1, http.MethodGet, path, nil)
		} else {
			idx := int(l.next.Add(1))
			c = l.do("POST", idx, http.MethodPost, "/v1/articles", articleDump(idx))
		}
		if c.status != http.StatusOK && c.status != http.StatusCreated {
			// A scraper honours Retry-After; this one only avoids a hot loop.
			time.Sleep(100 * time.Millisecond)
		}
	}
}

func (l *load) randomArticle(r *rand.Rand) (ackBody, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.ids) == 0 {
		return ackBody{}, false
	}
	var a ackBody
	_ = json.Unmarshal(l.acked[l.ids[r.IntN(len(l.ids))]].body, &a)
	return a, true
}

func (l *load) do(op string, idx int, method, path string, body []byte) *call {
	c := &call{op: op, idx: idx, start: time.Now()}
	req, err := http.NewRequest(method, l.base+path, bytes.NewReader(body))
	if err != nil {
		panic(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "text/plain; charset=utf-8")
	}
	if l.token != "" {
		req.Header.Set("Authorization", "Bearer "+l.token)
	}
	resp, err := l.client.Do(req)
	if err == nil {
		c.status, c.header = resp.StatusCode, resp.Header
		c.body, err = io.ReadAll(resp.Body)
		resp.Body.Close()
	}
	c.err, c.end = err, time.Now()
	l.record(c)
	return c
}

// record adds a finished call to the log.
func (l *load) record(c *call) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.calls = append(l.calls, c)
	if c.op == "POST" && c.err == nil && isAck(c.status) {
		l.acked[c.idx] = c
		if c.status != http.StatusUnprocessableEntity {
			l.ids = append(l.ids, c.idx)
		}
	}
}

// isAck says whether a POST's answer promises the dump is stored: 201 and
// 200 with an article, 422 with the kept dump's id.
func isAck(status int) bool {
	return status == http.StatusCreated || status == http.StatusOK || status == http.StatusUnprocessableEntity
}

func (l *load) acks() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.acked)
}

// waitAcks waits until n POSTs have been acknowledged in all.
func (l *load) waitAcks(t *testing.T, n int, limit time.Duration) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for l.acks() < n {
		if time.Now().After(deadline) {
			t.Fatalf("only %d of %d POSTs acknowledged within %v", l.acks(), n, limit)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (l *load) halt() {
	l.once.Do(func() {
		close(l.stop)
		l.wg.Wait()
	})
}

// windowReport sums up the calls made while the database was away.
type windowReport struct {
	total, posts, gets, unavailable int
	slowest                         time.Duration
	errs                            []string
}

// window checks the calls of an outage from..to: those made entirely
// inside it must be 503 problems with Retry-After, and none that started
// early enough to be judged may take longer than faultBound.
func (l *load) window(from, to time.Time) windowReport {
	l.mu.Lock()
	defer l.mu.Unlock()
	var w windowReport
	for _, c := range l.calls {
		if c.end.Before(from) {
			continue
		}
		// A call already in flight when the database went away is judged
		// from that moment: it must not hang on a dead connection either.
		start := c.start
		if start.Before(from) {
			start = from
		}
		if d := c.end.Sub(start); !start.After(to.Add(-faultBound)) && d > faultBound {
			w.errs = append(w.errs, fmt.Sprintf("%s #%d took %v while the database was away (bound %v)", c.op, c.idx, d.Round(time.Millisecond), faultBound))
		}
		if c.start.Before(from) || c.end.After(to) {
			continue
		}
		w.total++
		if c.op == "POST" {
			w.posts++
		} else {
			w.gets++
		}
		if d := c.end.Sub(c.start); d > w.slowest {
			w.slowest = d
		}
		switch {
		case c.err != nil:
			w.errs = append(w.errs, fmt.Sprintf("%s #%d: %v", c.op, c.idx, c.err))
		case c.status != http.StatusServiceUnavailable:
			w.errs = append(w.errs, fmt.Sprintf("%s #%d answered %d while the database was away, want 503: %.200s", c.op, c.idx, c.status, c.body))
		case c.header.Get("Retry-After") == "":
			w.errs = append(w.errs, fmt.Sprintf("%s #%d: 503 without Retry-After", c.op, c.idx))
		default:
			if typ, err := problemOf(c.header, c.body); err != nil || typ != "/problems/unavailable" {
				w.errs = append(w.errs, fmt.Sprintf("%s #%d: 503 problem type %q (%v), want /problems/unavailable", c.op, c.idx, typ, err))
			} else {
				w.unavailable++
			}
		}
	}
	return w
}

// globalErrors lists what must never happen, outage or not: a 500, a
// broken connection, or a status the API does not give for these requests.
func (l *load) globalErrors() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var errs []string
	for _, c := range l.calls {
		switch {
		case c.err != nil:
			errs = append(errs, fmt.Sprintf("%s #%d: transport error: %v", c.op, c.idx, c.err))
		case c.status == http.StatusServiceUnavailable || isAck(c.status) && c.op == "POST" || c.status == http.StatusOK:
		default:
			errs = append(errs, fmt.Sprintf("%s #%d: unexpected status %d: %.300s", c.op, c.idx, c.status, c.body))
		}
	}
	if len(errs) > 20 {
		errs = append(errs[:20], fmt.Sprintf("… and %d more", len(errs)-20))
	}
	return errs
}

// ackBody is the part of a POST answer the verification needs.
type ackBody struct {
	ID     article.ID `json:"id"`
	DumpID article.ID `json:"dump_id"`
	Title  string     `json:"title"`
	Body   string     `json:"body"`
}

func articleIDOf(c *call) article.ID {
	var a ackBody
	_ = json.Unmarshal(c.body, &a)
	return a.ID
}

// verifyAcknowledged is the end of every fault test. It retries each POST
// that was not acknowledged (as a scraper would), then checks that every
// acknowledged dump and article is stored exactly as sent and answered,
// through the API and in the tables, and that no dump is half-written.
func verifyAcknowledged(t *testing.T, s *server, db *pgx.Conn, l *load) {
	t.Helper()
	posted := map[int]bool{}
	for _, c := range l.calls {
		if c.op == "POST" {
			posted[c.idx] = true
		}
	}
	acknowledged := len(l.acked)
	retried, storedUnacked := 0, 0
	for idx := range posted {
		if l.acked[idx] != nil {
			continue
		}
		c := l.do("POST", idx, http.MethodPost, "/v1/articles", articleDump(idx))
		retried++
		switch {
		case c.err != nil || !isAck(c.status):
			t.Errorf("retry of POST #%d: %d %v %.200s", idx, c.status, c.err, c.body)
		case c.status == http.StatusOK:
			storedUnacked++ // committed, but the answer was lost in the outage
		}
	}

	// Through the API: the article as answered, the raw bytes as sent.
	for idx, c := range l.acked {
		if c.status == http.StatusUnprocessableEntity {
			continue
		}
		id := articleIDOf(c)
		g := l.do("GET", idx, http.MethodGet, "/v1/articles/"+id.String(), nil)
		if g.status != http.StatusOK || !bytes.Equal(bytes.TrimSpace(g.body), bytes.TrimSpace(c.body)) {
			t.Errorf("GET article of #%d = %d\n%.300s\nwant the POST's answer\n%.300s", idx, g.status, g.body, c.body)
		}
		r := l.do("RAW", idx, http.MethodGet, "/v1/articles/"+id.String()+"/raw", nil)
		if r.status != http.StatusOK || !bytes.Equal(r.body, articleDump(idx)) {
			t.Errorf("GET raw of #%d = %d, %d bytes; want the %d bytes sent", idx, r.status, len(r.body), len(articleDump(idx)))
		}
	}

	found := verifyTables(t, db, l)
	missing := 0
	for idx := range posted {
		if !found[idx] {
			missing++
		}
	}
	t.Logf("acknowledged %d of %d dumps under faults; after retrying the other %d: %d stored without an answer, %d dumps in the database, %d missing",
		acknowledged, len(posted), retried, storedUnacked, len(found), missing)
	if missing > 0 {
		t.Errorf("%d posted dumps are not in the database after retries", missing)
	}
}

// verifyTables checks the tables against the load: every dump is one that
// was sent, intact, stored once, and either has its article or is marked
// failed; every acknowledged dump is there, and its article row is the one
// the server answered with. It returns the dumps found.
func verifyTables(t *testing.T, db *pgx.Conn, l *load) map[int]bool {
	t.Helper()
	posted := map[int]bool{}
	for _, c := range l.calls {
		if c.op == "POST" {
			posted[c.idx] = true
		}
	}
	sentBySum := map[[32]byte]int{}
	for idx := range posted {
		sentBySum[sha256.Sum256(articleDump(idx))] = idx
	}
	rows, err := db.Query(context.Background(), `SELECT d.id, d.body, d.sha256, d.size, d.status, a.id, a.title, a.body
		FROM dumps d LEFT JOIN articles a ON a.dump_id = d.id`)
	if err != nil {
		t.Fatal(err)
	}
	found := map[int]bool{}
	for rows.Next() {
		var (
			dumpID, artID      pgtype.UUID
			body, sum          []byte
			size               int
			status             string
			title, articleBody *string
		)
		if err := rows.Scan(&dumpID, &body, &sum, &size, &status, &artID, &title, &articleBody); err != nil {
			t.Fatal(err)
		}
		actual := sha256.Sum256(body)
		idx, ok := sentBySum[actual]
		switch {
		case !ok:
			t.Errorf("dump %x holds %d bytes that were never sent", dumpID.Bytes, len(body))
			continue
		case !bytes.Equal(sum, actual[:]) || size != len(body):
			t.Errorf("dump #%d: stored sha256/size do not match its body", idx)
		case artID.Valid != (status == string(article.DumpExtracted)):
			t.Errorf("dump #%d half-written: status %q, article present %v", idx, status, artID.Valid)
		}
		if found[idx] {
			t.Errorf("dump #%d stored twice", idx)
		}
		found[idx] = true
		if c := l.acked[idx]; c != nil && c.status != http.StatusUnprocessableEntity {
			var want ackBody
			_ = json.Unmarshal(c.body, &want)
			if !artID.Valid || article.ID(artID.Bytes) != want.ID || *title != want.Title || *articleBody != want.Body {
				t.Errorf("article row of #%d differs from the acknowledged answer", idx)
			}
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for idx, c := range l.acked {
		if !found[idx] {
			t.Errorf("dump #%d acknowledged with %d but not in the database", idx, c.status)
		}
	}
	return found
}
