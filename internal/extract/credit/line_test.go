package credit

import "testing"

// TestAroundCredit: what a template prints around a credit on its line.
func TestAroundCredit(t *testing.T) {
	for in, want := range map[string]string{
		"// By Jane Roe": "By Jane Roe",
		"» By Jane Roe • May 2, 2020 • 5 min read": "By Jane Roe",
		"By Jane Roe | Politik":                    "By Jane Roe",
		"By Jane Roe":                              "By Jane Roe",
		"Jane Roe · Bo Park · 2 Kommentare":        "Jane Roe",
	} {
		if got := BeforeSeparator(in); got != want {
			t.Errorf("BeforeSeparator(%q) = %q, want %q", in, got, want)
		}
	}
	tails := []struct {
		in, name string
		ok       bool
	}{
		{"Jane Roe • 8h", "Jane Roe", true},
		{"Jane Roe · 3 min read", "Jane Roe", true},
		{"Jane Roe | Politik", "", false},                  // no digit: a section
		{"Jane Roe | 1 2 3 4 5 6", "", false},              // too long for a tail
		{"Wirtschaft · 12. März 2024", "Wirtschaft", true}, // the name test is the caller's
	}
	for _, tt := range tails {
		if name, ok := NameBeforeTail(tt.in); name != tt.name || ok != tt.ok {
			t.Errorf("NameBeforeTail(%q) = %q, %v; want %q, %v", tt.in, name, ok, tt.name, tt.ok)
		}
	}
	for in, want := range map[string]bool{"Jane Roe and Bo Park": true, "AI & Machine Learning": false, "Jane Roe, Politik": false, "": false} {
		if got := OnlyNames(in); got != want {
			t.Errorf("OnlyNames(%q) = %v, want %v", in, got, want)
		}
	}
	for in, want := range map[string]string{"ByJane Roe": "Jane Roe", "Byron Lee": "Byron Lee", "By Jane Roe": "By Jane Roe"} {
		if got := CutGluedBy(in); got != want {
			t.Errorf("CutGluedBy(%q) = %q, want %q", in, got, want)
		}
	}
}
