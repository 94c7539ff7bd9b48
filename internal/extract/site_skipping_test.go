package extract

import "testing"

// containsSkippingByBytes is the byte loop containsSkipping's search for
// the first letter replaced, kept as the reference.
func containsSkippingByBytes(s, label string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != label[0] {
			continue
		}
		k := 0
		for j := i; j < len(s) && k < len(label); j++ {
			c := s[j]
			if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
				if c != label[k] {
					break
				}
				k++
			}
		}
		if k == len(label) {
			return true
		}
	}
	return false
}

func TestContainsSkipping(t *testing.T) {
	for _, tc := range []struct {
		s, label string
		want     bool
	}{
		{"the daily planet", "dailyplanet", true},
		{"daily-planet news", "dailyplanet", true},
		{"d daily planet", "dailyplanet", true}, // a false start first
		{"daily plane", "dailyplanet", false},
		{"", "abc", false},
		{"abc", "abc", true},
		{"xxabc", "abc", true},
		{"a\xffb\xc3c", "abc", true},
		{"abc", "-abc", false}, // a first byte no letter matches
	} {
		if got := containsSkipping(tc.s, tc.label); got != tc.want {
			t.Errorf("containsSkipping(%q, %q) = %v, want %v", tc.s, tc.label, got, tc.want)
		}
		if ref := containsSkippingByBytes(tc.s, tc.label); ref != tc.want {
			t.Errorf("containsSkippingByBytes(%q, %q) = %v, want %v", tc.s, tc.label, ref, tc.want)
		}
	}
}

func FuzzContainsSkipping(f *testing.F) {
	f.Add("the daily planet", "dailyplanet")
	f.Add("d d da dai", "dai")
	f.Fuzz(func(t *testing.T, s, label string) {
		if label == "" {
			return // callers skip labels shorter than two bytes
		}
		if got, want := containsSkipping(s, label), containsSkippingByBytes(s, label); got != want {
			t.Errorf("containsSkipping(%q, %q) = %v, the byte loop says %v", s, label, got, want)
		}
	})
}
