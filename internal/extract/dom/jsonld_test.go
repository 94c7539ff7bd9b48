package dom

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseJSONLD(t *testing.T) {
	for _, tc := range []struct {
		name, in  string
		headlines []string // "headline" or "name" of each object, in order
	}{
		{"plain", `{"@type":"NewsArticle","headline":"A"}`, []string{"A"}},
		{"array", `[{"@type":"NewsArticle","headline":"A"},{"@type":"Person","name":"B"}]`, []string{"A", "B"}},
		{"graph", `{"@context":"x","@graph":[{"@type":"WebSite","name":"S"},{"@type":"Article","headline":"A"}]}`, []string{"S", "A"}},
		{"mainEntity", `{"@type":"WebPage","name":"P","mainEntity":{"@type":"Article","headline":"A"}}`, []string{"P", "A"}},
		{"trailing commas", `{"@type":"Article","headline":"A","author":["x",],}`, []string{"A"}},
		{"cdata", "//<![CDATA[\n{\"@type\":\"Article\",\"headline\":\"A\"}\n//]]>", []string{"A"}},
		{"html comment", `<!-- {"@type":"Article","headline":"A"} -->`, []string{"A"}},
		{"raw newline in string", "{\"@type\":\"Article\",\"headline\":\"A\nB\"}", []string{"A B"}},
		{"invalid escape", `{"@type":"Article","headline":"it\'s"}`, []string{"it's"}},
		{"html entities", `{&quot;@type&quot;:&quot;Article&quot;,&quot;headline&quot;:&quot;A&quot;}`, []string{"A"}},
		{"two values", `{"@type":"Article","headline":"A"} {"@type":"Person","name":"B"}`, []string{"A", "B"}},
		{"trailing semicolon", `{"@type":"Article","headline":"A"};`, []string{"A"}},
		{"untyped objects skipped", `{"headline":"A"}`, nil},
		{"garbage", `this is not json {`, nil},
		{"empty", ``, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, o := range ParseJSONLD(tc.in) {
				h := LDString(o, "headline")
				if h == "" {
					h = LDString(o, "name")
				}
				got = append(got, h)
			}
			if diff := cmp.Diff(tc.headlines, got); diff != "" {
				t.Errorf("ParseJSONLD(%q) (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestLDTypesAndStrings(t *testing.T) {
	o := ParseJSONLD(`{"@type":["schema:NewsArticle","http://schema.org/Article"],"author":[{"@type":"Person","name":"Ann"}],"n":3,"v":{"@value":"x"}}`)[0]
	if got := strings.Join(LDTypes(o), ","); got != "NewsArticle,Article" {
		t.Errorf("LDTypes = %s", got)
	}
	for key, want := range map[string]string{"author": "Ann", "n": "3", "v": "x", "missing": ""} {
		if got := LDString(o, key); got != want {
			t.Errorf("LDString(%s) = %q, want %q", key, got, want)
		}
	}
}

func FuzzJSONLD(f *testing.F) {
	for _, s := range []string{
		`{"@type":"NewsArticle","headline":"A","author":{"@type":"Person","name":"B"}}`,
		`{"@graph":[{"@type":"Article","headline":"A",},]}`,
		`//<![CDATA[ [{"@type":"Person","name":"x\'y"}] //]]>`,
		`{&quot;@type&quot;:&quot;Article&quot;}`,
		`[[[[[[[[[[[[{"@type":"X"}]]]]]]]]]]]]`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, o := range ParseJSONLD(s) {
			if _, ok := o["@type"]; !ok {
				t.Fatalf("object without @type returned: %v", o)
			}
			LDTypes(o)
			LDString(o, "headline")
			LDString(o, "author")
		}
	})
}
