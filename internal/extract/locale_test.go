package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/extracttest"
)

// TestDateOrderFromLocale: an English page's region orders its numeric
// dates: the address's edition or country domain for a text dump, the
// declared locale for HTML.
func TestDateOrderFromLocale(t *testing.T) {
	para := "The council met on Tuesday evening and agreed to keep the swimming pool open for another year.\n\n"
	text := "Council keeps the pool open\nThe Gazette 02/10/2020 Ann Example\n\n" + strings.Repeat(para, 6)
	page := func(lang string) string {
		return `<!doctype html><html lang="` + lang + `"><head><title>Council keeps the pool open</title></head><body>` +
			`<article><h1>Council keeps the pool open</h1><p class="byline">The Gazette 02/10/2020 Ann Example</p>` +
			strings.Repeat("<p>"+strings.TrimSpace(para)+"</p>", 6) + `</article></body></html>`
	}
	for _, tc := range []struct{ name, url, ctype, body, want string }{
		{"text, edition in the path", "https://news.example.com/en-gb/local/pool", "text/plain", text, "2020-10-02"},
		{"text, country domain", "https://www.example.co.uk/local/pool", "text/plain", text, "2020-10-02"},
		{"text, no region", "https://www.example.com/local/pool", "text/plain", text, "2020-02-10"},
		{"html, en-GB", "https://www.example.com/local/pool", "text/html", page("en-GB"), "2020-10-02"},
		{"html, en-US", "https://www.example.com/local/pool", "text/html", page("en-US"), "2020-02-10"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(article.NewDump("", tc.url, tc.ctype, []byte(tc.body), time.Time{}))
			if got := extracttest.PublishedDay(x); got != tc.want {
				t.Errorf("published = %q, want %q", got, tc.want)
			}
		})
	}
}
