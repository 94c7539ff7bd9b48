package dom

import "testing"

// TestMetaBoxHint checks the class/id words that mark a post metadata box:
// whole words split at spaces and underscores, in any letter case, and the
// dashed forms only of the words that take them.
func TestMetaBoxHint(t *testing.T) {
	for _, tc := range []struct {
		hint string
		want bool
	}{
		{"", false},
		{"tags", true},
		{"post TAGS", true},
		{"Entry-Meta", true},
		{"entry_meta", true}, // split at the underscore: "meta" is a word of its own
		{"widget_area", false},
		{"tags-wrapper", true},
		{"category-list", false}, // only tags, entry-meta and post-meta take a dash
		{"post-meta-top", true},
		{"metadata", false},
		{"hauptinhalt schlagworte", true},
		{"überschrift stichworte", true},
		{"überschrift", false},
		{"ſtichworte", false}, // a long s does not fold onto "s" here
	} {
		if got := metaBoxHint(tc.hint); got != tc.want {
			t.Errorf("metaBoxHint(%q) = %v, want %v", tc.hint, got, tc.want)
		}
	}
}

// TestHasTaxStem checks the quick filter in front of taxPath: a stem in
// any letter case, in ASCII and in non-ASCII addresses alike.
func TestHasTaxStem(t *testing.T) {
	for _, tc := range []struct {
		href string
		want bool
	}{
		{"/tag/bridges", true},
		{"/TAG/Bridges", true},
		{"/Kategorie/Politik", true},
		{"/thema/brücken", true},
		{"/Über-uns/Themen", true},
		{"/about/contact", false},
		{"/Über-uns/kontakt", false},
		{"", false},
	} {
		if got := hasTaxStem(tc.href); got != tc.want {
			t.Errorf("hasTaxStem(%q) = %v, want %v", tc.href, got, tc.want)
		}
	}
}
