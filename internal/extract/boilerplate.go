package extract

import (
	"strings"

	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// vocabKind is a bit set of the kinds of generic page vocabulary a line
// holds: sharing, navigation, related links, subscription prompts and so on.
// The phrases are the generic words every news template uses, in the dozen
// most common languages; none comes from a particular page.
type vocabKind uint32

const (
	vShare       vocabKind = 1 << iota // share buttons and labels
	vNav                               // site chrome: home, menu, search, sign in
	vRelated                           // related / most read / recommended headings
	vComments                          // comment counters and prompts
	vNewsletter                        // newsletter and e-mail sign-up prompts
	vLegal                             // copyright, privacy, cookies, terms
	vAd                                // advertisement markers
	vCaption                           // photo credits and caption labels
	vPaywall                           // subscription walls
	vFollow                            // follow us, get the app, click here
	vByline                            // "by", "posted by", "author:"
	vPublished                         // "published", "posted on"
	vUpdated                           // "updated", "last modified"
	vSyndication                       // "originally published", "via"
	vSponsor                           // "sponsored by", "presented by"
	vReadTime                          // "5 min read"
	vRole                              // staff writer, correspondent, contributor
	vAgency                            // wire services
	vEnd                               // tags, topics, filed under: the article is over
)

// boilerKinds are the kinds that make a short line boilerplate on their own.
const boilerKinds = vShare | vNav | vRelated | vComments | vNewsletter | vLegal | vAd |
	vCaption | vPaywall | vFollow | vReadTime | vEnd | vSponsor

// vocabulary lists the phrases. The first character is the mode: '=' the
// phrase is the whole line, '^' it starts the line, '~' anywhere.
var vocabulary = map[vocabKind][]string{
	vShare: {
		"=share", "=shares", "=share this", "=share this article", "=share this story", "=share this page",
		"=share on facebook", "=share on twitter", "=share on linkedin", "=share on whatsapp", "=share on google+",
		"=share on pinterest", "=share on reddit", "=share via email", "=share via",
		"=share to", "^share to ", "=sharing", "=share it", "^share on:", "~share on facebook",
		"~share on twitter", "~tweet on twitter", "=tweet", "=facebook", "=twitter", "=linkedin", "=reddit",
		"=pinterest", "=whatsapp", "=email", "=e-mail", "=print", "=pocket", "=flipboard", "=messenger",
		"=instagram", "=youtube", "=tumblr", "=telegram", "=google+", "=copy link", "=copy this link", "=copied",
		"=copied!", "=more sharing options", "=share this with", "^share this with ", "^share this", "=buffer",
		"=pin", "=submit", "~addthis", "=print this article", "=share it with friends", "=email this", "=mail",
		"=rss", "=rss feed", "~opens in new window", "~in a new window", "~in new window", "~click to share",
		"~click to email", "=compartilhe", "=compartilhar", "=compartir", "=partager", "=teilen", "=condividi",
		"=delen", "=поделиться", "=udostępnij", "=dela", "=paylaş", "=compartir en facebook",
		"=partager sur facebook", "=auf facebook teilen", "=condividi su facebook", "=compartilhar no facebook",
	},
	vNav: {
		"=home", "=menu", "=search", "=sign in", "=sign up", "=log in", "=login", "=log out", "=logout",
		"=register", "=subscribe", "=subscribe now", "=my account", "=skip to content", "=skip to main content",
		"=skip to navigation", "=back to top", "=return to top", "=sections", "=close",
		"=more", "=next", "=previous", "=prev", "=back", "=topic", "=topics", "=edition", "=video", "=videos",
		"=photos", "=gallery", "=back to gallery", "=caption", "=open", "=expand", "=collapse",
		"=toggle navigation", "=main menu", "=navigation", "=about", "=about us", "=contact", "=contact us",
		"=advertise", "=careers", "=faq", "=help", "=site map", "=sitemap", "=archives", "=archive",
		"=newsletters", "=podcasts", "=podcast", "=sports", "=news", "=opinion", "=business", "=tech",
		"=technology", "=entertainment", "=politics", "=world", "=local", "=lifestyle", "=health", "=science",
		"=travel", "=weather", "=live", "=latest", "=trending", "=today's paper",
		"=e-edition", "=learn more", "=see more", "=show more", "=load more", "=view all", "=read more",
		"=continue", "=loading", "=search for:", "=enter your search", "=início", "=inicio", "=busca", "=buscar",
		"=accueil", "=rechercher", "=startseite", "=suche", "=главная", "=поиск", "=cerca", "=zoeken",
		"^you are here:", "^home »", "^home >", "^home /", "=print edition", "^sign in to", "=select",
		"=more stories", "=blog", "=reviews", "=features", "=guides", "=deals", "=columns",
	},
	vRelated: {
		"^related", "^related:", "=related", "^related stories", "^related articles", "^related coverage",
		"^related links", "^related topics", "^related news", "^related posts", "^related content", "^read more:",
		"^read more at", "^read next", "^read also", "^also read", "^see also", "^more from", "=more on this",
		"^more on", "^more:", "=more:", "^more stories", "^most popular", "^most read", "^most viewed",
		"^most shared", "^most recent", "^recommended", "^you may also like", "^you might also like",
		"^you may like", "^you might like", "^trending", "^popular on", "^popular in", "^next up", "=up next",
		"^don't miss", "^latest news", "^latest stories", "^top stories", "^editor's picks", "^editors' picks",
		"^also on", "^watch:", "^watch now", "^must read", "^recent articles", "^recent posts",
		"^previous article", "^previous", "^next", "^next article", "^more articles", "^previous post",
		"^next post", "^in case you missed", "^more in", "^more like this", "^stories you may", "^around the web",
		"^from the web", "^promoted stories", "^sponsored stories", "^more news", "^latest videos",
		"^most popular articles", "^leia mais", "^leia também", "^veja também",
		"^veja mais", "^lea también", "^leer más", "^lire aussi", "^à lire aussi", "^a lire aussi",
		"^mehr zum thema", "^lesen sie auch", "^das könnte sie auch", "^leggi anche", "^читайте также",
		"^смотрите также", "^вам также может быть интересно", "^похожие", "^関連記事", "^explore more",
		"^keep reading", "^further reading", "^you may also", "^more stories like this", "^related video",
		"^related videos", "=highlights", "^recommended stories", "^next in", "^top videos", "^trending now",
		"^most popular on", "^relacionados", "^relacionadas", "^noticias relacionadas", "^notícias relacionadas",
		"^artículos relacionados", "^à voir aussi", "^sur le même sujet", "^weitere artikel", "^auch interessant",
		"^articoli correlati", "^potrebbe interessarti", "^lees ook", "^gerelateerd", "^по теме", "^ещё по теме",
		"^czytaj także", "^czytaj też", "^zobacz także",
	},
	vComments: {
		"=comments", "=comment", "=view comments", "=show comments", "=leave a comment", "=post a comment",
		"=add a comment", "^comments powered by", "^join the conversation", "^you must log in to post a comment",
		"^you must be logged in to post a comment", "=no comments", "^comments are closed", "=comente",
		"=comentários", "=comentarios", "=commentaires", "=kommentare", "=commenti", "=комментарии",
		"^leave a reply", "=reply", "^discuss", "^conversation", "^be the first to comment", "^comment on this",
		"=talk", "^comments (", "^show comments", "^comments policy", "^responses to", "^replies to",
		"^comments feed", "^permalink", "^leave a comment", "^post a comment", "~comments feed", "=comentar",
		"=commenta", "=reageer", "=reacties", "=komentarze", "^log in to reply", "^reply to",
	},
	vNewsletter: {
		"~newsletter", "~newsletters", "^sign up", "~sign up for", "~sign up to", "~in your inbox",
		"~to your inbox", "~delivered to your inbox", "=daily email", "~email newsletter", "~no spam",
		"~unsubscribe at any time", "~subscribe to our", "^subscribe to", "^subscribe for", "~get the latest",
		"^get our", "~enter your email", "~your email address", "=get it", "~get breaking",
		"~boletim", "~suscríbete", "~abonnez-vous", "~newsletter abonnieren", "~рассылк", "~boletín",
		"~suscríbete a", "~inscreva-se", "~inscrivez-vous", "~iscriviti alla",
	},
	vLegal: {
		"~cookie", "~cookies", "~privacy policy", "~privacy notice", "~terms of use", "~terms of service",
		"~terms and conditions", "~terms & conditions", "~all rights reserved", "~all right reserved",
		"^copyright", "~copyright ©", "~user agreement", "~ad choices", "=adchoices", "~your ad choices",
		"~do not sell my", "~california privacy", "~privacy rights", "~interest based ads", "~disclaimer",
		"=privacy", "=terms", "~accessibility", "~modern slavery", "~todos os direitos reservados",
		"~todos los derechos reservados", "~tous droits réservés", "~alle rechte vorbehalten",
		"~tutti i diritti riservati", "~все права защищены", "~política de privacidade",
	},
	vAd: {
		"=advertisement", "=advertising", "=ad", "=ads", "=sponsored", "=sponsored content", "=paid content",
		"=promoted", "=partner content", "^continue reading below", "^story continues below",
		"^article continues below", "^scroll to continue", "^advertisement -",
		"=publicidade", "=publicidad", "=publicité", "=werbung", "=anzeige", "=pubblicità", "=реклама",
		"=advertentie", "^continue reading", "=adchoices", "^report this ad", "^advertise with",
	},
	vCaption: {
		"^photo:", "^photo by", "^photos:", "^photograph:", "^image:", "^image copyright", "^image caption",
		"^image credit", "^image source", "^credit:", "=credit", "^credit...", "^(image:", "^(photo:", "^(credit",
		"^file photo", "~getty images", "~shutterstock", "~ap photo", "~(ap photo", "^courtesy of", "~istock",
		"^media caption", "^media playback", "^picture:", "^pictured:", "^foto:", "^fotos:", "^imagem:", "^bild:",
		"^crédit", "=image", "^image 1 of", "^photo 1 of", "~reuters/", "~/reuters", "~/ap", "~afp via getty",
		"^(image credit", "~image credit:",
	},
	vPaywall: {
		"~verify access", "~to read the full story", "~subscribe to continue", "~subscribe to read",
		"~already a subscriber", "~subscriber-only", "~subscribers only", "~for subscribers",
		"~log in to continue", "~sign in to continue", "~create a free account", "~you have reached your",
		"~free articles", "~reader mode", "~premium article", "~continue reading with", "~this article is for",
		"~become a member to", "~to continue reading", "~subscribe for full access", "~exclusive to subscribers",
		"~start your free trial", "~want all of", "~unlock this article", "~register to read", "~log into your",
		"~subscription options", "~solo para suscriptores", "~exclusivo para suscriptores", "~réservé aux abonnés",
		"~abonnez-vous pour", "~nur für abonnenten", "~jetzt abonnieren", "~exclusivo para assinantes",
		"~assine para", "~riservato agli abbonati", "~abbonati per", "~alleen voor abonnees",
		"~только для подписчиков",
	},
	vFollow: {
		"^follow us", "^follow @", "~follow us on", "^follow the ", "^follow our", "~download the app",
		"~get the app", "~click here", "~tap here", "^like this story", "~share it with a friend",
		"~download our app", "^click to", "~by clicking here", "^listen to", "^watch the video",
		"~get the latest updates", "^contact the author", "~affiliate commission", "~we may earn",
		"~may receive a commission", "~may earn an affiliate", "^baixe agora", "~clique aqui", "~haga clic aquí",
		"~cliquez ici", "~hier klicken",
	},
	vPublished: {
		"^posted on", "^first published", "^publish date", "^published on", "^date:", "^data:", "^fecha:",
		"^datum:", "~published",
	},
	vUpdated: {
		"^last updated", "^last modified", "~updated", "~last modified",
	},
	vSyndication: {
		"~originally published", "~originally appeared", "~was originally published", "~republished", "^via ",
		"^source:", "~this article first appeared", "^fonte:", "^fuente:", "^quelle:",
	},
	vSponsor: {
		"^sponsor:", "^sponsors:", "^sponsored by", "~sponsored by", "^presented by", "^brought to you by",
		"^paid for by", "^in partnership with", "^paid content by", "^patrocinado por", "^präsentiert von",
		"^in collaborazione con",
	},
	vReadTime: {
		"~min read", "~minute read", "~minutes read", "~mins read", "^reading time", "^tempo de leitura",
		"^tiempo de lectura", "^temps de lecture", "^lesezeit", "^tempo di lettura", "~время чтения",
	},
	vRole: {
		"~staff writer", "~staff reporter", "~writer", "~editor", "~correspondent", "~reporter", "~columnist",
		"~contributor", "~contributing", "~producer", "~analyst", "~editor-at-large", "~senior", "~chief",
		"~staff", "~freelance", "~journalist", "~news service", "~wire services", "~bureau", "~special to",
		"~for the", "~opinion columnist", "~guest author", "~team", "~desk",
	},
	vAgency: {
		"~reuters", "~associated press", "~the associated press", "=ap", "~agence france-presse", "~afp",
		"~bloomberg", "~press trust of india", "=pti", "=ani", "=ians", "=upi", "~united press international",
		"=dpa", "=efe", "=ansa", "~xinhua", "~news agencies", "~agencies", "~wire services", "~news service",
		"~kyodo", "~yonhap", "~tass", "~ria novosti", "~interfax", "~anadolu", "~canadian press", "=cp",
		"~australian associated press", "=aap",
	},
	vEnd: {
		"^tags:", "=tags", "^tags ", "^topics:", "=topics", "^filed under", "^categories:", "^category:",
		"^posted in", "^related topics", "^more about", "^explore further", "^keywords:", "^tagged", "^etiquetas",
		"^schlagwörter", "^теги", "^метки", "^tópicos", "^temas", "^sujets", "^about the author",
	},
}

// vocab is the compiled vocabulary.
var vocab = buildVocab(nil)

// buildVocab compiles the vocabulary, leaving out the entries skip names
// (by kind and entry as written above, "^by" for a credit cue): the phrase
// statistics test measures what each entry changes by leaving it out.
func buildVocab(skip func(kind vocabKind, entry string) bool) *phraseSet {
	var ps []phrase
	add := func(kind vocabKind, entry string) {
		if skip != nil && skip(kind, entry) {
			return
		}
		mode := modeAny
		switch entry[0] {
		case '=':
			mode = modeWhole
		case '^':
			mode = modePrefix
		}
		text := foldLower(strings.TrimSpace(entry[1:]))
		ps = append(ps, phrase{text: text, kind: kind, mode: mode, entry: entry})
	}
	for kind, list := range vocabulary {
		for _, s := range list {
			add(kind, s)
		}
	}
	// The credit cues open a byline line: one list, lexicon's, for the
	// labels here and for reading the credit.
	for _, c := range lexicon.Cues {
		add(vByline, "^"+c.Text)
	}
	for _, w := range lexicon.PublishedWords {
		add(vPublished, "^"+w)
	}
	for _, w := range lexicon.UpdatedWords {
		add(vUpdated, "^"+w)
	}
	return newPhraseSet(ps)
}
