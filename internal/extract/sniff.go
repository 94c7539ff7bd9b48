package extract

import (
	"bytes"
	"strings"

	"github.com/pressroom/pressroom/internal/article"
)

// htmlIsHTML sniffs whether a dump is an HTML page: by its declared type,
// or, since scrapers often mislabel, by how its first bytes look.
func htmlIsHTML(d *article.Dump) bool {
	ct := strings.ToLower(d.ContentType)
	if strings.HasPrefix(ct, "text/html") || strings.HasPrefix(ct, "application/xhtml+xml") {
		return true
	}
	head := d.Body
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	head = bytes.TrimLeft(head, " \t\r\n\f")
	if len(head) > 1024 {
		head = head[:1024]
	}
	if bytes.IndexByte(head, '<') < 0 {
		return false // every test below looks for a tag
	}
	low := bytes.ToLower(head)
	for _, p := range []string{"<!doctype html", "<html", "<head", "<?xml", "<!--"} {
		if bytes.HasPrefix(low, []byte(p)) {
			return p != "<?xml" && p != "<!--" || bytes.Contains(low, []byte("<html")) || htmlOpensLater(d.Body)
		}
	}
	return bytes.Contains(low, []byte("<body")) || bytes.Count(low, []byte("<p>"))+bytes.Count(low, []byte("<div")) >= 3 ||
		low[0] == '<' && htmlOpensLater(d.Body)
}

// htmlOpensLater reports a dump that starts with markup but opens its
// document further down, right after other markup: a page prefixed by a
// server's warnings, an inline style block or a long comment. Prose that
// names "<html>" does not count: the opening must follow a tag's ">".
func htmlOpensLater(body []byte) bool {
	const window = 64 << 10
	if len(body) > window {
		body = body[:window]
	}
	low := bytes.ToLower(body)
	for _, open := range []string{"<!doctype html", "<html"} {
		i := bytes.Index(low, []byte(open))
		if i < 0 {
			continue
		}
		before := bytes.TrimRight(low[:i], " \t\r\n")
		return len(before) == 0 || before[len(before)-1] == '>'
	}
	return false
}
