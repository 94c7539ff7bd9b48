package web

import (
	"strings"
	"unicode/utf8"

	"github.com/pressroom/pressroom/internal/extract/page"
)

// htmlHostName is the registered name of the page's host ("lastampa" for
// www.lastampa.it), "" when too short to recognise in a title.
func htmlHostName(rawURL string) string {
	_, info := page.ParseURLInfo(rawURL)
	labels := page.HostLabels(info.Host)
	if len(labels) == 0 {
		return ""
	}
	name := labels[0]
	if len(labels) > 1 {
		name = labels[1] // labels[0] joins the subdomains in
	}
	if len(name) < 4 {
		return ""
	}
	return name
}

// htmlStripHost removes the first or last separated part of a title when
// it spells the host's name ("… - La Stampa" on lastampa.it, "… |
// UKBDNEWS", "… - Championships Munich 2022" on munich2022.com): pages
// whose stated site name is missing or differs from the brand in their
// titles. The part holds at most four words and the rest stays
// headline-sized.
func htmlStripHost(t, host string) string {
	if host == "" {
		return t
	}
	for _, sep := range htmlTitleSeps {
		parts := strings.Split(t, sep)
		if len(parts) < 2 {
			continue
		}
		if last := parts[len(parts)-1]; htmlSpellsHost(last, host) {
			if rest := strings.TrimSpace(strings.Join(parts[:len(parts)-1], sep)); utf8.RuneCountInString(rest) >= 12 {
				return rest
			}
		}
		if htmlSpellsHost(parts[0], host) {
			if rest := strings.TrimSpace(strings.Join(parts[1:], sep)); utf8.RuneCountInString(rest) >= 12 {
				return rest
			}
		}
	}
	return t
}

// htmlSpellsHost reports whether a short title part names the host: its
// letters contain the host's name, or make up most of it.
func htmlSpellsHost(part, host string) bool {
	if len(strings.Fields(part)) > 4 {
		return false
	}
	p := page.AlnumLower(part)
	return len(p) >= 4 && (strings.Contains(p, host) || strings.Contains(host, p) && 2*len(p) >= len(host))
}
