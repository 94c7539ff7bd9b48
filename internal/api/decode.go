package api

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/article"
)

// acceptedMediaTypes lists what POST /v1/articles takes, for 415 answers.
const acceptedMediaTypes = "text/plain, text/html, application/xhtml+xml, application/json"

// envelope is the JSON form of a dump: the page plus what the scraper knows
// about it. Exactly one of Content and ContentBase64 carries the page.
type envelope struct {
	URL           string  `json:"url"`
	Source        string  `json:"source"`
	FetchedAt     string  `json:"fetched_at"`
	ContentType   string  `json:"content_type"`
	Content       *string `json:"content"`
	ContentBase64 *string `json:"content_base64"`
}

// decodeDump reads a POSTed dump: a raw page (text or HTML, with source, url
// and fetched_at as query parameters) or a JSON envelope.
func (a *API) decodeDump(w http.ResponseWriter, r *http.Request) (*article.Dump, error) {
	mediaType, err := requestMediaType(r)
	if err != nil {
		return nil, err
	}
	switch mediaType {
	case "text/plain", "text/html", "application/xhtml+xml", "":
		body, err := a.readBody(w, r, a.maxDumpBytes)
		if err != nil {
			return nil, err
		}
		q := r.URL.Query()
		ct := r.Header.Get("Content-Type")
		if mediaType == "" {
			if ct, err = sniffText(body); err != nil {
				return nil, err
			}
		}
		return a.newDump(q.Get("source"), q.Get("url"), q.Get("fetched_at"), ct, body)
	case "application/json":
		// JSON strings escape control and non-ASCII bytes, and base64 adds a
		// third: allow for that overhead, then limit the page itself.
		raw, err := a.readBody(w, r, a.envelopeLimit())
		if err != nil {
			return nil, err
		}
		return a.decodeEnvelope(raw)
	default:
		return nil, &httpError{status: http.StatusUnsupportedMediaType, slug: "unsupported-media-type",
			title: "Unsupported media type", detail: fmt.Sprintf("%q is not accepted; send one of %s", mediaType, acceptedMediaTypes),
			header: http.Header{"Accept-Post": {acceptedMediaTypes}}}
	}
}

// requestMediaType parses the Content-Type header. A missing header is
// allowed (the body is sniffed); a malformed one is not.
func requestMediaType(r *http.Request) (string, error) {
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return "", nil
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return "", &httpError{status: http.StatusUnsupportedMediaType, slug: "unsupported-media-type",
			title: "Unsupported media type", detail: "malformed Content-Type header; send one of " + acceptedMediaTypes,
			header: http.Header{"Accept-Post": {acceptedMediaTypes}}}
	}
	return mt, nil
}

// readBody reads the whole request body, refusing more than limit bytes.
// A gzip-encoded body is inflated on the fly, and the limit applies to the
// inflated bytes too: a small bomb is refused after limit bytes, never
// inflated further.
func (a *API) readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	if r.ContentLength > limit {
		return nil, &http.MaxBytesError{Limit: limit}
	}
	var body io.Reader = http.MaxBytesReader(w, r.Body, limit)
	switch enc := strings.ToLower(strings.TrimSpace(r.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(body)
		if err != nil {
			return nil, bodyReadError(err, "the gzip stream is corrupt")
		}
		defer zr.Close()
		// The inflated bytes are what the handler keeps: they count
		// against the body budget as well as the wire bytes.
		body = budgeted(r, &limitedReader{r: zr, left: limit, limit: limit})
	default:
		return nil, &httpError{status: http.StatusUnsupportedMediaType, slug: "unsupported-media-type",
			title: "Unsupported content encoding", detail: fmt.Sprintf("Content-Encoding %q is not accepted; send gzip or none", truncate(enc, 40)),
			header: http.Header{"Accept-Encoding": {"gzip"}}}
	}
	// The buffer grows with what arrives, never with more than a small
	// part of what Content-Length declares: a client that declares 64 MB
	// and sends one byte costs at most bodyPrealloc bytes. Sized from
	// Content-Length, a typical body is read into one allocation instead
	// of a doubling series of them.
	var buf bytes.Buffer
	if r.ContentLength > 0 {
		buf.Grow(int(min(r.ContentLength, bodyPrealloc)) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(body); err != nil {
		return nil, bodyReadError(err, "reading the request body")
	}
	if buf.Len() == 0 {
		return nil, invalid("the request body is empty")
	}
	return buf.Bytes(), nil
}

// bodyPrealloc caps the buffer readBody sizes from Content-Length before
// any byte arrived.
const bodyPrealloc = 64 << 10

// bodyReadError keeps size-limit errors (413) apart from broken bodies (400).
func bodyReadError(err error, what string) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) || isBusy(err) {
		return err
	}
	return invalid("%s: %v", what, err)
}

// limitedReader fails with *http.MaxBytesError once more than limit bytes
// have been read, like http.MaxBytesReader does for the wire bytes.
type limitedReader struct {
	r           io.Reader
	left, limit int64
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		// One byte more tells "exactly at the limit" from "over it".
		var one [1]byte
		if _, err := io.ReadFull(l.r, one[:]); err != nil {
			return 0, err // io.EOF: exactly at the limit
		}
		return 0, &http.MaxBytesError{Limit: l.limit}
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}

// decodeEnvelope decodes and validates a JSON envelope.
func (a *API) decodeEnvelope(raw []byte) (*article.Dump, error) {
	env, ok := decodeEnvelopeFast(raw)
	if !ok {
		var err error
		if env, err = decodeEnvelopeJSON(raw); err != nil {
			return nil, err
		}
	}
	var content []byte
	switch {
	case env.Content != nil && env.ContentBase64 != nil:
		return nil, invalidField("content", "send either content or content_base64, not both")
	case env.Content != nil:
		content = []byte(*env.Content)
	case env.ContentBase64 != nil:
		b, err := base64.StdEncoding.DecodeString(*env.ContentBase64)
		if err != nil {
			return nil, invalidField("content_base64", "not valid base64")
		}
		content = b
	default:
		return nil, invalidField("content", "missing: the envelope must carry the page in content or content_base64")
	}
	if len(content) == 0 {
		return nil, invalidField("content", "empty")
	}
	if int64(len(content)) > a.maxDumpBytes {
		return nil, &http.MaxBytesError{Limit: a.maxDumpBytes}
	}
	ct := env.ContentType
	if ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil {
			return nil, invalidField("content_type", "not a media type")
		}
		switch mt {
		case "text/plain", "text/html", "application/xhtml+xml":
		default:
			return nil, &httpError{status: http.StatusUnsupportedMediaType, slug: "unsupported-media-type",
				title: "Unsupported media type", detail: fmt.Sprintf("content_type %q is not accepted; send text/plain or text/html", mt)}
		}
	} else if env.ContentBase64 != nil {
		var err error
		if ct, err = sniffText(content); err != nil {
			return nil, err
		}
	} else {
		ct = http.DetectContentType(content)
	}
	return a.newDump(env.Source, env.URL, env.FetchedAt, ct, content)
}

// decodeEnvelopeJSON decodes any envelope encoding/json accepts, and
// refuses the others, unknown members and duplicate names with the error
// a client can act on.
func decodeEnvelopeJSON(raw []byte) (envelope, error) {
	var env envelope
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&env); err != nil {
		return env, jsonError(err)
	}
	if dec.More() {
		return env, invalid("the body holds more than one JSON value")
	}
	if key, ok := duplicateKey(raw); ok {
		return env, invalidField(key, "given more than once; which one holds the page would be a guess")
	}
	return env, nil
}

// sniffText guesses the media type of an unlabelled page and refuses what
// is not text: a PDF or an image sent without a Content-Type would
// otherwise be stored and "extracted" as an article of binary garbage.
func sniffText(body []byte) (string, error) {
	ct := http.DetectContentType(body)
	if strings.HasPrefix(ct, "text/") {
		return ct, nil
	}
	mt, _, _ := mime.ParseMediaType(ct)
	return "", &httpError{status: http.StatusUnsupportedMediaType, slug: "unsupported-media-type",
		title: "Unsupported media type", detail: fmt.Sprintf("the page has no content type and looks like %s; send text with one of %s", mt, acceptedMediaTypes),
		header: http.Header{"Accept-Post": {acceptedMediaTypes}}}
}

// duplicateKey returns a member name that occurs twice in the JSON object
// raw. encoding/json silently keeps the last one, and matches names without
// regard to case, so "content" and "Content" count as the same member.
func duplicateKey(raw []byte) (string, bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return "", false
	}
	seen := make(map[string]bool, 8)
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return "", false
		}
		name, _ := t.(string)
		folded := foldName(name)
		if seen[folded] {
			return name, true
		}
		seen[folded] = true
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return "", false
		}
	}
	return "", false
}

// foldName maps each rune to the smallest rune of its case-folding orbit,
// so that two names are equal exactly when bytes.EqualFold says so, as
// encoding/json compares them.
func foldName(s string) string {
	return strings.Map(func(r rune) rune {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		return least
	}, s)
}

// jsonError turns a JSON decoding error into a 400 naming what is wrong.
func jsonError(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return invalid("malformed JSON at byte %d: %v", se.Offset, se)
	case errors.As(err, &te):
		return invalidField(te.Field, "must be a JSON "+jsonKind(te.Type.Kind().String()))
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return invalid("malformed JSON: unexpected end of input")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		field := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return invalidField(field, "unknown field; the envelope has url, source, fetched_at, content_type, content, content_base64")
	default:
		return invalid("malformed JSON: %v", err)
	}
}

func jsonKind(goKind string) string {
	switch goKind {
	case "ptr", "string":
		return "string"
	}
	return goKind
}

// newDump validates what the scraper says about a page and builds the dump.
func (a *API) newDump(source, pageURL, fetchedAt, contentType string, body []byte) (*article.Dump, error) {
	if err := checkLabel("source", source, 200); err != nil {
		return nil, err
	}
	if pageURL != "" {
		if err := checkLabel("url", pageURL, 4096); err != nil {
			return nil, err
		}
		u, err := url.Parse(pageURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, invalidField("url", "must be an absolute http or https URL")
		}
	}
	// Without its checksum: the store computes it as it stores the dump,
	// and NewDump's would be a second SHA-256 of every body (~1% of a
	// POST's CPU, docs/performance.md).
	d := &article.Dump{Source: source, URL: pageURL, ContentType: contentType,
		Body: body, Size: len(body), ReceivedAt: a.now().UTC()}
	if fetchedAt != "" {
		t, err := time.Parse(time.RFC3339Nano, fetchedAt)
		if err != nil {
			return nil, invalidField("fetched_at", "must be an RFC 3339 time such as 2025-07-02T10:00:00Z")
		}
		d.FetchedAt = t.UTC()
	}
	return d, nil
}

// checkLabel refuses identifiers that would be unsafe or useless to store
// and echo: too long, invalid UTF-8, or with control characters.
func checkLabel(field, s string, max int) error {
	if len(s) > max {
		return invalidField(field, fmt.Sprintf("longer than %d bytes", max))
	}
	if !utf8.ValidString(s) {
		return invalidField(field, "not valid UTF-8")
	}
	for _, c := range s {
		if c < 0x20 || c == 0x7f {
			return invalidField(field, "contains control characters")
		}
	}
	return nil
}
