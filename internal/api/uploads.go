package api

import (
	"net/http"
	"sync"
	"time"
)

// uploads are the requests whose bodies may still be arriving. At shutdown
// their read deadline is pulled in (CutUploadsAt), so that one client
// trickling a body cannot hold the process past its shutdown timeout,
// while uploads that keep coming at a normal pace still finish.
type uploads struct {
	mu     sync.Mutex
	active map[*http.ResponseController]struct{}
	cutAt  time.Time // zero until shutdown
}

// trackUpload registers the request's connection until the returned func is
// called, which must happen before the handler returns: the controller is
// only valid while the handler runs.
func (a *API) trackUpload(w http.ResponseWriter) (untrack func()) {
	rc := http.NewResponseController(w)
	u := &a.uploads
	u.mu.Lock()
	defer u.mu.Unlock()
	if !u.cutAt.IsZero() {
		_ = rc.SetReadDeadline(u.cutAt)
	}
	if u.active == nil {
		u.active = map[*http.ResponseController]struct{}{}
	}
	u.active[rc] = struct{}{}
	return func() {
		u.mu.Lock()
		delete(u.active, rc)
		u.mu.Unlock()
	}
}

// CutUploadsAt makes every request body still being read, and every one
// started later, fail at deadline at the latest. The server calls it when
// it starts to drain, with a deadline inside its shutdown timeout.
func (a *API) CutUploadsAt(deadline time.Time) {
	u := &a.uploads
	u.mu.Lock()
	defer u.mu.Unlock()
	u.cutAt = deadline
	for rc := range u.active {
		// An error means the connection cannot take deadlines (HTTP/2
		// test recorders); its body is bounded by ReadTimeout instead.
		_ = rc.SetReadDeadline(deadline)
	}
}
