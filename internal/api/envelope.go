package api

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeEnvelopeFast decodes, in one pass over raw, the envelope that
// scrapers send: one object whose members are among the six lower-case
// names, each at most once, with string or null values in valid UTF-8.
// The general path (encoding/json's Decoder, then duplicateKey) reads a
// batch line three times and copies the page twice, which was a quarter
// of a batch row's server CPU (docs/performance.md). ok is false for
// anything else, valid or not (other spellings of a name, duplicates,
// unknown members, other types, invalid UTF-8, lone surrogates, trailing
// data), which the general path then decodes or refuses with its errors;
// FuzzDecodeEnvelopeFast checks that both agree wherever this one answers.
func decodeEnvelopeFast(raw []byte) (env envelope, ok bool) {
	s := jsonScanner{b: raw}
	s.space()
	if !s.next('{') {
		return env, false
	}
	s.space()
	if s.next('}') {
		return env, s.end()
	}
	var seen [6]bool
	for {
		name, ok := s.plainString()
		if !ok {
			return env, false
		}
		var field int
		switch name {
		case "url":
			field = 0
		case "source":
			field = 1
		case "fetched_at":
			field = 2
		case "content_type":
			field = 3
		case "content":
			field = 4
		case "content_base64":
			field = 5
		default:
			return env, false
		}
		if seen[field] {
			return env, false
		}
		seen[field] = true
		s.space()
		if !s.next(':') {
			return env, false
		}
		s.space()
		var value *string
		if !s.null() {
			v, ok := s.string()
			if !ok {
				return env, false
			}
			value = &v
		}
		switch {
		case field == 4:
			env.Content = value
		case field == 5:
			env.ContentBase64 = value
		case value != nil: // null leaves a string member empty, as encoding/json does
			*[...]*string{&env.URL, &env.Source, &env.FetchedAt, &env.ContentType}[field] = *value
		}
		s.space()
		if s.next('}') {
			return env, s.end()
		}
		if !s.next(',') {
			return env, false
		}
		s.space()
	}
}

// jsonScanner reads JSON from b at i.
type jsonScanner struct {
	b []byte
	i int
}

// space skips JSON whitespace.
func (s *jsonScanner) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// next consumes c if it comes next.
func (s *jsonScanner) next(c byte) bool {
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// end reports whether only whitespace is left.
func (s *jsonScanner) end() bool {
	s.space()
	return s.i == len(s.b)
}

// null consumes the literal null if it comes next.
func (s *jsonScanner) null() bool {
	if len(s.b)-s.i >= 4 && string(s.b[s.i:s.i+4]) == "null" {
		s.i += 4
		return true
	}
	return false
}

// plainString reads a string without escapes (a member name).
func (s *jsonScanner) plainString() (string, bool) {
	if !s.next('"') {
		return "", false
	}
	start := s.i
	for s.i < len(s.b) {
		switch c := s.b[s.i]; {
		case c == '"':
			s.i++
			return string(s.b[start : s.i-1]), true
		case c == '\\' || c < 0x20 || c >= utf8.RuneSelf:
			return "", false
		}
		s.i++
	}
	return "", false
}

// string reads a string value, decoding its escapes. It fails on what
// encoding/json would refuse or repair: control characters, invalid
// UTF-8, unknown escapes and lone surrogates.
func (s *jsonScanner) string() (string, bool) {
	if !s.next('"') {
		return "", false
	}
	start := s.i
	// The common case: no escapes, so the value is the bytes themselves.
	s.skipPlain()
	if s.i < len(s.b) && s.b[s.i] == '"' {
		v := s.b[start:s.i]
		s.i++
		if !utf8.Valid(v) {
			return "", false
		}
		return string(v), true
	}
	if s.i == len(s.b) {
		return "", false
	}
	// A Builder, so that the value becomes a string without another copy.
	var out strings.Builder
	out.Grow(len(s.b) - start)
	out.Write(s.b[start:s.i])
	for {
		// Copy the run of bytes up to the next quote, escape or control.
		run := s.i
		s.skipPlain()
		out.Write(s.b[run:s.i])
		if s.i+1 >= len(s.b) {
			return "", false // no closing quote, or a lone backslash
		}
		switch s.b[s.i] {
		case '"':
			s.i++
			if !utf8.ValidString(out.String()) {
				return "", false
			}
			return out.String(), true
		case '\\':
		default:
			return "", false // a control character
		}
		e := s.b[s.i+1]
		s.i += 2
		switch e {
		case '"', '\\', '/':
			out.WriteByte(e)
		case 'b':
			out.WriteByte('\b')
		case 'f':
			out.WriteByte('\f')
		case 'n':
			out.WriteByte('\n')
		case 'r':
			out.WriteByte('\r')
		case 't':
			out.WriteByte('\t')
		case 'u':
			r, ok := s.hex4()
			if !ok {
				return "", false
			}
			if utf16.IsSurrogate(r) {
				// Only a high surrogate followed by a low one is a rune.
				if s.i+1 >= len(s.b) || s.b[s.i] != '\\' || s.b[s.i+1] != 'u' {
					return "", false
				}
				s.i += 2
				r2, ok := s.hex4()
				if !ok {
					return "", false
				}
				if r = utf16.DecodeRune(r, r2); r == utf8.RuneError {
					return "", false
				}
			}
			out.WriteRune(r)
		default:
			return "", false
		}
	}
}

// skipPlain moves past the bytes a string holds as they are, to the next
// quote, backslash or control character (or the end). UTF-8 is checked
// once the whole value is read (utf8.Valid takes ASCII eight bytes at a
// time), so this loop tests one table entry per byte.
func (s *jsonScanner) skipPlain() {
	for s.i < len(s.b) && !stringStop[s.b[s.i]] {
		s.i++
	}
}

// stringStop marks the bytes that end a run of plain bytes in a string.
var stringStop = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

// hex4 reads the four hex digits of a \u escape.
func (s *jsonScanner) hex4() (rune, bool) {
	if len(s.b)-s.i < 4 {
		return 0, false
	}
	var r rune
	for _, c := range s.b[s.i : s.i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	s.i += 4
	return r, true
}
