package page

import "testing"

func TestURLSection(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://a.example/politik/inland/some-story-slug", "Politik"},
		{"https://a.example/de/kultur/some-story", "Kultur"},
		{"https://a.example/2024/06/02/some-story", ""},
		{"https://a.example/article/12345/some-story", ""},
		{"https://a.example/some-story", ""},
		{"https://web.archive.org/web/2016/http://b.example/sport/match-report", "Sport"},
		{"https://a.example/home-garden/some-story", "Home garden"},
		{"not a url", ""},
	} {
		if got := URLSection(tc.in); got != tc.want {
			t.Errorf("urlSection(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
