package api_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/api"
)

// TestRateLimit_OpenModeClients: in open mode the limiter is keyed on the
// client: X-Forwarded-For counts only from a trusted proxy, and a client
// cannot escape its bucket by picking another loopback address or by
// writing X-Forwarded-For itself.
func TestRateLimit_OpenModeClients(t *testing.T) {
	proxies, err := api.ParseTrustedProxies("10.0.0.0/8, 192.0.2.7")
	if err != nil {
		t.Fatal(err)
	}
	clk := &clock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	// The test server's handler is called directly with chosen peer
	// addresses: httptest's client always connects from 127.0.0.1.
	ts := newTestServer(t, api.Config{RateLimit: 1, RateBurst: 1, Now: clk.now, TrustedProxies: proxies})
	type req struct {
		peer, xff string
		status    int
	}
	tests := []struct {
		name string
		reqs []req
	}{
		{"loopback addresses share one bucket", []req{
			{"127.0.0.1:1000", "", 200}, {"127.0.0.2:1000", "", 429}, {"[::1]:1000", "", 429}}},
		{"XFF from an untrusted peer is ignored", []req{
			{"198.51.100.1:1", "203.0.113.1", 200}, {"198.51.100.1:2", "203.0.113.2", 429}}},
		{"XFF from a trusted proxy names the client", []req{
			{"10.1.2.3:1", "203.0.113.10", 200}, {"10.1.2.4:1", "203.0.113.11", 200}, {"192.0.2.7:1", "203.0.113.10", 429}}},
		{"a client's own XFF entries left of the proxy's are ignored", []req{
			{"10.1.2.3:1", "1.1.1.1, 203.0.113.20", 200}, {"10.1.2.3:1", "2.2.2.2, 203.0.113.20", 429}}},
		{"chains of trusted proxies are walked", []req{
			{"10.1.2.3:1", "203.0.113.30, 10.9.9.9", 200}, {"10.1.2.3:1", "203.0.113.30", 429}}},
		{"an IPv6 client is its /64", []req{
			{"[2001:db8:1:2::1]:1", "", 200}, {"[2001:db8:1:2::ffff]:1", "", 429}, {"[2001:db8:1:3::1]:1", "", 200}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			clk.add(time.Hour) // every bucket full again
			for i, rq := range tc.reqs {
				r, _ := http.NewRequest("GET", "/v1/articles", nil)
				r.RemoteAddr = rq.peer
				if rq.xff != "" {
					r.Header.Set("X-Forwarded-For", rq.xff)
				}
				w := httptest.NewRecorder()
				ts.api.ServeHTTP(w, r)
				if w.Code != rq.status {
					t.Fatalf("request %d (%s, XFF %q): %d, want %d", i, rq.peer, rq.xff, w.Code, rq.status)
				}
			}
		})
	}
	if _, err := api.ParseTrustedProxies("10.0.0.0/8,not-an-address"); err == nil {
		t.Error("a malformed proxy list was accepted")
	}
}
