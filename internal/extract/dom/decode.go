package dom

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"
)

// Decode converts an HTML document to UTF-8. The encoding is chosen as the
// HTML5 sniffing algorithm does: a byte-order mark, then the charset
// parameter of contentType, then <meta charset> or http-equiv in the first
// 1024 bytes, then a guess. Input that already is valid UTF-8 and declares
// nothing else is returned as is, without copying. Invalid bytes become
// U+FFFD; Decode never fails.
//
// It returns the decoded text and the name of the encoding used.
func Decode(body []byte, contentType string) ([]byte, string) {
	if rest, ok := bytes.CutPrefix(body, []byte("\xef\xbb\xbf")); ok {
		return validUTF8(rest), "utf-8"
	}
	enc, name, certain := charset.DetermineEncoding(body, contentType)
	// DetermineEncoding guesses windows-1252 when nothing is declared; a
	// page that is valid UTF-8 is far more likely UTF-8 than Latin-1 with
	// accidental multi-byte sequences.
	if name == "utf-8" || !certain && utf8.Valid(body) {
		return validUTF8(body), "utf-8"
	}
	out, err := decodeWith(enc, body)
	if err != nil {
		return validUTF8(body), "utf-8"
	}
	return out, name
}

func decodeWith(enc encoding.Encoding, body []byte) ([]byte, error) {
	out, _, err := transform.Bytes(enc.NewDecoder(), body)
	if err != nil {
		return nil, err
	}
	return validUTF8(out), nil
}

// validUTF8 replaces invalid sequences so later stages can index strings
// without surprises.
func validUTF8(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	return bytes.ToValidUTF8(b, []byte("\uFFFD"))
}
