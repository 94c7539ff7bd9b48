package api

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/semaphore"
)

// DefaultBodyBudgetBytes is the default bound on the request-body bytes all
// requests together may hold in memory at once.
const DefaultBodyBudgetBytes = 96 << 20

// Each request takes budget in steps of budgetStep bytes as its body
// arrives, so that a client which declares 64 MB and trickles one byte
// holds one step, not 64 MB.
const budgetStep = 256 << 10

// budgetWait is how long a body read waits for budget that other requests
// hold before the request is refused with 503: long enough to ride out a
// burst, short enough that a client is not left hanging.
const budgetWait = 2 * time.Second

// errBusy refuses work the server has no room for right now.
var errBusy = &httpError{status: http.StatusServiceUnavailable, slug: "busy", title: "Server busy",
	detail:     "the server is holding as many request bodies or expensive reads as it allows; retry shortly",
	retryAfter: 2}

// bodyBudget bounds the body bytes held by all requests together: wire
// bytes as they are read, and the bytes a gzip body inflates to.
type bodyBudget struct {
	sem   *semaphore.Weighted
	total int64
}

func newBodyBudget(total int64) *bodyBudget {
	return &bodyBudget{sem: semaphore.NewWeighted(total), total: total}
}

// charge is one request's share of the budget; it is returned whole when
// the request ends, because the handler holds its body until then.
type charge struct {
	budget *bodyBudget
	ctx    context.Context
	mu     sync.Mutex
	held   int64 // taken from the budget
	used   int64 // of held, counted against bytes read
}

const chargeKey ctxKey = 200

// chargeFrom returns the request's charge, or nil outside limitBodies.
func chargeFrom(ctx context.Context) *charge {
	c, _ := ctx.Value(chargeKey).(*charge)
	return c
}

// room returns how many more bytes may be read now, up to want, taking
// another step from the budget when this request's share is used up.
func (c *charge) room(want int) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.held <= c.used {
		// A gzip body's wire bytes and inflated bytes draw on the same
		// charge, one reader inside the other, so used can pass held.
		step := min(int64(budgetStep)+c.used-c.held, c.budget.total)
		ctx, cancel := context.WithTimeout(c.ctx, budgetWait)
		err := c.budget.sem.Acquire(ctx, step)
		cancel()
		if err != nil {
			return 0, errBusy
		}
		c.held += step
	}
	return int(min(int64(want), c.held-c.used)), nil
}

func (c *charge) consume(n int) {
	c.mu.Lock()
	c.used += int64(n)
	c.mu.Unlock()
}

func (c *charge) release() {
	c.mu.Lock()
	held := c.held
	c.held, c.used = 0, 0
	c.mu.Unlock()
	if held > 0 {
		c.budget.sem.Release(held)
	}
}

// budgetedReader reads from r no faster than the request's charge allows.
type budgetedReader struct {
	r io.Reader
	c *charge
}

func (b *budgetedReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return b.r.Read(p)
	}
	n, err := b.c.room(len(p))
	if err != nil {
		return 0, err
	}
	n, err = b.r.Read(p[:n])
	b.c.consume(n)
	return n, err
}

// budgeted wraps r, a reader of request-body bytes the handler is going to
// keep, in the request's charge; outside limitBodies it returns r.
func budgeted(r *http.Request, body io.Reader) io.Reader {
	if c := chargeFrom(r.Context()); c != nil {
		return &budgetedReader{r: body, c: c}
	}
	return body
}

// limitBodies gives each request with a body a charge against the global
// budget, applies it to the wire bytes, and returns it when the request
// ends. A body declared larger than any route accepts is refused before a
// byte of it is read.
func (a *API) limitBodies(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body == nil || r.Body == http.NoBody {
			next.ServeHTTP(w, r)
			return
		}
		if r.ContentLength > a.maxRequestBytes() {
			a.writeProblem(w, r, &http.MaxBytesError{Limit: a.maxRequestBytes()})
			return
		}
		c := &charge{budget: a.bodies, ctx: r.Context()}
		defer c.release()
		defer a.trackUpload(w)()
		r = r.WithContext(context.WithValue(r.Context(), chargeKey, c))
		r.Body = readCloser{budgeted(r, r.Body), r.Body}
		next.ServeHTTP(w, r)
	})
}

// wireLimit is the most body bytes the route of r reads off the wire: a
// batch, a JSON envelope (whose escaping may double the page), or a page.
func (a *API) wireLimit(r *http.Request) int64 {
	if strings.HasSuffix(r.URL.Path, "/batch") {
		return a.batchMaxBytes
	}
	if mt, _ := requestMediaType(r); mt == "application/json" {
		return a.envelopeLimit()
	}
	return a.maxDumpBytes
}

type readCloser struct {
	io.Reader
	io.Closer
}

// isBusy reports whether err is the budget's refusal, which must reach the
// client as a 503, not as a broken body.
func isBusy(err error) bool { return errors.Is(err, errBusy) }

// expensiveReads bounds the reads that cost far more than a row lookup
// (re-extracting a dump for diagnostics, rendering Markdown), so that a few
// readers of one large article cannot take the memory and CPU every other
// request needs.
type expensiveReads struct{ slots chan struct{} }

func newExpensiveReads(n int) *expensiveReads {
	return &expensiveReads{slots: make(chan struct{}, max(n, 1))}
}

// acquire takes a slot, waiting up to budgetWait; the caller must call the
// returned release.
func (e *expensiveReads) acquire(ctx context.Context) (release func(), err error) {
	t := time.NewTimer(budgetWait)
	defer t.Stop()
	select {
	case e.slots <- struct{}{}:
		return func() { <-e.slots }, nil
	case <-t.C:
		return nil, errBusy
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
