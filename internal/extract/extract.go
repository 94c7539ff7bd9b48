// Package extract turns a raw dump into an article: metadata plus body
// paragraphs, with diagnostics saying where each field came from.
//
// It is pure: no I/O, no clock (the dump carries ReceivedAt), no globals that
// change, so it is safe for concurrent use and easy to fuzz and benchmark.
package extract

import (
	"fmt"
	"strings"

	"github.com/pressroom/pressroom/internal/article"
)

// Version identifies the extractor's rules. It is stored with every article
// so that dumps extracted by older rules can be found and re-extracted.
const Version = 1

// Extract extracts an article from d. It never panics on any input; when
// nothing usable is found the result's Err wraps article.ErrUnextractable.
func Extract(d *article.Dump) article.Extraction {
	if htmlIsHTML(d) {
		return htmlExtract(d)
	}
	x := article.Extraction{Input: article.InputText, Version: Version}
	var paras []string
	for _, p := range strings.Split(string(d.Body), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	if len(paras) == 0 {
		x.Err = fmt.Errorf("extract: %w: no text", article.ErrUnextractable)
		return x
	}
	x.Paragraphs = paras
	return x
}
