package web

import (
	"testing"
)

// TestHTMLRelatedSections checks that a section of links to other
// articles, headed with the related-articles vocabulary inside the body,
// leaves it with its heading, while a section of the article's own under
// a like heading, without links, and a table column so headed stay.
func TestHTMLRelatedSections(t *testing.T) {
	tests := []htmlLinesCase{
		{
			name: "linked teasers under a related heading",
			html: `<h3>More on this</h3><p><a href="/a/1">Lifeguards ask for a pay rise before the summer</a></p>` +
				`<p><a href="/a/2">The lido that closed in 1998, remembered</a></p>`,
			lines:   []string{"More on this", "Lifeguards ask for a pay rise before the summer", "The lido that closed in 1998, remembered"},
			dropped: true,
		},
		{
			name: "kicker and linked headline in German",
			html: `<h6>Mehr zum Thema</h6><p>Freibad Nord <a href="/b/1">Warum die Saison früher endet</a></p>` +
				`<p>Hallenbad <a href="/b/2">Neue Preise ab dem ersten Mai</a></p>`,
			lines:   []string{"Mehr zum Thema", "Freibad Nord Warum die Saison früher endet", "Hallenbad Neue Preise ab dem ersten Mai"},
			dropped: true,
		},
		{
			name:    "a heading that exclaims",
			html:    `<h3>You may also like this!</h3><p>12 May 2024</p><h2><a href="/c/1">Ten lidos worth the trip</a></h2>`,
			lines:   []string{"You may also like this!", "12 May 2024"},
			dropped: true,
		},
		{
			name:  "the article's own list under a like heading, without links",
			html:  `<h3>Recommended for swimmers</h3><ul><li>a towel and a padlock</li><li>goggles with clear lenses</li></ul>`,
			lines: []string{"a towel and a padlock", "goggles with clear lenses"},
		},
		{
			name: "a table column headed with the vocabulary",
			html: `<table><tr><td>Previous season fee</td><td>This season fee</td></tr>` +
				`<tr><td><a href="/fees">Adults</a></td><td>4.50</td></tr></table>`,
			lines: []string{"Previous season fee This season fee"},
		},
	}
	runHTMLLinesCases(t, tests, htmlPoolStoryAround)
}
