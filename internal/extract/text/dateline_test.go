package text

import "testing"

func TestParseDateline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"WASHINGTON (AP) — The committee voted on Tuesday", "Washington"},
		{"SPRINGFIELD, Ohio – The parade will start", "Springfield, Ohio"},
		{"RAPID CITY, S.D. – Ranchers across the state", "Rapid City, S.D."},
		{"Peoria, Ill. — The quarterback threw for three", "Peoria, Ill."},
		{"MUMBAI: The monsoon arrived early", "Mumbai"},
		{"LONDON (Reuters) - Shares rose on Monday", "London"},
		{"VIENNA -- The city council says", "Vienna"},
		{"Austin, TX, United States: Building a better bridge", "Austin, TX, United States"},
		{"ANCHORAGE, Alaska (KXYZ) - Scientists said", "Anchorage, Alaska"},
		// Not datelines.
		{"However: the plan failed.", ""},
		{"The company said - in a statement - that", ""},
		{"In 2019 — a year of change — we", ""},
		{"WASHINGTON", ""},
		{"it was said — quietly", ""},
	}
	for _, tt := range tests {
		got, ok := parseDateline(tt.in)
		if !ok {
			got = ""
		}
		if got != tt.want {
			t.Errorf("parseDateline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseHeaderLocation(t *testing.T) {
	tests := []struct{ in, want string }{
		{" | Remer,MN", "Remer, MN"},
		{"Fort Worth, TX", "Fort Worth, TX"},
		{"| St. Paul, MN |", "St. Paul, MN"},
		{"Hello, world", ""},
		{"Paris, France", ""},
		{"a, bc", ""},
	}
	for _, tt := range tests {
		got, ok := parseHeaderLocation(tt.in)
		if !ok {
			got = ""
		}
		if got != tt.want {
			t.Errorf("parseHeaderLocation(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzParseDateline(f *testing.F) {
	for _, s := range []string{"WASHINGTON (AP) — x", "A, B. – x", "(", "X: y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if p, ok := parseDateline(s); ok && p == "" {
			t.Fatalf("parseDateline(%q) ok with empty place", s)
		}
		parseHeaderLocation(s)
	})
}
