package text

import (
	"testing"

	"github.com/pressroom/pressroom/internal/extract/page"
)

func TestPaywallVocabulary(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Already a subscriber? Log in.", true},
		{"Subscribe to continue reading.", true},
		{"Dieser Artikel ist nur für Abonnenten.", true},
		{"Article réservé aux abonnés", true},
		{"Treść dostępna tylko dla prenumeratorów.", true},
		// One template's sentences are no vocabulary: the wall around a
		// phrase marks them (TestPaywallWall).
		{"Thank you for your patience while we verify access.", false},
		{"Want all of The Times? Subscribe.", false},
		{"The subscriber base grew by 10 percent last year.", false},
		{"Subscribe", false}, // a menu entry, not a wall
	}
	for _, tt := range tests {
		b := block{text: tt.in, lower: page.FoldLower(tt.in)}
		measure(&b)
		l, _ := vocabularyLabel(&b)
		if got := l == labelPaywall; got != tt.want {
			t.Errorf("paywall(%q) = %v (label %s), want %v", tt.in, got, l, tt.want)
		}
	}
}

func TestPaywallWall(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []bool // paywall, per line
	}{
		{"around the phrase",
			[]string{"The council meets again in March, when the budget is due and the pool's future will be decided.",
				"One moment while we check your access.", "SIGN IN", "Already a subscriber? Log in.",
				"Get unlimited access to the Valley Courier. Subscribe."},
			[]bool{false, true, false, true, true}},
		{"prose that mentions an account stays",
			[]string{"Residents who want to object can write to the council or use the account they opened for the consultation last year.",
				"Already a subscriber? Log in."},
			[]bool{false, true}},
		{"no phrase, no wall",
			[]string{"Sign in to your account.", "Subscribe for full access."},
			[]bool{false, false}},
		{"German",
			[]string{"Sie haben bereits ein Konto?", "Dieser Artikel ist nur für Abonnenten.", "Jetzt Zugang sichern."},
			[]bool{true, true, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bs := make([]block, len(tt.lines))
			for i, l := range tt.lines {
				bs[i] = block{text: l, lower: page.FoldLower(l)}
				measure(&bs[i])
				bs[i].label, bs[i].reason = vocabularyLabel(&bs[i])
			}
			markPaywallWall(bs)
			for i, want := range tt.want {
				if got := bs[i].label == labelPaywall; got != want {
					t.Errorf("line %d %q: paywall = %v (label %s), want %v", i, tt.lines[i], got, bs[i].label, want)
				}
			}
		})
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
