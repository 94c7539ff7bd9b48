package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

type ctxKey int

const requestStateKey ctxKey = iota

// requestState is what the middleware learn about a request, kept in its
// context under one key: one context value and one copy of the request
// for both, not one each.
type requestState struct {
	id        string // set by withRequestID
	unmatched bool   // set by markUnmatched
}

func stateOf(ctx context.Context) *requestState {
	st, _ := ctx.Value(requestStateKey).(*requestState)
	return st
}

// markUnmatched records that no route matched the request. chi reports the
// pattern of the mount a 404 fell through ("/v1/*"), which would mix real
// routes with garbage paths in one series; the metrics say "unmatched".
func markUnmatched(r *http.Request) {
	if st := stateOf(r.Context()); st != nil {
		st.unmatched = true
	}
}

// requestIDFrom returns the request id set by withRequestID.
func requestIDFrom(ctx context.Context) string {
	if st := stateOf(ctx); st != nil {
		return st.id
	}
	return ""
}

// validRequestID accepts ids a client may choose: short and made of safe
// characters, so they can go into logs and headers as they are.
func validRequestID(s string) bool {
	if len(s) == 0 || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

// withRequestID takes the client's X-Request-Id when it is safe, makes one
// otherwise, and echoes it on the response.
func withRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-Id")
		if !validRequestID(id) {
			var b [12]byte
			_, _ = rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		w.Header().Set("X-Request-Id", id)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), requestStateKey, &requestState{id: id})))
	})
}

// routePattern is the chi route pattern that served r, or "unmatched". It is
// complete only after the router has run, so read it after next.ServeHTTP.
func routePattern(r *http.Request) string {
	if rc := chi.RouteContext(r.Context()); rc != nil {
		if p := rc.RoutePattern(); p != "" {
			return p
		}
	}
	return "unmatched"
}

// resolveRoute names the route a request refused at a mount (a 401 or 429
// from the /v1 middleware, before chi routed it further) would have reached,
// so that refusals are counted on /v1/articles like the requests that get
// through, and dashboards and alerts see one series per route. A path no
// route serves stays "unmatched", keeping the label bounded.
func (a *API) resolveRoute(r *http.Request) string {
	path := r.URL.RawPath
	if path == "" {
		path = r.URL.Path
	}
	if p := a.router.Find(chi.NewRouteContext(), r.Method, path); p != "" {
		return p
	}
	return "unmatched"
}

// instrument records metrics and writes one access-log line per request.
// The route label is chi's pattern, never the raw path, so the number of
// series stays bounded whatever clients request.
func (a *API) instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		a.metrics.inFlight.Inc()
		defer a.metrics.inFlight.Dec()
		st := stateOf(r.Context())
		if st == nil { // without withRequestID before it
			st = new(requestState)
			r = r.WithContext(context.WithValue(r.Context(), requestStateKey, st))
		}
		ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
		body := &countingBody{ReadCloser: r.Body}
		if r.Body != nil && r.Body != http.NoBody {
			r.Body = body
		}
		next.ServeHTTP(ww, r)

		status := ww.Status()
		if status == 0 {
			status = http.StatusOK
		}
		route := routePattern(r)
		if strings.HasSuffix(route, "/*") && !st.unmatched {
			route = a.resolveRoute(r)
		}
		if st.unmatched {
			route = "unmatched"
		}
		method := normalMethod(r.Method)
		elapsed := time.Since(start)
		a.metrics.requests.WithLabelValues(method, route, strconv.Itoa(status)).Inc()
		a.metrics.duration.WithLabelValues(method, route).Observe(elapsed.Seconds())
		if body.n > 0 {
			a.metrics.requestSize.WithLabelValues(route).Observe(float64(body.n))
		}
		level := slog.LevelInfo
		switch {
		case status == StatusClientClosedRequest:
			level = slog.LevelDebug
		case status >= 500:
			level = slog.LevelWarn
		}
		a.log.LogAttrs(r.Context(), level, "request",
			slog.String("request_id", requestIDFrom(r.Context())),
			slog.String("method", r.Method),
			slog.String("route", route),
			slog.String("path", truncate(r.URL.Path, 200)),
			slog.Int("status", status),
			slog.Int("bytes_in", int(body.n)),
			slog.Int("bytes_out", ww.BytesWritten()),
			slog.Duration("duration", elapsed),
			slog.String("remote", r.RemoteAddr),
			slog.String("client", a.clientAddr(r).String()), // X-Forwarded-For, from trusted proxies only
		)
	})
}

// countingBody counts the bytes a handler read from the request body.
type countingBody struct {
	io.ReadCloser
	n int64
}

func (c *countingBody) Read(p []byte) (int, error) {
	n, err := c.ReadCloser.Read(p)
	c.n += int64(n)
	return n, err
}

// normalMethod bounds the method label: unknown verbs share one value.
func normalMethod(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch,
		http.MethodDelete, http.MethodOptions:
		return m
	}
	return "OTHER"
}

// recoverPanics turns a handler panic into a 500 problem and logs the stack,
// so one bad request never takes the process down.
func (a *API) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			a.log.LogAttrs(r.Context(), slog.LevelError, "panic",
				slog.String("request_id", requestIDFrom(r.Context())),
				slog.Any("panic", v), slog.String("stack", string(debug.Stack())))
			a.writeProblem(w, r, fmt.Errorf("panic: %v", v))
		}()
		next.ServeHTTP(w, r)
	})
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
