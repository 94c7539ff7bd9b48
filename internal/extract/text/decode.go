package text

import (
	"bytes"
	"mime"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/unicode/norm"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/page"
)

// decoded is a dump turned into clean UTF-8 text plus what the envelope or
// the transport said about it.
type decoded struct {
	kind      string // article.InputText or article.InputHTML
	text      string // normalised text (HTML: the markup itself)
	url       string
	fetchedAt time.Time
	notes     []string
}

// decode converts an unwrapped dump's bytes (see unwrapDump) to UTF-8 and
// normalises the text (line endings, invisible characters, non-breaking
// spaces, NFC).
func decode(d *article.Dump) decoded {
	out := decoded{kind: article.InputText, url: d.URL, fetchedAt: d.FetchedAt}
	body := d.Body
	ctype := d.ContentType

	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	text := toUTF8(body, ctype, &out.notes)
	if looksLikeMarkup(ctype, text) {
		out.kind = article.InputHTML
		text = page.StripMarkup(text)
	}
	out.text = normaliseText(text)
	return out
}

// toUTF8 converts body to UTF-8: valid UTF-8 stays as is; otherwise a
// declared single- or double-byte charset is used. Invalid bytes labelled
// UTF-8, or not labelled at all, are damaged UTF-8 when valid multi-byte
// sequences outnumber them (the damage becomes U+FFFD), and otherwise
// Windows-1252: Latin-1 pages mislabelled by their servers are common, and
// their accents must not become U+FFFD.
func toUTF8(body []byte, ctype string, notes *[]string) string {
	if utf8.Valid(body) {
		return string(body)
	}
	_, params, _ := mime.ParseMediaType(ctype)
	if cs := params["charset"]; cs != "" {
		if enc, err := htmlindex.Get(cs); err == nil {
			if name, _ := htmlindex.Name(enc); name != "utf-8" {
				if b, err := enc.NewDecoder().Bytes(body); err == nil {
					*notes = append(*notes, "decoded from "+cs)
					return string(b)
				}
			}
		}
	}
	if mostlyUTF8(body) {
		*notes = append(*notes, "invalid UTF-8 replaced")
		return strings.ToValidUTF8(string(body), "\uFFFD")
	}
	if b, err := charmap.Windows1252.NewDecoder().Bytes(body); err == nil {
		*notes = append(*notes, "decoded from windows-1252 (invalid UTF-8)")
		return string(b)
	}
	return strings.ToValidUTF8(string(body), "\uFFFD")
}

// mostlyUTF8 reports whether body's valid multi-byte UTF-8 sequences
// outnumber its invalid bytes.
func mostlyUTF8(body []byte) bool {
	multi, bad := 0, 0
	for len(body) > 0 {
		r, n := utf8.DecodeRune(body)
		switch {
		case r == utf8.RuneError && n == 1:
			bad++
		case n > 1:
			multi++
		}
		body = body[n:]
	}
	return multi > bad
}

// looksLikeMarkup reports whether a dump is HTML: by content type, or by a
// document prologue near the start, or by a high density of tags.
func looksLikeMarkup(ctype, s string) bool {
	mt, _, _ := mime.ParseMediaType(ctype)
	switch mt {
	case "text/html", "application/xhtml+xml":
		return true
	case "text/plain":
		return false
	}
	head := strings.TrimSpace(s)
	if !strings.HasPrefix(head, "<") {
		return false // text dumps, the common case, never start with a tag
	}
	if len(head) > 2048 {
		head = head[:2048]
	}
	lh := strings.ToLower(head)
	if strings.HasPrefix(lh, "<!doctype html") || strings.HasPrefix(lh, "<html") ||
		strings.HasPrefix(lh, "<?xml") && strings.Contains(lh, "<html") {
		return true
	}
	if !strings.HasPrefix(lh, "<") {
		return false
	}
	tags := strings.Count(lh, "</") + strings.Count(lh, "/>")
	return tags >= 5 && strings.Contains(lh, "<body") || tags >= 20
}

// normaliseText fixes line endings, removes invisible characters, turns
// exotic spaces into plain ones and puts the text in NFC.
func normaliseText(s string) string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	special, unsure := scanRunes(s)
	if special {
		unsure = true // the rewritten text is checked in full
		var b strings.Builder
		b.Grow(len(s))
		for len(s) > 0 {
			// Copy plain runs whole; only the special runes need work.
			i := 0
			for i < len(s) && s[i] != 0xc2 && s[i] != 0xe2 && s[i] != 0xe3 && s[i] != 0xef {
				i++
			}
			b.WriteString(s[:i])
			s = s[i:]
			if len(s) == 0 {
				break
			}
			r, n := utf8.DecodeRuneInString(s)
			s = s[n:]
			switch r {
			case '\u00a0', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006',
				'\u2007', '\u2008', '\u2009', '\u200a', '\u202f', '\u205f', '\u3000':
				b.WriteByte(' ')
			case '\u200b', '\u2060', '\ufeff', '\u00ad':
				// zero-width and soft hyphen: invisible, and they split words
			case '\u2028', '\u2029', '\u0085':
				b.WriteByte('\n')
			default:
				b.WriteRune(r)
			}
		}
		s = b.String()
	}
	if unsure && !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return s
}

// scanRunes reports whether s holds a rune normaliseText rewrites, and
// whether it holds one outside nfcStable, which only the NFC check can
// clear. Plain text answers no to both without allocating, and without the
// NFC check, which reads every byte.
func scanRunes(s string) (special, unsure bool) {
	for i := 0; i < len(s); {
		// ASCII is neither; skip it eight bytes at a time.
		for i+8 <= len(s) && page.Load64(s[i:i+8])&0x8080808080808080 == 0 {
			i += 8
		}
		if i >= len(s) {
			break
		}
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch r {
		case '\u00a0', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006',
			'\u2007', '\u2008', '\u2009', '\u200a', '\u202f', '\u205f', '\u3000',
			'\u200b', '\u2060', '\ufeff', '\u00ad', '\u2028', '\u2029', '\u0085':
			special = true
		default:
			if !nfcStable(r) {
				unsure = true
			}
		}
		if special && unsure {
			break
		}
	}
	return special, unsure
}

// nfcStable reports runes that are in NFC and never combine with the rune
// before them, whatever it is: a text made only of them is in NFC
// (TestNFCStable checks every one against the norm package). They cover the
// Latin, Cyrillic, CJK and Hangul letters and the typographic punctuation of
// most dumps; combining marks, and the few singletons NFC replaces, are not
// among them.
func nfcStable(r rune) bool {
	switch {
	case r < 0x300, r >= 0x400 && r < 0x483, r >= 0x488 && r < 0x530:
		return true
	case r >= 0x2010 && r < 0x2028, r >= 0x2030 && r < 0x205f, r >= 0x20a0 && r < 0x20c1:
		return true
	case r >= 0x4e00 && r < 0xa000, r >= 0xac00 && r < 0xd7a4:
		return true
	}
	return false
}
