package text

import (
	"encoding/binary"

	"github.com/pressroom/pressroom/internal/extract/page"
)

// Most lines of most dumps are plain ASCII. For those measureText lowers
// the whole line eight bytes at a time before reading its tokens, instead
// of appending it to the folded text a token and a space at a time
// (foldLower of ASCII is its lower case, byte for byte).

// appendLowerASCII appends the ASCII s lowercased to dst.
func appendLowerASCII(dst []byte, s string) []byte {
	n := len(dst)
	dst = append(dst, s...)
	b := dst[n:]
	i := 0
	for ; i+8 <= len(b); i += 8 {
		binary.LittleEndian.PutUint64(b[i:], lowerASCII64(binary.LittleEndian.Uint64(b[i:])))
	}
	for ; i < len(b); i++ {
		b[i] = page.ASCIILower[b[i]]
	}
	return dst
}
