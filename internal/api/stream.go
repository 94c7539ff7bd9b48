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

// escaper writes JSON string contents with encoding/json's escaping (with
// HTML escaping off, as writeJSON does: invalid UTF-8 becomes U+FFFD,
// U+2028 and U+2029 are escaped), straight onto the writer: runs that need
// no escaping are copied as they are. Escaping through an encoding/json
// Encoder per 16 KiB chunk cost 7% of a GET's CPU (docs/performance.md).
type escaper struct {
	w   io.Writer
	err error
}

func (e *escaper) quoted(s string) {
	e.write(`"`)
	e.unquoted(s)
	e.write(`"`)
}

func (e *escaper) unquoted(s string) {
	start := 0
	for i := 0; i < len(s) && e.err == nil; {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			e.write(s[start:i])
			e.write(asciiEscape(c))
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		var esc string
		switch {
		case r == utf8.RuneError && size == 1:
			esc = `\ufffd`
		case r == '\u2028':
			esc = `\u2028`
		case r == '\u2029':
			esc = `\u2029`
		default:
			i += size
			continue
		}
		e.write(s[start:i])
		e.write(esc)
		i += size
		start = i
	}
	e.write(s[start:])
}

func (e *escaper) write(s string) {
	if e.err == nil && s != "" {
		_, e.err = io.WriteString(e.w, s)
	}
}

// asciiEscape is the escape of an ASCII byte that JSON strings escape.
func asciiEscape(c byte) string {
	switch c {
	case '"':
		return `\"`
	case '\\':
		return `\\`
	case '\b':
		return `\b`
	case '\f':
		return `\f`
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\t':
		return `\t`
	}
	const hex = "0123456789abcdef"
	return `\u00` + string([]byte{hex[c>>4], hex[c&0xf]})
}
