package page

import (
	"strings"

	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// VocabKind is a bit set of the kinds of generic page vocabulary a line
// holds: sharing, navigation, related links, subscription prompts and so on.
// The phrases are the generic words every news template uses, in the dozen
// most common languages; none comes from a particular page.
type VocabKind uint32

const (
	VShare       VocabKind = 1 << iota // share buttons and labels
	VNav                               // site chrome: home, menu, search, sign in
	VRelated                           // related / most read / recommended headings
	VComments                          // comment counters and prompts
	VNewsletter                        // newsletter and e-mail sign-up prompts
	VLegal                             // copyright, privacy, cookies, terms
	VAd                                // advertisement markers
	VCaption                           // photo credits and caption labels
	VPaywall                           // subscription walls
	VFollow                            // follow us, get the app, click here
	VByline                            // "by", "posted by", "author:"
	VPublished                         // "published", "posted on"
	VUpdated                           // "updated", "last modified"
	VSyndication                       // "originally published", "via"
	VSponsor                           // "sponsored by", "presented by"
	VReadTime                          // "5 min read"
	VRole                              // staff writer, correspondent, contributor
	VAgency                            // wire services
	VEnd                               // tags, topics, filed under: the article is over
)

// BoilerKinds are the kinds that make a short line boilerplate on their own.
const BoilerKinds = VShare | VNav | VRelated | VComments | VNewsletter | VLegal | VAd |
	VCaption | VPaywall | VFollow | VReadTime | VEnd | VSponsor

// vocabulary lists the phrases beside lexicon's page vocabulary (Page),
// which holds each language's generic words by purpose; BuildVocab
// compiles both. The first character is the mode: '=' the phrase is the
// whole line, '^' it starts the line, '~' anywhere. An entry here fires on
// at least two development sites or is a single word: phrasestat_test.go
// measures every entry, and one that only one site's pages print goes.
var vocabulary = map[VocabKind][]string{
	VShare: {
		"=shares", "=share this article", "=share this story", "=share on facebook", "=share on twitter",
		"=share on linkedin", "=share on whatsapp", "=share on pinterest", "=share on reddit", "=share via email",
		"^share to ", "=sharing", "~share on facebook", "~share on twitter", "=facebook", "=twitter", "=linkedin",
		"=reddit", "=pinterest", "=whatsapp", "=e-mail", "=pocket", "=flipboard", "=messenger", "=instagram",
		"=youtube", "=tumblr", "=telegram", "=google+", "=copied", "=copied!", "^share this", "=buffer", "=pin",
		"=submit", "~addthis", "=mail", "=rss", "=rss feed", "~opens in new window", "~in a new window",
		"~in new window", "~click to share", "~click to email", "=поделиться", "=paylaş",
	},
	VNav: {
		"=sign up", "=login", "=log out", "=logout", "=register", "=subscribe", "=subscribe now", "=my account",
		"=skip to main content", "=skip to navigation", "=sections", "=close", "=more", "=next", "=previous",
		"=prev", "=back", "=topic", "=topics", "=edition", "=video", "=videos", "=photos", "=gallery",
		"=back to gallery", "=caption", "=open", "=expand", "=collapse", "=toggle navigation", "=main menu",
		"=navigation", "=about", "=about us", "=contact", "=contact us", "=advertise", "=careers", "=faq", "=help",
		"=site map", "=sitemap", "=archives", "=archive", "=newsletters", "=podcasts", "=podcast", "=sports",
		"=news", "=opinion", "=business", "=tech", "=technology", "=entertainment", "=politics", "=world", "=local",
		"=lifestyle", "=health", "=science", "=travel", "=weather", "=live", "=latest", "=trending", "=e-edition",
		"=learn more", "=view all", "=read more", "=continue", "=loading", "^you are here:", "^home »", "^home >",
		"^sign in to", "=select", "=more stories", "=blog", "=reviews", "=features", "=guides", "=deals",
		"=columns",
	},
	VRelated: {
		"^related:", "=related", "^related stories", "^related articles", "^related coverage", "^related topics",
		"^related posts", "^read next", "^more on", "^more:", "=more:", "^more stories", "^most viewed",
		"^most recent", "^you may like", "^trending", "^popular in", "^next up", "=up next", "^don't miss",
		"^latest news", "^latest stories", "^top stories", "^editor's picks", "^editors' picks", "^watch:",
		"^watch now", "^must read", "^recent articles", "^recent posts", "^previous", "^next", "^next article",
		"^more articles", "^previous post", "^next post", "^in case you missed", "^more in", "^more like this",
		"^around the web", "^more news", "^latest videos", "^関連記事", "^keep reading", "^you may also", "=highlights",
	},
	VComments: {
		"=comment", "=view comments", "=show comments", "^comments powered by", "^join the conversation", "=reply",
		"^discuss", "^conversation", "=talk", "^show comments", "^responses to", "^permalink", "^leave a comment",
		"^post a comment", "~comments feed",
	},
	VNewsletter: {
		"^sign up", "~sign up to", "~delivered to your inbox", "~no spam", "~unsubscribe at any time",
		"~subscribe to our", "^subscribe to", "^subscribe for", "~get the latest", "^get our", "~enter your email",
		"~your email address", "~boletim", "~рассылк", "~boletín",
	},
	VLegal: {
		"~privacy notice", "~terms and conditions", "~terms & conditions", "^copyright", "~copyright ©",
		"~user agreement", "~ad choices", "=adchoices", "~do not sell my", "~california privacy", "~privacy rights",
		"~interest based ads", "~disclaimer", "=privacy", "=terms", "~accessibility", "~modern slavery",
	},
	VAd: {
		"=advertising", "=ad", "=ads", "=sponsored", "=promoted", "^continue reading", "=adchoices",
		"^advertise with",
	},
	VCaption: {
		"^photo:", "^photo by", "^photos:", "^photograph:", "^image:", "^image credit", "^credit:", "=credit",
		"^credit...", "^(image:", "^(photo:", "^(credit", "~getty images", "~shutterstock", "~istock", "^picture:",
		"^pictured:", "^foto:", "^fotos:", "^imagem:", "^bild:", "^crédit", "=image", "^image 1 of", "~reuters/",
		"~/reuters", "~/ap", "~image credit:",
	},
	VPaywall: {
		"~log into your", "~subscription options",
	},
	VFollow: {
		"^follow us", "^follow @", "~follow us on", "^follow the ", "^click to", "^listen to",
		"~get the latest updates", "~affiliate commission", "~we may earn", "~may earn an affiliate",
	},
	VPublished: {
		"^posted on", "^first published", "^publish date", "^published on", "^date:", "^data:", "^fecha:",
		"^datum:", "~published",
	},
	VUpdated: {
		"^last updated", "^last modified", "~updated", "~last modified",
	},
	VSyndication: {
		"~originally published", "~republished", "^via ", "^source:", "^fonte:", "^fuente:", "^quelle:",
	},
	VSponsor: {
		"^sponsor:", "^sponsors:", "^sponsored by", "~sponsored by", "^präsentiert von",
	},
	VReadTime: {},
	VEnd: {
		"^tags:", "=tags", "^tags ", "^topics:", "=topics", "^filed under", "^categories:", "^category:",
		"^posted in", "^related topics", "^more about", "^keywords:", "^tagged", "^etiquetas", "^schlagwörter",
		"^теги", "^метки", "^tópicos", "^temas", "^sujets", "^about the author", "^über den autor", "^über die autorin",
	},
}

// pageKinds maps lexicon's page-vocabulary purposes to their kinds.
var pageKinds = map[string]VocabKind{lexicon.Paywall: VPaywall, lexicon.Newsletter: VNewsletter, lexicon.Legal: VLegal,
	lexicon.Share: VShare, lexicon.Nav: VNav, lexicon.Related: VRelated, lexicon.Comments: VComments, lexicon.Ad: VAd,
	lexicon.ReadTime: VReadTime, lexicon.Prompt: VFollow, lexicon.Caption: VCaption}

// Vocab is the compiled vocabulary.
var Vocab = BuildVocab(nil)

// BuildVocab compiles the vocabulary, leaving out the entries skip names
// (by kind and entry as written above, "^by" for a credit cue): the phrase
// statistics test measures what each entry changes by leaving it out.
func BuildVocab(skip func(kind VocabKind, entry string) bool) *phraseSet {
	var ps []Phrase
	type key struct {
		kind  VocabKind
		entry string
	}
	seen := map[key]bool{} // languages share words ("=del", "=responder")
	add := func(kind VocabKind, entry string) {
		if skip != nil && skip(kind, entry) || seen[key{kind, entry}] {
			return
		}
		seen[key{kind, entry}] = true
		mode := ModeAny
		switch entry[0] {
		case '=':
			mode = ModeWhole
		case '^':
			mode = ModePrefix
		}
		text := FoldLower(strings.TrimSpace(entry[1:]))
		ps = append(ps, Phrase{Text: text, Kind: kind, Mode: mode, Entry: entry})
	}
	for kind, list := range vocabulary {
		for _, s := range list {
			add(kind, s)
		}
	}
	// The generic page vocabulary of each language, kept in lexicon.
	for purpose, langs := range lexicon.Page {
		for _, list := range langs {
			for _, s := range list {
				add(pageKinds[purpose], s)
			}
		}
	}
	// The credit cues open a byline line: one list, lexicon's, for the
	// labels here and for reading the credit.
	for _, c := range lexicon.Cues {
		add(VByline, "^"+c.Text)
	}
	// Roles and wire services are credit vocabulary, kept with the cues.
	for _, e := range lexicon.Roles {
		add(VRole, e)
	}
	for _, e := range lexicon.Agencies {
		add(VAgency, e)
	}
	for _, w := range lexicon.PublishedWords {
		add(VPublished, "^"+w)
	}
	for _, w := range lexicon.UpdatedWords {
		add(VUpdated, "^"+w)
	}
	return NewPhraseSet(ps)
}
