// Package dom turns untrusted HTML into something an article extractor can
// read: it decodes the charset to UTF-8, parses under hard limits on size,
// node count and depth, reads the page's structured metadata (JSON-LD,
// OpenGraph, <meta>, microdata, <time>) and segments the main content into
// text blocks with the features a boilerplate classifier needs.
//
// Nothing here does I/O or keeps global state that changes, so every function
// is safe for concurrent use.
package dom

import "errors"

// ErrLimit is wrapped by Parse when a document exceeds one of its Limits.
// Callers treat it as "this dump cannot be extracted", not as a bug.
var ErrLimit = errors.New("dom: limit exceeded")

// Limits bound the work Parse does on one document. A zero field means the
// corresponding DefaultLimits value.
type Limits struct {
	MaxBytes      int // input size after charset decoding
	MaxTokenBytes int // one tag, attribute or text run
	MaxNodes      int // element and text nodes kept in the tree
	MaxDepth      int // open elements at any point
}

// DefaultLimits are generous for real pages (the largest news pages seen are
// under 2 MB, 60,000 nodes and 60 levels deep) and small enough that hostile
// input fails in milliseconds.
var DefaultLimits = Limits{
	MaxBytes:      32 << 20,
	MaxTokenBytes: 8 << 20,
	MaxNodes:      500_000,
	MaxDepth:      512,
}

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultLimits.MaxBytes
	}
	if l.MaxTokenBytes <= 0 {
		l.MaxTokenBytes = DefaultLimits.MaxTokenBytes
	}
	if l.MaxNodes <= 0 {
		l.MaxNodes = DefaultLimits.MaxNodes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultLimits.MaxDepth
	}
	return l
}
