package main

import (
	"log"
	"net/http"
	"net/http/pprof"
	"time"
)

// debugWriteTimeout bounds a response of the debug listener. It is longer
// than the API's: net/http/pprof refuses a CPU profile or trace whose
// ?seconds= exceeds the server's WriteTimeout, and a useful profile under
// load takes 30 s or more.
const debugWriteTimeout = 5 * time.Minute

// debugMaxConns caps the debug listener, whose clients are an operator's
// go tool pprof or curl.
const debugMaxConns = 8

// newDebugHandler serves net/http/pprof on a mux of its own. The package
// also registers itself on http.DefaultServeMux when imported, but no
// listener of the server serves that mux, so the profiles are reachable
// only on PRESSROOM_DEBUG_ADDR.
func newDebugHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /debug/pprof/", pprof.Index) // and the named profiles: heap, goroutine, allocs, …
	mux.HandleFunc("GET /debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("POST /debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
	return mux
}

// newDebugServer is newHTTPServer's timeouts with room for a long profile.
func newDebugServer(errLog *log.Logger) *http.Server {
	srv := newHTTPServer(newDebugHandler(), errLog)
	srv.WriteTimeout = debugWriteTimeout
	return srv
}
