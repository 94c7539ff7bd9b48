package extract

import (
	"net/url"
	"strings"

	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/dom"
)

// urlDateOrder is the numeric date order the page's address implies: a
// locale segment in the path ("/en-gb/news/…") or the host's country-code
// domain (".co.uk", ".com.au"). Sites that serve several English editions
// name the edition there.
func urlDateOrder(u *url.URL) int {
	if u == nil {
		return 0
	}
	for _, seg := range strings.Split(strings.Trim(u.Path, "/"), "/") {
		if len(seg) == 5 && (seg[2] == '-' || seg[2] == '_') {
			if o := datetime.LocaleOrder(seg); o != 0 {
				return o
			}
		}
	}
	host := strings.ToLower(u.Hostname())
	return datetime.LocaleOrder(host[strings.LastIndexByte(host, '.')+1:])
}

// htmlDateOrder is the numeric date order the page's declared locale
// implies (<html lang="en-GB">, og:locale), else its address's.
func htmlDateOrder(m *dom.Meta, rawURL string) int {
	if o := datetime.LocaleOrder(m.Lang); o != 0 {
		return o
	}
	if s, _ := m.First("og:locale", "content-language"); s != "" {
		if o := datetime.LocaleOrder(s); o != 0 {
			return o
		}
	}
	u, _ := parseURLInfo(rawURL)
	return urlDateOrder(u)
}
