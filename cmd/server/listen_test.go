package main

import (
	"io"
	"log"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"
)

func TestAPIConnLimit(t *testing.T) {
	tests := []struct {
		name     string
		maxConns int
		fdLimit  uint64
		want     int
	}{
		{"auto, plenty of descriptors", 0, 1 << 20, defaultMaxConns},
		{"auto, limit unknown", 0, 0, defaultMaxConns},
		{"auto, few descriptors", 0, 512, 512 - fdReserve - opsMaxConns},
		{"set, below the descriptors", 500, 1 << 20, 500},
		{"set, above the descriptors", 100_000, 20_000, 20_000 - fdReserve - opsMaxConns},
		{"tiny descriptor limit", 0, 64, 16},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := apiConnLimit(tc.maxConns, tc.fdLimit); got != tc.want {
				t.Errorf("apiConnLimit(%d, %d) = %d, want %d", tc.maxConns, tc.fdLimit, got, tc.want)
			}
		})
	}
}

// serveLimited serves h on a loopback listener capped at max connections.
func serveLimited(t *testing.T, h http.Handler, max int) (addr string, ln *limitListener) {
	t.Helper()
	raw, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv, ln := limitServer(newHTTPServer(h, log.New(io.Discard, "", 0)), raw, max)
	srv.IdleTimeout = time.Hour // only eviction may free a slot here
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return raw.Addr().String(), ln
}

// TestLimitListener: the cap holds; idle keep-alive connections make room
// for new clients; and with the API listener full of busy connections the
// metrics listener still answers.
func TestLimitListener(t *testing.T) {
	const max = 3
	release := make(chan struct{})
	var entered sync.WaitGroup
	api := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/block" {
			entered.Done()
			<-release
		}
		io.WriteString(w, "ok")
	})
	apiAddr, apiLn := serveLimited(t, api, max)
	opsAddr, _ := serveLimited(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") }), 2)
	get := func(c *http.Client, url string) error {
		resp, err := c.Get(url)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		_, err = io.ReadAll(resp.Body)
		return err
	}

	// max clients each keep a connection alive and idle.
	for i := range max {
		c := &http.Client{Transport: &http.Transport{}, Timeout: time.Minute}
		if err := get(c, "http://"+apiAddr+"/"); err != nil {
			t.Fatalf("idle client %d: %v", i, err)
		}
	}
	if n := apiLn.Len(); n != max {
		t.Fatalf("%d connections held, want %d", n, max)
	}
	// New clients are served by evicting them, and then block the
	// listener with busy connections.
	entered.Add(max)
	var busy sync.WaitGroup
	for i := range max {
		busy.Add(1)
		go func() {
			defer busy.Done()
			c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: time.Minute}
			if err := get(c, "http://"+apiAddr+"/block"); err != nil {
				t.Errorf("busy client %d: %v", i, err)
			}
		}()
	}
	entered.Wait()
	if n := apiLn.Len(); n != max {
		t.Errorf("%d connections held with %d busy, want %d", n, max, max)
	}
	// The API listener is full of busy connections; the metrics one answers.
	if err := get(&http.Client{Timeout: time.Minute}, "http://"+opsAddr+"/healthz"); err != nil {
		t.Fatalf("metrics listener with the API saturated: %v", err)
	}
	// A further API client waits for a slot rather than being served.
	waited := make(chan error, 1)
	go func() {
		waited <- get(&http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: time.Minute}, "http://"+apiAddr+"/")
	}()
	close(release)
	busy.Wait()
	if err := <-waited; err != nil {
		t.Fatalf("client waiting for a slot: %v", err)
	}
}
