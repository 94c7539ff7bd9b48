package extract

import "testing"

func TestParseDateline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"WASHINGTON (AP) — Ambassador Gordon Sondland said", "Washington"},
		{"CLEVELAND, Ohio – The band will ride", "Cleveland, Ohio"},
		{"SIOUX FALLS, S.D. – People across the nation", "Sioux Falls, S.D."},
		{"Dekalb, Ill. — Mike Glass threw for three", "Dekalb, Ill."},
		{"NEW DELHI: Their American dream shattered", "New Delhi"},
		{"LONDON (Reuters) - Oil prices fell", "London"},
		{"BERLIN -- The European Space Agency says", "Berlin"},
		{"Washington, DC, United States: Getting to the Moon", "Washington, DC, United States"},
		{"HONOLULU, Hawaii (HawaiiNewsNow) - NASA scientists", "Honolulu, Hawaii"},
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
