package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/pressroom/pressroom/internal/article"
)

// problemTypeBase prefixes every problem type slug. The slugs are part of the
// API contract and are documented in the OpenAPI document.
const problemTypeBase = "/problems/"

// problem is an RFC 9457 problem details object.
type problem struct {
	Type      string       `json:"type"`
	Title     string       `json:"title"`
	Status    int          `json:"status"`
	Detail    string       `json:"detail,omitempty"`
	Instance  string       `json:"instance,omitempty"`
	RequestID string       `json:"request_id,omitempty"`
	DumpID    *article.ID  `json:"dump_id,omitempty"`
	Errors    []fieldError `json:"errors,omitempty"`

	retryAfter int // seconds; sent as the Retry-After header when > 0
}

// fieldError names one invalid part of a request.
type fieldError struct {
	Field  string `json:"field"`
	Detail string `json:"detail"`
}

// httpError is an error that already knows its problem type: the API's own
// refusals (size, media type, auth, rate) that no lower layer produces.
type httpError struct {
	status     int
	slug       string
	title      string
	detail     string
	retryAfter int
	fields     []fieldError
	header     http.Header
}

func (e *httpError) Error() string { return e.title + ": " + e.detail }

// unextractableError carries the id of the dump that was kept although
// nothing could be extracted from it.
type unextractableError struct {
	dumpID article.ID
	reason string
}

func (e *unextractableError) Error() string {
	return fmt.Sprintf("dump %s: %s", e.dumpID, e.reason)
}

func (e *unextractableError) Unwrap() error { return article.ErrUnextractable }

// invalid returns a 400 error for a malformed request.
func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", article.ErrInvalid, fmt.Sprintf(format, args...))
}

// invalidField returns a 400 error naming the parameter or member at fault.
func invalidField(field, detail string) error {
	return &httpError{status: http.StatusBadRequest, slug: "invalid-request", title: "Invalid request",
		detail: field + ": " + detail, fields: []fieldError{{Field: field, Detail: detail}}}
}

// problemFor turns any error into the problem the client sees. It is the only
// place that knows HTTP statuses for error kinds.
func problemFor(err error) problem {
	var he *httpError
	if errors.As(err, &he) {
		return problem{Type: problemTypeBase + he.slug, Title: he.title, Status: he.status,
			Detail: he.detail, Errors: he.fields, retryAfter: he.retryAfter}
	}
	var ue *unextractableError
	if errors.As(err, &ue) {
		id := ue.dumpID
		return problem{Type: problemTypeBase + "unextractable", Title: "No article could be extracted",
			Status: http.StatusUnprocessableEntity, DumpID: &id,
			Detail: "the dump was stored and can be re-extracted later: " + ue.reason}
	}
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return problem{Type: problemTypeBase + "dump-too-large", Title: "Request body too large",
			Status: http.StatusRequestEntityTooLarge,
			Detail: "the body exceeds the limit of " + strconv.FormatInt(mbe.Limit, 10) + " bytes"}
	case errors.Is(err, article.ErrInvalid):
		p := problem{Type: problemTypeBase + "invalid-request", Title: "Invalid request",
			Status: http.StatusBadRequest, Detail: clientDetail(err)}
		var fe *article.FieldError
		if errors.As(err, &fe) {
			p.Detail = fe.Field + ": " + fe.Detail
			p.Errors = []fieldError{{Field: fe.Field, Detail: fe.Detail}}
		}
		return p
	case errors.Is(err, article.ErrNotFound):
		return problem{Type: problemTypeBase + "not-found", Title: "Not found", Status: http.StatusNotFound,
			Detail: "no such resource"}
	case errors.Is(err, article.ErrConflict):
		return problem{Type: problemTypeBase + "conflict", Title: "Conflict", Status: http.StatusConflict,
			Detail: clientDetail(err)}
	case errors.Is(err, article.ErrUnextractable):
		return problem{Type: problemTypeBase + "unextractable", Title: "No article could be extracted",
			Status: http.StatusUnprocessableEntity, Detail: clientDetail(err)}
	case errors.Is(err, context.Canceled):
		return problem{Type: problemTypeBase + "client-closed-request", Title: "Client closed request",
			Status: StatusClientClosedRequest, Detail: "the client went away before the answer was ready"}
	case errors.Is(err, article.ErrUnavailable), errors.Is(err, context.DeadlineExceeded):
		return problem{Type: problemTypeBase + "unavailable", Title: "Service unavailable",
			Status: http.StatusServiceUnavailable, Detail: "the database is not reachable; retry later",
			retryAfter: 5}
	default:
		return problem{Type: problemTypeBase + "internal", Title: "Internal error",
			Status: http.StatusInternalServerError, Detail: "internal error; quote the request id when reporting it"}
	}
}

// clientDetail is the message of an error the client caused, without the
// "store: find articles: invalid: " chain of layers and kind in front of it:
// by convention a kind wraps as "%w: what went wrong", so what the client
// needs follows the kind's own text.
func clientDetail(err error) string {
	msg := err.Error()
	for _, kind := range []error{article.ErrInvalid, article.ErrConflict, article.ErrUnextractable, article.ErrKeyReused} {
		if !errors.Is(err, kind) {
			continue
		}
		if i := strings.Index(msg, kind.Error()+": "); i >= 0 {
			return msg[i+len(kind.Error())+2:]
		}
		if strings.HasSuffix(msg, kind.Error()) {
			return kind.Error()
		}
	}
	return msg
}

// StatusClientClosedRequest is recorded for a request whose client went
// away before the answer was ready (nginx's convention). It is the client's
// doing, so it stays out of the 5xx ratio and its alerts, and is logged at
// debug: cancelling requests must not page the operator.
const StatusClientClosedRequest = 499

// clientGone reports whether the client of r closed the request.
func clientGone(r *http.Request) bool { return errors.Is(r.Context().Err(), context.Canceled) }

// writeProblem writes err as application/problem+json and logs what the
// client does not see.
func (a *API) writeProblem(w http.ResponseWriter, r *http.Request, err error) {
	if clientGone(r) && !errors.Is(err, context.Canceled) {
		// Whatever failed when the client left (a cancelled query, a
		// closed connection) failed because it left.
		err = fmt.Errorf("%w: %w", context.Canceled, err)
	}
	p := problemFor(err)
	p.Instance = r.URL.Path
	p.RequestID = requestIDFrom(r.Context())
	if p.Status == StatusClientClosedRequest {
		a.log.LogAttrs(r.Context(), slog.LevelDebug, "client closed the request",
			slog.String("request_id", p.RequestID), slog.String("route", routePattern(r)), slog.String("error", err.Error()))
	} else if p.Status >= 500 {
		a.log.LogAttrs(r.Context(), slog.LevelError, "request failed",
			slog.String("request_id", p.RequestID), slog.String("route", routePattern(r)),
			slog.Int("status", p.Status), slog.String("error", err.Error()))
	}
	if p.retryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(p.retryAfter))
	}
	var he *httpError
	if errors.As(err, &he) {
		for k, vs := range he.header {
			w.Header()[k] = vs
		}
	}
	writeJSON(w, "application/problem+json", p.Status, p)
}

// writeJSON encodes v into a buffer first, so that an encoding failure can
// still become a clean 500 rather than a half-written body.
func writeJSON(w http.ResponseWriter, contentType string, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		http.Error(w, `{"type":"/problems/internal","title":"Internal error","status":500}`, http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}
