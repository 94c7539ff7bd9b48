package text

import "testing"

// TestAuthorBio checks that the author's box under the article leaves the
// body, and that a closing paragraph that merely names the author stays.
func TestAuthorBio(t *testing.T) {
	checkTails(t, []tailCase{
		{"box under the article", "About the author\n\nAnn Example is a reporter who has covered the town's schools, pools and parks for twenty years.\n",
			"Ann Example is a reporter", ""},
		{"name alone with a role", "Ann Example\n\nReporter for the local desk.\n", "Reporter for the local desk.", ""},
		{"closing paragraph", "The council asked residents, in a letter signed by the mayor and sent to Ann Example among others, to comment before March.\n",
			"", "The council asked residents"},
	})
}
