package datetime

import "strings"

// LocaleOrder is the numeric date order a locale's region writes: +1 day
// first, -1 month first, 0 when the tag names no region that settles it.
// English is the language whose regions disagree: "02/10/2020" is the 2nd
// of October in en-GB and February 10th in en-US. Tags are BCP 47 ("en-GB",
// "en_au") or a bare region or country-code top-level domain ("uk").
func LocaleOrder(tag string) int {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if k := strings.IndexAny(tag, "-_"); k >= 0 {
		tag = tag[k+1:]
		if k := strings.IndexAny(tag, "-_"); k >= 0 {
			tag = tag[:k]
		}
	}
	switch tag {
	case "us", "ph", "fm", "mh", "pw":
		return -1
	case "gb", "uk", "ie", "au", "nz", "za", "in", "pk", "sg", "my", "hk", "ng", "ke", "gh", "mt", "jm", "tt":
		return 1
	}
	return 0
}
