package page

import (
	"net/url"
	"strings"

	"github.com/pressroom/pressroom/internal/extract/datetime"
)

// URLDateOrder is the numeric date order the page's address implies: a
// locale segment in the path ("/en-gb/news/…") or the host's country-code
// domain (".co.uk", ".com.au"). Sites that serve several English editions
// name the edition there.
func URLDateOrder(u *url.URL) int {
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
