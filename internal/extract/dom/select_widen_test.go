package dom

import (
	"strings"
	"testing"
)

// TestSelectWidensLoneParagraph checks that when captions under a
// furniture-named class crowd a story's container, so that its first
// paragraph alone outscores it, the story's other paragraphs are still
// kept; and that a page whose single paragraph stands alone keeps only it.
func TestSelectWidensLoneParagraph(t *testing.T) {
	first := "The designer showed a collection of twenty dresses in the old theatre on Sunday evening, each made from one long strip of pleated silk that was folded around the model and pinned at the shoulder, so that every dress moved like water as the models walked slowly across the stage under a single light."
	second := "The shapes that come out of this method are unusual and new, and the clothes still look wearable, which is rare for a show of this kind in the city."
	captions := strings.Repeat(`<div class="caption"><p>A model on the stage, Sunday evening</p></div>`, 15)
	tests := []struct {
		name string
		body string
		want []string // kept texts
		not  []string
	}{
		{name: "paragraphs among captions", body: "<div><p>" + first + "</p><p>" + second + "</p>" + captions + "</div>",
			want: []string{first, second}},
		{name: "one paragraph and a sidebar", body: "<div><p>" + first + `</p></div><div class="sidebar"><p>` + second + "</p></div>",
			want: []string{first}, not: []string{second}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse([]byte("<html><body>"+tc.body+"</body></html>"), DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			blocks := Segment(doc)
			_, labels := Select(doc, blocks, SelectOptions{})
			kept := map[string]bool{}
			for i := range blocks {
				if labels[i] == LabelContent {
					kept[blocks[i].Text] = true
				}
			}
			for _, s := range tc.want {
				if !kept[s] {
					t.Errorf("lost %q", s[:40])
				}
			}
			for _, s := range tc.not {
				if kept[s] {
					t.Errorf("kept %q", s[:40])
				}
			}
		})
	}
}
