package web

import (
	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/dom"
	"github.com/pressroom/pressroom/internal/extract/page"
)

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
	u, _ := page.ParseURLInfo(rawURL)
	return page.URLDateOrder(u)
}
