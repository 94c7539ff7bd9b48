package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// The profiler's mux answers the index, the named profiles and the
// handlers net/http/pprof does not route through its index.
func TestDebugHandler(t *testing.T) {
	srv := httptest.NewServer(newDebugHandler())
	defer srv.Close()
	for _, tt := range []struct {
		path       string
		wantStatus int
		wantBody   string
	}{
		{"/debug/pprof/", http.StatusOK, "goroutine"},
		{"/debug/pprof/heap?debug=1", http.StatusOK, "heap profile"},
		{"/debug/pprof/goroutine?debug=1", http.StatusOK, "goroutine profile"},
		{"/debug/pprof/cmdline", http.StatusOK, ""},
		{"/debug/pprof/symbol", http.StatusOK, "num_symbols"},
		{"/debug/pprof/nosuchprofile", http.StatusNotFound, ""},
		{"/metrics", http.StatusNotFound, ""},
	} {
		resp, err := http.Get(srv.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.wantStatus || !strings.Contains(string(body), tt.wantBody) {
			t.Errorf("GET %s = %d, want %d with %q:\n%.300s", tt.path, resp.StatusCode, tt.wantStatus, tt.wantBody, body)
		}
	}
}

// The profiler listens only when PRESSROOM_DEBUG_ADDR is set, and only on
// its own listener: the API and the metrics listener never serve it.
func TestServe_DebugListener(t *testing.T) {
	c := startCluster(t, false)
	for _, tt := range []struct {
		name     string
		env      []string
		profiler bool
	}{
		{"unset", nil, false},
		{"set", []string{"PRESSROOM_DEBUG_ADDR=127.0.0.1:0"}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := startServer(t, append([]string{"DATABASE_URL=" + c.URL("pressroom")}, tt.env...)...)
			defer s.cmd.Process.Kill()
			if got := s.debugAddr != ""; got != tt.profiler {
				t.Fatalf("profiler listening: %v, want %v\n%s", got, tt.profiler, s.logs)
			}
			for _, addr := range []string{s.httpAddr, s.metricsAddr} {
				if got := getStatus(http.DefaultClient, "http://"+addr+"/debug/pprof/"); got != http.StatusNotFound {
					t.Errorf("GET http://%s/debug/pprof/ = %d, want 404 (not on the API or metrics listener)", addr, got)
				}
			}
			if !tt.profiler {
				return
			}
			if got := getStatus(http.DefaultClient, "http://"+s.debugAddr+"/debug/pprof/"); got != http.StatusOK {
				t.Errorf("GET /debug/pprof/ on the debug listener = %d, want 200", got)
			}
			// A short CPU profile: the listener's write timeout must leave
			// room for one (pprof refuses seconds past it).
			if got := getStatus(http.DefaultClient, "http://"+s.debugAddr+"/debug/pprof/profile?seconds=1"); got != http.StatusOK {
				t.Errorf("GET /debug/pprof/profile?seconds=1 = %d, want 200", got)
			}
		})
	}
}
