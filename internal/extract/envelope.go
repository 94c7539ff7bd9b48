package extract

import (
	"bytes"
	"encoding/json"
	"mime"
	"strings"
	"time"

	"github.com/pressroom/pressroom/internal/article"
)

// envelope is the JSON wrapper scrapers may send (DESIGN §5).
type envelope struct {
	URL         string `json:"url"`
	Source      string `json:"source"`
	FetchedAt   string `json:"fetched_at"`
	ContentType string `json:"content_type"`
	Content     string `json:"content"`
}

// unwrapEnvelope recognises the JSON envelope by content type or by shape;
// a text dump that merely starts with "{" stays text unless it parses and
// carries content.
func unwrapEnvelope(ctype string, body []byte) (envelope, bool) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return envelope{}, false
	}
	mt, _, _ := mime.ParseMediaType(ctype)
	if mt != "" && !strings.Contains(mt, "json") && mt != "text/plain" {
		return envelope{}, false
	}
	var env envelope
	if err := json.Unmarshal(trimmed, &env); err != nil || env.Content == "" {
		return envelope{}, false
	}
	return env, true
}

// unwrapDump returns the dump an envelope carries, with the envelope's
// URL, content type and fetch time, or d itself when it is no envelope.
func unwrapDump(d *article.Dump) (*article.Dump, bool) {
	env, ok := unwrapEnvelope(d.ContentType, bytes.TrimPrefix(d.Body, []byte("\xef\xbb\xbf")))
	if !ok {
		return d, false
	}
	inner := *d
	inner.Body = []byte(env.Content)
	inner.ContentType = env.ContentType
	if env.URL != "" {
		inner.URL = env.URL
	}
	if t, err := time.Parse(time.RFC3339, env.FetchedAt); err == nil && inner.FetchedAt.IsZero() {
		inner.FetchedAt = t
	}
	return &inner, true
}
