package text

import "testing"

// TestPostNavigation checks that a blog's links to the previous and next
// post end the body, with the chrome under them, and that a quotation set
// in guillemets stays.
func TestPostNavigation(t *testing.T) {
	article1 := "Residents gathered on Tuesday evening outside the town hall to hear whether the two heated pools would stay open through the winter, as the council had promised in the spring.\n\n" +
		"Councillors voted later that night, twelve against three, to keep both pools open. Repairs to the heating begin in January, and weekend hours grow longer afterwards, officials said.\n\n" +
		"The cost is shared between the town and a regional fund for sports grounds, which this year for the first time also supports pools in small towns.\n\n" +
		"Residents who spoke at the meetings said the pool was the only place in the district where children could learn to swim in winter, and that the next nearest was an hour away by bus.\n\n"
	tests := []struct {
		name     string
		tail     string
		wantGone string
		wantKept string
	}{
		{"older and newer post", "« Why the library now opens on Sundays\n\nThe new bus line to the harbour ›\n\nOne thought on this post\n",
			"The new bus line to the harbour ›", ""},
		{"arrows", "← The market square gets its trees back\n\nThe summer fair returns →\n", "The summer fair returns →", ""},
		{"quotation in guillemets", "« We will keep both pools open », the mayor said after the vote.\n\nThe vote was twelve to three.\n",
			"", "« We will keep both pools open », the mayor said after the vote."},
		{"closing guillemet only", "The mayor quoted the club's motto at the end: »\n\nThe vote was twelve to three.\n", "", "The vote was twelve to three."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dump := "Menu\nNews\n\nPools stay open all winter\n\nBy Ann Example\n\n" + article1 + tc.tail
			checkTextBody(t, dump, "The cost is shared", tc.wantGone, tc.wantKept)
		})
	}
}

func TestIsPostNavigation(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"« Older post title", true},
		{"‹ Previous: the harbour", true},
		{"Next post title ›", true},
		{"← Back to the list", true},
		{"Read on →", true},
		{"« Quoted words », he said", false},
		{"He said: « quoted words »", false},
		{"An ordinary line.", false},
	}
	for _, tc := range tests {
		if got := isPostNavigation(tc.line); got != tc.want {
			t.Errorf("isPostNavigation(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}
