package datetime

import "testing"

func TestLocaleOrder(t *testing.T) {
	for _, tc := range []struct {
		tag  string
		want int
	}{
		{"en-GB", 1}, {"en_au", 1}, {"en-IN", 1}, {"uk", 1}, {"nz", 1},
		{"en-US", -1}, {"us", -1},
		{"en", 0}, {"de-DE", 0}, {"", 0}, {"com", 0}, {"zh-Hant-HK", 0},
	} {
		if got := LocaleOrder(tc.tag); got != tc.want {
			t.Errorf("LocaleOrder(%q) = %d, want %d", tc.tag, got, tc.want)
		}
	}
}
