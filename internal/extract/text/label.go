package text

import "github.com/pressroom/pressroom/internal/extract/page"

// label is what the classifier decided a block is.
type label uint8

const (
	labelNone        label = iota // not yet decided
	labelBody                     // article text
	labelTitle                    // the headline
	labelSubtitle                 // standfirst, dek, kicker
	labelByline                   // author credit
	labelDate                     // publication or update time
	labelSection                  // section label or breadcrumb above the headline
	labelSite                     // masthead
	labelSponsor                  // sponsor line
	labelNav                      // menus and site chrome
	labelShare                    // share buttons
	labelRelated                  // related, most read, recommended lists
	labelComments                 // comment prompts and counters
	labelCounter                  // bare numbers: share counts, pagination
	labelCaption                  // photo captions and credits
	labelPaywall                  // subscription wall
	labelNewsletter               // newsletter and e-mail prompts
	labelAd                       // advertisement markers
	labelFooter                   // copyright, legal, tags after the article
	labelFollow                   // calls to action: follow us, get the app
	labelDuplicate                // repeated line (gallery captions, repeated headline)
	labelBoilerplate              // outside the article, no more specific label
)

var labelNames = [...]string{
	labelNone:        "none",
	labelBody:        "body",
	labelTitle:       "title",
	labelSubtitle:    "subtitle",
	labelByline:      "byline",
	labelDate:        "date",
	labelSection:     "section",
	labelSite:        "site",
	labelSponsor:     "sponsor",
	labelNav:         "navigation",
	labelShare:       "share",
	labelRelated:     "related",
	labelComments:    "comments",
	labelCounter:     "counter",
	labelCaption:     "caption",
	labelPaywall:     "paywall",
	labelNewsletter:  "newsletter",
	labelAd:          "advertisement",
	labelFooter:      "footer",
	labelFollow:      "call-to-action",
	labelDuplicate:   "duplicate",
	labelBoilerplate: "boilerplate",
}

// String returns the label's name as diagnostics show it.
func (l label) String() string {
	if int(l) < len(labelNames) {
		return labelNames[l]
	}
	return "unknown"
}

// vocabLabel maps a vocabulary kind to the label it implies, in priority
// order: the first kind present wins.
var vocabLabels = []struct {
	kind  page.VocabKind
	label label
}{
	{page.VPaywall, labelPaywall},
	{page.VSponsor, labelSponsor},
	{page.VComments, labelComments},
	{page.VRelated, labelRelated},
	{page.VShare, labelShare},
	{page.VNewsletter, labelNewsletter},
	{page.VFollow, labelFollow},
	{page.VAd, labelAd},
	{page.VCaption, labelCaption},
	{page.VLegal, labelFooter},
	{page.VEnd, labelFooter},
	{page.VReadTime, labelCounter},
	{page.VNav, labelNav},
}

func labelFor(k page.VocabKind) label {
	for _, vl := range vocabLabels {
		if k&vl.kind != 0 {
			return vl.label
		}
	}
	return labelNone
}
