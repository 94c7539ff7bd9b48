package credit

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSplitValues: stated author values split into persons and
// organisations.
func TestSplitValues(t *testing.T) {
	tests := []struct {
		raw           []string
		site          string
		persons, orgs []string
	}{
		{raw: []string{"By Jane Roe and John Doe"}, persons: []string{"Jane Roe", "John Doe"}},
		{raw: []string{"Jane Roe, Staff Writer"}, persons: []string{"Jane Roe"}, orgs: []string{"Staff Writer"}},
		{raw: []string{"Autor: Anna Beispiel; Jonas Muster"}, persons: []string{"Anna Beispiel", "Jonas Muster"}},
		{raw: []string{"https://example.com/author/jroe"}},
		{raw: []string{"Example Gazette Desk"}, orgs: []string{"Example Gazette Desk"}},
		{raw: []string{"Example Insider Team"}, site: "example insider", orgs: []string{"Example Insider Team"}},
		{raw: []string{"Redaktion"}, orgs: []string{"Redaktion"}},
		{raw: []string{"王小明"}, persons: []string{"王小明"}},
		{raw: []string{"jane roe"}, orgs: []string{"jane roe"}},
	}
	for _, tt := range tests {
		p, o := SplitValues(tt.raw, tt.site)
		if diff := cmp.Diff(tt.persons, p); diff != "" {
			t.Errorf("SplitValues(%q) persons (-want +got):\n%s", tt.raw, diff)
		}
		if diff := cmp.Diff(tt.orgs, o); diff != "" {
			t.Errorf("SplitValues(%q) orgs (-want +got):\n%s", tt.raw, diff)
		}
	}
}

// TestCleanValue: a stated credit that names no person stands as given
// when it is short and no address or sentence.
func TestCleanValue(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"By jdoe", "jdoe", true},
		{"Redaktion", "Redaktion", true},
		{"Staff Report", "Staff Report", true},
		{"https://example.com/jdoe", "", false},
		{"@jdoe", "", false},
		{"Who wrote this?", "", false},
		{"one two three four five six seven", "", false},
	}
	for _, tt := range tests {
		got, ok := CleanValue(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("CleanValue(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestAuthorLabelAndCue(t *testing.T) {
	for in, want := range map[string]bool{"Written by": true, " Verfasst von ": true, "Reading time": false} {
		if got := AuthorLabel(in); got != want {
			t.Errorf("AuthorLabel(%q) = %v, want %v", in, got, want)
		}
	}
	for in, want := range map[string]bool{"Autorin: Anna Beispiel": true, "Written by Jo Roe": true, "von Anna Beispiel": false, "Byron": false} {
		if got := OpensWithCue(in); got != want {
			t.Errorf("OpensWithCue(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestStatedCredit: when the metadata names no person, the organisation
// it credits is the author; a wire service stays an agency and a default
// account credits no one.
func TestStatedCredit(t *testing.T) {
	tests := []struct {
		orgs, authors, agencies []string
	}{
		{orgs: []string{"Example Wiki Contributors"}, authors: []string{"Example Wiki Contributors"}},
		{orgs: []string{"Redaktion", "dpa"}, authors: []string{"Redaktion"}, agencies: []string{"dpa"}},
		{orgs: []string{"Reuters"}, agencies: []string{"Reuters"}},
		{orgs: []string{"admin"}, agencies: []string{"admin"}},
		{orgs: nil},
	}
	for _, tt := range tests {
		a, g := testReader.StatedCredit(tt.orgs)
		if diff := cmp.Diff(tt.authors, a); diff != "" {
			t.Errorf("StatedCredit(%q) authors (-want +got):\n%s", tt.orgs, diff)
		}
		if diff := cmp.Diff(tt.agencies, g); diff != "" {
			t.Errorf("StatedCredit(%q) agencies (-want +got):\n%s", tt.orgs, diff)
		}
	}
	for in, want := range map[string]bool{"Redaktion": true, " Reuters ": false, "Webmaster": false, "jdoe": true} {
		if got := testReader.CanStand(in); got != want {
			t.Errorf("CanStand(%q) = %v, want %v", in, got, want)
		}
	}
}

func FuzzSplitValues(f *testing.F) {
	for _, s := range []string{"By Jane Roe and John Doe", "Jane Roe, Staff Writer", "https://example.com/x", "王小明", "Jong, Michiel de"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		persons, orgs := SplitValues([]string{s}, "")
		for _, p := range append(persons, orgs...) {
			if p == "" {
				t.Fatalf("SplitValues(%q) returned an empty credit", s)
			}
		}
		if v, ok := CleanValue(s); ok && v == "" {
			t.Fatalf("CleanValue(%q) accepted an empty credit", s)
		}
	})
}
