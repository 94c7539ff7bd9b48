package extract

import "github.com/pressroom/pressroom/internal/extract/credit"

// htmlSplitCredits cleans raw author credits into person names and
// organisations (credit.SplitValues), a credit naming the site itself
// going to the organisations.
func htmlSplitCredits(raw []string, site string) (persons, orgs []string) {
	return credit.SplitValues(raw, htmlNormTitle(site))
}

// htmlLooksLikeURL reports a value that is an address or a handle rather
// than a name (credit.LooksLikeAddress).
func htmlLooksLikeURL(s string) bool { return credit.LooksLikeAddress(s) }
