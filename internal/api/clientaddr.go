package api

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// ParseTrustedProxies reads PRESSROOM_TRUSTED_PROXIES: comma-separated
// addresses or CIDR prefixes.
func ParseTrustedProxies(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if p, err := netip.ParsePrefix(f); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(f)
		if err != nil {
			return nil, fmt.Errorf("%q is neither an address nor a CIDR prefix", f)
		}
		a = a.Unmap()
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	return out, nil
}

// trusted reports whether addr is one of the trusted proxies.
func (a *API) trusted(addr netip.Addr) bool {
	for _, p := range a.trustedProxies {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}

// clientAddr is the address of the client a request comes from: the peer,
// or, when the peer is a trusted proxy, the last address in
// X-Forwarded-For that is not a trusted proxy itself. Addresses further
// left were written by the client and prove nothing. The zero Addr means
// the peer address could not be parsed.
func (a *API) clientAddr(r *http.Request) netip.Addr {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	peer, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}
	}
	client := peer.Unmap()
	if !a.trusted(client) {
		return client
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		hop, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break // garbage from here leftwards: the last good hop is the client
		}
		client = hop.Unmap()
		if !a.trusted(client) {
			break
		}
	}
	return client
}

// clientBucket names the rate-limit bucket of a client address. One
// machine or one customer network usually holds many addresses: every
// loopback address is the same machine (any local process can pick
// another 127.x), and an IPv6 client owns at least a /64.
func clientBucket(addr netip.Addr) string {
	switch {
	case !addr.IsValid():
		return "addr:unknown"
	case addr.IsLoopback():
		return "addr:loopback"
	case addr.Is6():
		p, _ := addr.Prefix(64)
		return "addr:" + p.String()
	}
	return "addr:" + addr.String()
}
