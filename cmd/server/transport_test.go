package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestNewHTTPServer_Limits: every listener has every timeout and a header
// limit, so that no client can hold a connection or a goroutine forever.
func TestNewHTTPServer_Limits(t *testing.T) {
	s := newHTTPServer(http.NotFoundHandler(), log.New(io.Discard, "", 0))
	for name, d := range map[string]time.Duration{
		"ReadHeaderTimeout": s.ReadHeaderTimeout, "ReadTimeout": s.ReadTimeout,
		"WriteTimeout": s.WriteTimeout, "IdleTimeout": s.IdleTimeout,
	} {
		if d <= 0 {
			t.Errorf("%s unset", name)
		}
	}
	if s.MaxHeaderBytes <= 0 || s.MaxHeaderBytes > 1<<20 {
		t.Errorf("MaxHeaderBytes = %d", s.MaxHeaderBytes)
	}
}

// rawExchange sends request bytes on a fresh connection and returns the
// status line of the answer ("" when the server closed without one).
func rawExchange(t *testing.T, addr string, request []byte) string {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(30 * time.Second))
	if _, err := conn.Write(request); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(conn).ReadString('\n')
	return strings.TrimSpace(line)
}

// TestHostile_Transport attacks the server below the API: malformed and
// oversized headers, slowloris clients trickling headers, and clients that
// never read what they asked for. Each must cost the server nothing
// lasting: ordinary requests keep being served meanwhile, and once the
// attackers are gone the goroutine count is back to its baseline.
func TestHostile_Transport(t *testing.T) {
	t.Parallel()
	c := startCluster(t, false)
	s := startServer(t, "DATABASE_URL="+c.URL("pressroom"))
	client := &http.Client{Timeout: time.Minute}
	base := "http://" + s.httpAddr
	known := mustPost(t, client, base, articleDump(0))
	normal := func(t *testing.T) {
		t.Helper()
		if got := getStatus(client, base+"/v1/articles/"+known.String()); got != http.StatusOK {
			t.Fatalf("an ordinary GET = %d", got)
		}
	}
	// A page big enough that its answer cannot sit in socket buffers.
	big := mustPost(t, client, base, append(articleDump(1), bytes.Repeat([]byte("More text in a long paragraph. "), 300_000)...))
	baseline := settleGoroutines(t, s, 0, 1e9)

	rawTests := []struct {
		name, request, wantStatus string
	}{
		{"control character in a header value", "GET /v1/articles/" + known.String() + " HTTP/1.1\r\nHost: x\r\nX-Request-Id: a\x01b\r\n\r\n", "400"},
		{"DEL in Content-Type", "POST /v1/articles HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\x7f\r\nContent-Length: 1\r\n\r\na", "400"},
		{"NUL in a header name", "GET / HTTP/1.1\r\nHost: x\r\nX-\x00: a\r\n\r\n", "400"},
		{"bare CR in a header", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\rInjected: b\r\n\r\n", "400"},
		// RFC 9112 lets a server unfold obs-fold into one value; Go does.
		{"header folding", "GET /v1/articles/" + known.String() + " HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n", "200"},
		{"1 MB header", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", 1<<20) + "\r\n\r\n", "431"},
		{"10,000 headers", "GET / HTTP/1.1\r\nHost: x\r\n" + strings.Repeat("X-A: b\r\n", 10_000) + "\r\n", "431"},
		{"1 MB request line", "GET /v1/articles/" + strings.Repeat("a", 1<<20) + " HTTP/1.1\r\nHost: x\r\n\r\n", "431"},
		{"request smuggling: two lengths", "POST /v1/articles HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", "400"},
		{"request smuggling: length and chunked", "POST /v1/articles HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "400"},
		{"unknown transfer encoding", "POST /v1/articles HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", "501"},
		{"not HTTP at all", "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + strings.Repeat("\x00", 100) + "\r\n\r\n", "400"},
		{"unknown method", "BREW /v1/articles HTTP/1.1\r\nHost: x\r\n\r\n", "405"},
	}
	for _, tt := range rawTests {
		t.Run(tt.name, func(t *testing.T) {
			line := rawExchange(t, s.httpAddr, []byte(tt.request))
			if !strings.HasPrefix(line, "HTTP/1.1 "+tt.wantStatus+" ") && !strings.HasPrefix(line, "HTTP/1.0 "+tt.wantStatus+" ") {
				t.Fatalf("status line %q, want %s", line, tt.wantStatus)
			}
			normal(t)
		})
	}

	t.Run("unsafe X-Request-Id is not echoed", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, base+"/v1/articles/"+known.String(), nil)
		req.Header.Set("X-Request-Id", `"><script>alert(1)</script>`)
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if id := resp.Header.Get("X-Request-Id"); id == "" || strings.ContainsAny(id, `<>"`) {
			t.Fatalf("X-Request-Id = %q", id)
		}
	})

	t.Run("slowloris", func(t *testing.T) {
		// Each client sends a request line, then one header byte every
		// 200 ms, forever. ReadHeaderTimeout (5 s) must end them all.
		const clients = 50
		closed := make(chan time.Duration, clients)
		var wg sync.WaitGroup
		for i := 0; i < clients; i++ {
			conn, err := net.Dial("tcp", s.httpAddr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			wg.Add(1)
			go func() {
				defer wg.Done()
				t0 := time.Now()
				if _, err := conn.Write([]byte("POST /v1/articles HTTP/1.1\r\nHost: x\r\nX-Slow: ")); err != nil {
					closed <- 0
					return
				}
				for time.Since(t0) < 30*time.Second {
					time.Sleep(200 * time.Millisecond)
					if _, err := conn.Write([]byte("a")); err != nil {
						closed <- time.Since(t0)
						return
					}
				}
				closed <- -1
			}()
		}
		normal(t) // served while the slow clients hang on
		during := metric(t, s, "go_goroutines")
		wg.Wait()
		close(closed)
		var longest time.Duration
		for d := range closed {
			if d < 0 {
				t.Fatal("a slowloris client still connected after 30 s")
			}
			longest = max(longest, d)
		}
		t.Logf("%d slowloris clients: goroutines %v while connected; the last one cut off after %v", clients, during, longest.Round(time.Millisecond))
		normal(t)
	})

	t.Run("clients that never read", func(t *testing.T) {
		const clients = 8
		var conns []net.Conn
		for i := 0; i < clients; i++ {
			conn, err := net.Dial("tcp", s.httpAddr)
			if err != nil {
				t.Fatal(err)
			}
			conns = append(conns, conn)
			fmt.Fprintf(conn, "GET /v1/articles/%s/raw HTTP/1.1\r\nHost: x\r\n\r\n", big)
		}
		// The server is now blocked writing 8 large answers nobody reads.
		for i := 0; i < 20; i++ {
			normal(t)
		}
		during := metric(t, s, "go_goroutines")
		for _, c := range conns {
			c.Close()
		}
		after := settleGoroutines(t, s, baseline, 2)
		t.Logf("%d clients not reading a %d MB answer: goroutines %v meanwhile, %v once they left", clients, 9, during, after)
	})

	after := settleGoroutines(t, s, baseline, 2)
	if after > baseline+2 {
		t.Errorf("goroutines %v once every attacker left, baseline %v: a leak", after, baseline)
	}
	normal(t)
}
