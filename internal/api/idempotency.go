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
		claim, err := a.claimIdempotencyKey(r, scope, key, requestFingerprint(r, body))
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

		if !replayable(rec) {
			// A failure reaches the client before the key is released: a
			// database that froze under the request must not hold the
			// answer past the request's DB timeout. A final answer waits
			// for its recording, so that a retry finds it.
			_ = http.NewResponseController(w).Flush()
		}
		settle := func(ctx context.Context) error {
			if !replayable(rec) {
				// Nothing durable happened, or we cannot say what: let a retry run again.
				return a.store.ReleaseIdempotencyKey(ctx, scope, key)
			}
			return a.store.FinishIdempotencyKey(ctx, scope, key, store.StoredResponse{
				Status: rec.status, Header: replayHeaders(rec.Header()), Body: rec.body.Bytes()})
		}
		// The outcome is recorded even if the client has gone: its retry
		// must find it.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(r.Context()), settleTimeout)
		err = settle(ctx)
		cancel()
		if err != nil && !errors.Is(err, article.ErrNotFound) {
			a.log.Warn("recording an idempotent response; retrying in the background",
				"request_id", requestIDFrom(r.Context()), "error", err)
			a.settleLater(scope, key, settle)
		}
	})
}

// settleTimeout bounds the first attempt at finishing or releasing a key.
// On a healthy database it takes milliseconds; on a frozen one the attempt
// moves to the background rather than hold the request.
const settleTimeout = time.Second

// claimIdempotencyKey claims key, first settling it here if this process
// still owes the database its outcome: the database was out when the
// request that claimed it ended. Then a retry is served as soon as the
// database answers again, instead of getting 409 until the claim's lease
// ends.
func (a *API) claimIdempotencyKey(r *http.Request, scope, key string, fingerprint [sha256.Size]byte) (*store.Claim, error) {
	ctx, cancel := a.dbContext(r)
	defer cancel()
	claim, err := a.store.ClaimIdempotencyKey(ctx, scope, key, fingerprint, a.idempotencyTTL)
	if !errors.Is(err, article.ErrConflict) {
		return claim, err
	}
	owed, ok := a.unsettled.Load(unsettledID(scope, key))
	if !ok {
		return nil, err
	}
	if err := owed.(*unsettledKey).settle(ctx); err != nil && !errors.Is(err, article.ErrNotFound) {
		return nil, err
	}
	a.unsettled.Delete(unsettledID(scope, key))
	return a.store.ClaimIdempotencyKey(ctx, scope, key, fingerprint, a.idempotencyTTL)
}

// settleLater retries settling a key until the database takes it, or the
// claim's lease has run out (then the key is free anyway).
func (a *API) settleLater(scope, key string, settle func(context.Context) error) {
	id := unsettledID(scope, key)
	owed := &unsettledKey{settle: settle}
	a.unsettled.Store(id, owed)
	go func() {
		// A pointer, unlike a func, is comparable: sync.Map compares.
		defer a.unsettled.CompareAndDelete(id, owed)
		deadline := time.Now().Add(store.IdempotencyLease)
		for wait := 100 * time.Millisecond; time.Now().Before(deadline); wait = min(2*wait, 2*time.Second) {
			time.Sleep(wait)
			if current, _ := a.unsettled.Load(id); current != owed {
				return // a retry settled it
			}
			ctx, cancel := context.WithTimeout(context.Background(), settleTimeout)
			err := settle(ctx)
			cancel()
			if err == nil || errors.Is(err, article.ErrNotFound) {
				return
			}
		}
	}()
}

// unsettledKey is an Idempotency-Key whose outcome this process owes the
// database.
type unsettledKey struct {
	settle func(context.Context) error
}

func unsettledID(scope, key string) string { return scope + "\x00" + key }

// replayable reports whether a response is final, to be replayed to
// retries: not a 5xx, a 429, a client that went away (499) or a batch with
// an item that may succeed on a retry.
func replayable(rec *recordingWriter) bool {
	return rec.status != 0 && !retryableStatus(rec.status) && !rec.retryable
}

// retryableStatus reports whether a request (or a batch line) that got
// status may succeed if sent again unchanged.
func retryableStatus(status int) bool {
	return status >= 500 || status == http.StatusTooManyRequests || status == StatusClientClosedRequest
}

// markRetryable tells the idempotency layer that a response, though a
// success, holds outcomes a retry may change, so it is not stored for
// replay. Without an Idempotency-Key it does nothing.
func markRetryable(w http.ResponseWriter) {
	for {
		switch x := w.(type) {
		case *recordingWriter:
			x.retryable = true
			return
		case interface{ Unwrap() http.ResponseWriter }:
			w = x.Unwrap()
		default:
			return
		}
	}
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
	status    int
	body      bytes.Buffer
	retryable bool // set by markRetryable
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
