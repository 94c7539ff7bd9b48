package api

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/store"
)

// DefaultIdempotencyTTL is how long an Idempotency-Key is remembered.
const DefaultIdempotencyTTL = 24 * time.Hour

// idempotency honours the Idempotency-Key header (IETF draft
// draft-ietf-httpapi-idempotency-key-header): the first response to a key is
// stored and replayed for retries with the same request; the same key with a
// different request is a 422; a retry while the first is still running is a
// 409. Without the header, ingestion is still idempotent on the dump's bytes.
func (a *API) idempotency(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.Header.Get("Idempotency-Key")
		if key == "" {
			next.ServeHTTP(w, r)
			return
		}
		if err := checkIdempotencyKey(key); err != nil {
			a.writeProblem(w, r, err)
			return
		}
		// The size is checked before the body is read, as without a key.
		limit := a.wireLimit(r)
		if r.ContentLength > limit {
			a.writeProblem(w, r, &http.MaxBytesError{Limit: limit})
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
		if err != nil {
			a.writeProblem(w, r, bodyReadError(err, "reading the request body"))
			return
		}
		scope := principalFrom(r.Context()).keyID
		claimCtx, cancelClaim := a.dbContext(r)
		claim, err := a.store.ClaimIdempotencyKey(claimCtx, scope, key, requestFingerprint(r, body), a.idempotencyTTL)
		cancelClaim()
		switch {
		case errors.Is(err, article.ErrKeyReused):
			a.writeProblem(w, r, &httpError{status: http.StatusUnprocessableEntity, slug: "idempotency-key-reused",
				title: "Idempotency-Key reused", detail: "this Idempotency-Key was used for a different request"})
			return
		case errors.Is(err, article.ErrConflict):
			a.writeProblem(w, r, &httpError{status: http.StatusConflict, slug: "idempotency-key-in-use",
				title: "Request in progress", detail: "a request with this Idempotency-Key is still being processed; retry later",
				retryAfter: 1})
			return
		case err != nil:
			a.writeProblem(w, r, err)
			return
		}
		if rep := claim.Replay; rep != nil {
			for k, vs := range rep.Header {
				w.Header()[k] = vs
			}
			w.Header().Set("Idempotent-Replayed", "true")
			w.WriteHeader(rep.Status)
			_, _ = w.Write(rep.Body)
			return
		}

		r.Body = io.NopCloser(bytes.NewReader(body))
		rec := &recordingWriter{ResponseWriter: w}
		next.ServeHTTP(rec, r)

		// The outcome is recorded even if the client has gone: its retry
		// must find it.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), 5*time.Second)
		defer cancel()
		if rec.status >= 500 || rec.status == http.StatusTooManyRequests || rec.status == 0 {
			// Nothing durable happened, or we cannot say what: let a retry run again.
			err = a.store.ReleaseIdempotencyKey(ctx, scope, key)
		} else {
			err = a.store.FinishIdempotencyKey(ctx, scope, key, store.StoredResponse{
				Status: rec.status, Header: replayHeaders(rec.Header()), Body: rec.body.Bytes()})
		}
		if err != nil {
			a.log.Warn("recording an idempotent response", "request_id", requestIDFrom(r.Context()), "error", err)
		}
	})
}

// checkIdempotencyKey accepts what the draft allows and we can store: up to
// 255 visible ASCII characters.
func checkIdempotencyKey(k string) error {
	if len(k) > 255 {
		return invalidField("Idempotency-Key", "longer than 255 characters")
	}
	for i := 0; i < len(k); i++ {
		if k[i] < 0x21 || k[i] > 0x7e {
			return invalidField("Idempotency-Key", "only visible ASCII characters are allowed")
		}
	}
	return nil
}

// requestFingerprint identifies "the same request": method, path, query and
// the headers that change how the body is read, plus the body.
func requestFingerprint(r *http.Request, body []byte) [sha256.Size]byte {
	h := sha256.New()
	for _, s := range []string{r.Method, r.URL.Path, r.URL.RawQuery, r.Header.Get("Content-Type"), r.Header.Get("Content-Encoding")} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	h.Write(body)
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// replayHeaders keeps the response headers that belong to the result, not
// to this particular exchange.
func replayHeaders(h http.Header) map[string][]string {
	out := map[string][]string{}
	for _, k := range []string{"Content-Type", "Location", "Retry-After"} {
		if v := h.Values(k); len(v) > 0 {
			out[k] = v
		}
	}
	return out
}

// recordingWriter passes a response through while keeping a copy.
type recordingWriter struct {
	http.ResponseWriter
	status int
	body   bytes.Buffer
}

func (w *recordingWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *recordingWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	w.body.Write(p)
	return w.ResponseWriter.Write(p)
}

func (w *recordingWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
