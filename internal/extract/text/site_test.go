package text

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/extracttest"
	"github.com/pressroom/pressroom/internal/extract/page"
)

func TestHostLabels(t *testing.T) {
	tests := map[string][]string{
		"example.com":             {"example"},
		"news.example.com":        {"newsexample", "example", "news"},
		"example.com.br":          {"example"},
		"my-site.co.uk":           {"mysite"},
		"sports.news.example.org": {"sportsnewsexample", "example", "news", "sports"},
		"":                        nil,
		"localhost":               nil,
	}
	for host, want := range tests {
		if diff := cmp.Diff(want, page.HostLabels(host)); diff != "" {
			t.Errorf("hostLabels(%q) (-want +got):\n%s", host, diff)
		}
	}
}

func TestSpellings(t *testing.T) {
	tests := []struct {
		s, label string
		want     []string
	}{
		{"Follow Daily Planet on Twitter", "dailyplanet", []string{"Daily Planet"}},
		{"© 2025 ABC WEEKLY, a division", "abcweekly", []string{"ABC WEEKLY"}},
		{"Get Orbit Magazine delivered", "orbitmagazine", []string{"Orbit Magazine"}},
		{"The daily planet turns", "dailyplanet", nil},
		{"FilmWire Daily", "filmwire", []string{"FilmWire"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, spellings(tt.s, tt.label)); diff != "" {
			t.Errorf("spellings(%q, %q) (-want +got):\n%s", tt.s, tt.label, diff)
		}
	}
}

func TestCopyrightHolder(t *testing.T) {
	tests := map[string]string{
		"© 2019 The Springfield Courier, a Example Media Newspaper": "The Springfield Courier",
		"Copyright © 2019 Example Media Inc. All rights reserved.":  "Example Media",
		"©2019 Example Gazette | Privacy":                           "Example Gazette",
		"© 2014-2019 all rights reserved":                           "",
	}
	for in, want := range tests {
		if got := copyrightHolder(in); got != want {
			t.Errorf("copyrightHolder(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFindSite(t *testing.T) {
	body := "Home\nNews\n\nA headline about the harbour\n\nThe harbour reopened on Monday after a month of repairs to the old sea wall, the port authority said.\n\nFollow Port Gazette on Twitter\n© 2025 Harbour Media Group. All rights reserved.\n"
	tests := []struct {
		url, want, rule string
	}{
		{"https://www.portgazette.com/2025/07/01/harbour", "Port Gazette", "site:host-spelled"},
		{"https://www.harbourmedia.com/a", "Harbour Media", "site:host-spelled"},
		{"https://www.harbourmediagroup.net/a", "Harbour Media Group", "site:host-spelled"},
		{"https://www.unrelated.com/a", "unrelated.com", "site:url-host"},
		{"", "Harbour Media Group", "site:copyright"},
	}
	for _, tt := range tests {
		x := Extract(article.NewDump("", tt.url, "text/plain", []byte(body), extracttest.ReceivedAt))
		if x.Metadata.SiteName != tt.want {
			t.Errorf("url %q: SiteName = %q, want %q", tt.url, x.Metadata.SiteName, tt.want)
		}
		rule := ""
		for _, f := range x.Diagnostics.Fields {
			if f.Field == "site" {
				rule = f.Rule
			}
		}
		if rule != tt.rule {
			t.Errorf("url %q: rule = %q, want %q", tt.url, rule, tt.rule)
		}
	}
}
