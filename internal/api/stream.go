package api

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
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
// encoded at once, followed by the long members. An answer that fits in
// maxBufferedAnswer goes out with a Content-Length in one Write; a larger
// one is streamed (chunked) from the moment it outgrows that buffer, so a
// 10 MB article costs its own bytes and the buffer, not two or three
// encoded copies of itself. Once the first byte is out an error can no
// longer become a problem; writing only fails when the client has gone.
func writeStreamed(w http.ResponseWriter, status int, head any, long ...longText) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("X-Content-Type-Options", "nosniff")
	buf := answerBuffers.Get().(*[]byte)
	aw := &answerWriter{w: w, status: status, buf: (*buf)[:0]}
	_ = encodeStreamed(aw, head, long)
	_ = aw.WriteByte('\n')
	aw.finish()
	*buf = aw.buf[:0]
	answerBuffers.Put(buf)
}

// maxBufferedAnswer bounds the answers sent with a Content-Length: an
// article of a few kilobytes, and most of the larger ones.
const maxBufferedAnswer = 64 << 10

// answerBuffers are writeStreamed's buffers: a new one per answer was half
// of what a GET allocated (BenchmarkGetArticle).
var answerBuffers = sync.Pool{New: func() any {
	b := make([]byte, 0, maxBufferedAnswer)
	return &b
}}

// answerWriter holds an answer until it is complete, or until it outgrows
// its buffer: then it sends the status line and headers without a length
// and goes on as a buffered writer, a buffer at a time.
type answerWriter struct {
	w         http.ResponseWriter
	status    int
	buf       []byte // what is not written yet; its capacity is the bound
	streaming bool   // the header is out, without a Content-Length
	err       error
}

func (a *answerWriter) Write(p []byte) (int, error) { return appendAnswer(a, p) }

func (a *answerWriter) WriteString(s string) (int, error) { return appendAnswer(a, s) }

// appendAnswer copies p into a's buffer a buffer at a time: a paragraph of
// megabytes is not copied whole.
func appendAnswer[T string | []byte](a *answerWriter, p T) (int, error) {
	n := len(p)
	for len(a.buf)+len(p) > cap(a.buf) {
		k := cap(a.buf) - len(a.buf)
		a.buf = append(a.buf, p[:k]...)
		p = p[k:]
		a.flush()
	}
	a.buf = append(a.buf, p...)
	return n, a.err
}

func (a *answerWriter) WriteByte(c byte) error {
	if len(a.buf) == cap(a.buf) {
		a.flush()
	}
	a.buf = append(a.buf, c)
	return a.err
}

// flush writes out what is buffered, starting the streamed answer if it
// has not started.
func (a *answerWriter) flush() {
	if !a.streaming {
		a.streaming = true
		a.w.Header().Del("Content-Length")
		a.w.WriteHeader(a.status)
	}
	a.write(a.buf)
	a.buf = a.buf[:0]
}

func (a *answerWriter) write(p []byte) {
	if a.err == nil && len(p) > 0 {
		_, a.err = a.w.Write(p)
	}
}

// finish sends the rest of the answer: all of it, with its length, when it
// fitted in the buffer.
func (a *answerWriter) finish() {
	if a.streaming {
		a.flush()
		return
	}
	a.w.Header().Set("Content-Length", strconv.Itoa(len(a.buf)))
	a.w.WriteHeader(a.status)
	a.write(a.buf)
	a.buf = a.buf[:0]
}

// streamWriter is what encodeStreamed writes to.
type streamWriter interface {
	io.Writer
	io.StringWriter
	io.ByteWriter
}

// encodeStreamed writes head with the long members appended to it.
func encodeStreamed(w streamWriter, head any, long []longText) error {
	empty, err := writeOpenHead(w, head)
	if err != nil {
		return err
	}
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

// writeOpenHead writes head, a JSON object, without its closing brace,
// so that members can follow, and reports whether it had no members.
func writeOpenHead(w streamWriter, head any) (empty bool, err error) {
	if h, ok := head.(jsonHead); ok && h.handWritten() {
		_ = w.WriteByte('{')
		h.writeJSONHead(w)
		return false, nil
	}
	// encoding/json writes head straight to w, all but its last two bytes,
	// "}\n".
	o := &openObject{w: w}
	enc := json.NewEncoder(o)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(head); err != nil {
		return false, err
	}
	if o.held != 2 || o.tail != [2]byte{'}', '\n'} {
		panic("api: encodeStreamed needs a JSON object")
	}
	return o.n == len("{}\n"), nil
}

// openObject passes what is written on to w, except for the last two
// bytes written, which it holds back.
type openObject struct {
	w    io.Writer
	tail [2]byte
	held int // bytes in tail
	n    int // bytes written, held ones included
}

func (o *openObject) Write(p []byte) (int, error) {
	o.n += len(p)
	if len(p) >= len(o.tail) {
		if _, err := o.w.Write(o.tail[:o.held]); err != nil {
			return 0, err
		}
		cut := len(p) - len(o.tail)
		if _, err := o.w.Write(p[:cut]); err != nil {
			return 0, err
		}
		o.held = copy(o.tail[:], p[cut:])
		return len(p), nil
	}
	for _, c := range p {
		if o.held == len(o.tail) {
			if _, err := o.w.Write(o.tail[:1]); err != nil {
				return 0, err
			}
			o.tail[0], o.held = o.tail[1], 1
		}
		o.tail[o.held] = c
		o.held++
	}
	return len(p), nil
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

// plainASCII marks the bytes a JSON string holds as they are: ASCII but
// controls, quote and backslash.
var plainASCII = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

func (e *escaper) quoted(s string) {
	e.write(`"`)
	e.unquoted(s)
	e.write(`"`)
}

func (e *escaper) unquoted(s string) {
	start := 0
	for i := 0; i < len(s) && e.err == nil; {
		for i < len(s) && plainASCII[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
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
