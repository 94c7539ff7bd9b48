package extract

import (
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
)

func TestHTMLIsHTML(t *testing.T) {
	for _, tc := range []struct {
		ct, body string
		want     bool
	}{
		{"text/html; charset=utf-8", "anything", true},
		{"application/xhtml+xml", "<x/>", true},
		{"", "\ufeff  <!DOCTYPE html><html><body>x</body></html>", true},
		{"text/plain", "<html lang=en><p>x</p></html>", true},
		{"", "<head><title>t</title></head>", true},
		{"", "<div>a</div><div>b</div><p>c</p>", true},
		{"", "Headline\n\nBy Jane Roe\n\nThe body of a text dump.", false},
		{"", "Use <b> for bold in your posts.", false},
		{"", "<!-- a comment --> plain text", false},
		{"", "<br />\n<b>Warning</b>: something failed in <b>/srv/app.php</b><br />\n" + strings.Repeat("<b>Notice</b>: again<br />\n", 60) + "<!DOCTYPE html><html><head></head><body><p>x</p></body></html>", true},
		{"", "<style>\n.a { color: red }\n" + strings.Repeat(".b { margin: 0 }\n", 80) + "</style>\n<html><head><title>t</title></head><body>x</body></html>", true},
		{"", "<b>Note</b> that a page opens with <html> and ends with </html>, and <p>a paragraph</p> in between.", false},
	} {
		d := &article.Dump{ContentType: tc.ct, Body: []byte(tc.body)}
		if got := htmlIsHTML(d); got != tc.want {
			t.Errorf("htmlIsHTML(%q, %q) = %v, want %v", tc.ct, tc.body, got, tc.want)
		}
	}
}
