package lexicon

// SignOff is what sign-offs and prompts around a story say, in lower
// case: the HTML front-end drops a short block at the content's edges that
// says one of them.
var SignOff = []string{
	"share this", "share it", "subscribe", "newsletter", "sign up", "follow us", "follow him",
	"follow her", "follow them", "on twitter", "on facebook", "on instagram", "you may also like",
	"you might also like", "read more", "related articles", "related stories", "contributed to this report",
	"all rights reserved", "advertisement", "recommended for you", "more from", "have a tip",
}
