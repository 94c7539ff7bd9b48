package text

import "testing"

func TestParseSponsor(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Sponsor:  QWIKET ", "QWIKET"},
		{"Sponsor:  QWIKET: Elevate your fantasy game! Interactive Sports Knowledge.", "QWIKET"},
		{"Sponsored by Acme Bank.", "Acme Bank"},
		{"Presented by Globex | Learn more", "Globex"},
		{"This newsletter is brought to you by Initech", "Initech"},
		{"Paid for by Citizens for Good Roads", "Citizens for Good Roads"},
		{"Sponsor:", ""},
		{"Sponsored by: ?", ""},
		{"The event was sponsored by many companies across the city, which then went on to...", ""},
	}
	for _, tt := range tests {
		got, ok := parseSponsor(tt.in)
		if !ok {
			got = ""
		}
		if got != tt.want {
			t.Errorf("parseSponsor(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzParseSponsor(f *testing.F) {
	f.Add("Sponsor: X")
	f.Add("sponsored by Ä: b")
	f.Fuzz(func(t *testing.T, s string) {
		if n, ok := parseSponsor(s); ok && n == "" {
			t.Fatalf("parseSponsor(%q) ok with empty name", s)
		}
	})
}
