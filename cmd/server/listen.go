package main

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// Connection limits. Every connection costs a file descriptor and, idle,
// some 20-30 KB of memory (a goroutine and its buffers): 20,000 idle
// clients once ran the server out of descriptors, and /readyz and /metrics
// with it.
const (
	// defaultMaxConns caps the API listener when PRESSROOM_MAX_CONNS is 0
	// (auto) and the descriptor limit allows more. Under test-hostile's
	// churn of 20,000 idle clients 2048 connections cost ~120 MiB, and
	// 1024 took the mix's peak RSS from ~306 to ~340 MiB; 512 are still
	// far more than a 2-core server with 8 database connections can keep
	// busy.
	defaultMaxConns = 512
	// fdReserve descriptors are never given to API connections: the
	// metrics listener's connections, the database pool, the private
	// PostgreSQL's sockets, log and data files.
	fdReserve = 256
	// opsMaxConns caps the metrics listener, whose clients are a few
	// scrapers and probes.
	opsMaxConns = 64
)

// apiConnLimit is how many connections the API listener holds at once:
// maxConns when set, else defaultMaxConns, and never so many that the
// reserve of descriptors is touched. fdLimit 0 means unknown.
func apiConnLimit(maxConns int, fdLimit uint64) int {
	n := maxConns
	if n <= 0 {
		n = defaultMaxConns
	}
	if fdLimit > 0 {
		room := int64(fdLimit) - fdReserve - opsMaxConns
		n = int(max(min(int64(n), room), 16))
	}
	return n
}

// limitListener accepts at most max connections at a time. When it is
// full, a new connection evicts the connection that has been idle
// (between requests, kept alive) the longest, so that idle keep-alive
// clients cannot lock new ones out; with none idle, Accept waits for a
// connection to close. The server must report connection states to
// ConnState.
type limitListener struct {
	net.Listener
	slots  chan struct{}
	closed chan struct{}
	once   sync.Once

	mu   sync.Mutex
	idle map[net.Conn]time.Time // connections between requests, since when
}

func newLimitListener(ln net.Listener, max int) *limitListener {
	return &limitListener{Listener: ln, slots: make(chan struct{}, max), closed: make(chan struct{}),
		idle: map[net.Conn]time.Time{}}
}

func (l *limitListener) Accept() (net.Conn, error) {
	if err := l.takeSlot(); err != nil {
		return nil, err
	}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.slots
		return nil, err
	}
	lc := &limitedConn{Conn: c}
	lc.release = sync.OnceFunc(func() {
		l.mu.Lock()
		delete(l.idle, lc)
		l.mu.Unlock()
		<-l.slots
	})
	return lc, nil
}

// takeSlot waits for room for one more connection, evicting idle ones
// while it waits: a connection busy now may be idle a moment later.
func (l *limitListener) takeSlot() error {
	for {
		select {
		case l.slots <- struct{}{}:
			return nil
		default:
		}
		l.evictIdle()
		t := time.NewTimer(50 * time.Millisecond)
		select {
		case l.slots <- struct{}{}:
			t.Stop()
			return nil
		case <-l.closed:
			t.Stop()
			return net.ErrClosed
		case <-t.C:
		}
	}
}

func (l *limitListener) Close() error {
	l.once.Do(func() { close(l.closed) })
	return l.Listener.Close()
}

// evictIdle closes the connection idle the longest, if any. The server
// sees a read error on it, as when IdleTimeout expires.
func (l *limitListener) evictIdle() {
	l.mu.Lock()
	var (
		oldest net.Conn
		since  time.Time
	)
	for c, t := range l.idle {
		if oldest == nil || t.Before(since) {
			oldest, since = c, t
		}
	}
	delete(l.idle, oldest)
	l.mu.Unlock()
	if oldest != nil {
		oldest.Close()
	}
}

// ConnState tracks which connections are idle; set it as the
// http.Server's ConnState.
func (l *limitListener) ConnState(c net.Conn, state http.ConnState) {
	lc, ok := c.(*limitedConn)
	if !ok {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if state == http.StateIdle {
		l.idle[lc] = time.Now()
	} else {
		delete(l.idle, lc)
	}
}

// Len is the number of connections held now.
func (l *limitListener) Len() int { return len(l.slots) }

// limitedConn gives its slot back once closed.
type limitedConn struct {
	net.Conn
	release func()
}

func (c *limitedConn) Close() error {
	err := c.Conn.Close()
	c.release()
	return err
}

// limitServer caps srv's connections on ln at max.
func limitServer(srv *http.Server, ln net.Listener, max int) (*http.Server, *limitListener) {
	l := newLimitListener(ln, max)
	srv.ConnState = l.ConnState
	return srv, l
}

// uploadGrace is how long request bodies still arriving at shutdown may
// take: most of the shutdown timeout, leaving the rest for their handlers
// to answer, so that one client trickling a body cannot hold the process
// past the timeout (it used to exit 1 then).
func uploadGrace(shutdownTimeout time.Duration) time.Duration {
	return shutdownTimeout * 3 / 4
}
