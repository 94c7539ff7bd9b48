package extract

import "testing"

func TestPaywallVocabulary(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Thank you for your patience while we verify access.", true},
		{"Already a subscriber? Log in.", true},
		{"TO READ THE FULL STORY", true},
		{"Subscribe to continue reading.", true},
		{"Want all of The Times? Subscribe.", true},
		{"The subscriber base grew by 10 percent last year.", false},
		{"Subscribe", false}, // a menu entry, not a wall
	}
	for _, tt := range tests {
		b := block{text: tt.in, lower: foldLower(tt.in)}
		measure(&b)
		l, _ := vocabularyLabel(&b)
		if got := l == labelPaywall; got != tt.want {
			t.Errorf("paywall(%q) = %v (label %s), want %v", tt.in, got, l, tt.want)
		}
	}
}

func TestPublisherIn(t *testing.T) {
	tests := []struct {
		in      string
		paywall bool
		want    string
	}{
		{"Want all of The Times? Subscribe.", true, "The Times"},
		{"If you are in Reader mode please exit and log into your Times account, or subscribe for all of The Times.", true, "The Times"},
		{"This article was originally published by Orbitism. Read the original article.", false, "Orbitism"},
		{"Originally published on Daily Planet.", false, "Daily Planet"},
		{"This story first appeared in The Exchange Weekly.", false, "The Exchange Weekly"},
		{"Want all of The Times? Subscribe.", false, ""},
		{"originally published on page 3", false, ""},
	}
	for _, tt := range tests {
		got, _, ok := publisherIn(tt.in, tt.paywall)
		if !ok {
			got = ""
		}
		if got != tt.want {
			t.Errorf("publisherIn(%q, %v) = %q, want %q", tt.in, tt.paywall, got, tt.want)
		}
	}
}

func FuzzPublisherIn(f *testing.F) {
	f.Add("all of The Times?")
	f.Add("log into your X account")
	f.Fuzz(func(t *testing.T, s string) {
		for _, pw := range []bool{true, false} {
			if n, _, ok := publisherIn(s, pw); ok && n == "" {
				t.Fatalf("publisherIn(%q) ok with empty name", s)
			}
		}
	})
}
