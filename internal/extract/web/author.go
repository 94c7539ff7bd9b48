package web

import "github.com/pressroom/pressroom/internal/extract/credit"

// htmlSplitCredits cleans raw author credits into person names and
// organisations (credit.SplitValues), a credit naming the site itself
// going to the organisations.
func htmlSplitCredits(raw []string, site string) (persons, orgs []string) {
	return credit.SplitValues(raw, htmlNormTitle(site))
}
