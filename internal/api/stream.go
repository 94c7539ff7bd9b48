package api

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"sync"
	"unicode/utf8"
)

// longText is a member of a JSON object too large to build in memory: an
// article's body, its paragraphs, its Markdown. It is escaped onto the wire
// a piece at a time.
type longText struct {
	name  string
	parts []string
	sep   string // between parts, in one string; unused for an array
	array bool   // the parts as a JSON array of strings
}

// writeStreamed answers with the JSON object head, whose small members are
// encoded at once, followed by the long members, streamed. A 10 MB article
// then costs its own bytes and a small buffer, not two or three encoded
// copies of itself. Once the first byte is out an error can no longer
// become a problem; writing only fails when the client has gone.
func writeStreamed(w http.ResponseWriter, status int, head any, long ...longText) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Del("Content-Length")
	w.WriteHeader(status)
	bw := streamWriters.Get().(*bufio.Writer)
	bw.Reset(w)
	_ = encodeStreamed(bw, head, long)
	_, _ = bw.WriteString("\n")
	_ = bw.Flush()
	bw.Reset(nil) // keep no response alive
	streamWriters.Put(bw)
}

// streamWriters are writeStreamed's 32 KiB buffers: a new one per answer
// was half of what a GET allocated (BenchmarkGetArticle).
var streamWriters = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 32<<10) }}

// encodeStreamed writes head with the long members appended to it.
func encodeStreamed(w *bufio.Writer, head any, long []longText) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(head); err != nil {
		return err
	}
	obj := bytes.TrimRight(buf.Bytes(), "\n")
	if len(obj) < 2 || obj[len(obj)-1] != '}' {
		panic("api: encodeStreamed needs a JSON object")
	}
	empty := len(obj) == 2
	w.Write(obj[:len(obj)-1])
	es := &escaper{w: w}
	for _, l := range long {
		if !empty {
			w.WriteByte(',')
		}
		empty = false
		es.quoted(l.name)
		w.WriteByte(':')
		if l.array {
			w.WriteByte('[')
			for i, p := range l.parts {
				if i > 0 {
					w.WriteByte(',')
				}
				es.quoted(p)
			}
			w.WriteByte(']')
			continue
		}
		w.WriteByte('"')
		for i, p := range l.parts {
			if i > 0 {
				es.unquoted(l.sep)
			}
			es.unquoted(p)
		}
		w.WriteByte('"')
	}
	w.WriteByte('}')
	return es.err
}

// escapeChunk is how much of a string is escaped at once.
const escapeChunk = 16 << 10

// escaper writes JSON string contents with encoding/json's escaping (so
// invalid UTF-8 becomes U+FFFD exactly as in every other response), one
// chunk at a time.
type escaper struct {
	w   io.Writer
	buf bytes.Buffer
	err error
}

func (e *escaper) quoted(s string) {
	e.w.Write([]byte{'"'})
	e.unquoted(s)
	e.w.Write([]byte{'"'})
}

func (e *escaper) unquoted(s string) {
	for len(s) > 0 && e.err == nil {
		n := min(len(s), escapeChunk)
		// Cut on a rune boundary, so no rune is split across chunks.
		for n < len(s) && n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		if n == 0 {
			n = min(len(s), escapeChunk)
		}
		e.buf.Reset()
		enc := json.NewEncoder(&e.buf)
		enc.SetEscapeHTML(false)
		if e.err = enc.Encode(s[:n]); e.err != nil {
			return
		}
		b := bytes.TrimRight(e.buf.Bytes(), "\n")
		_, e.err = e.w.Write(b[1 : len(b)-1])
		s = s[n:]
	}
}
