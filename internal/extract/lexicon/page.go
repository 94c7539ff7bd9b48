package lexicon

// Page vocabulary: what templates print around an article, one list per
// purpose and language. Only the standard words and phrases of each
// language's web pages: the labels of buttons and menus, the headings of
// link lists, the usual prompts. Never a sentence of one site.
//
// An entry's first character says where in a line it counts: '=' it is
// the whole line (a button or a menu entry), '^' it opens the line (a
// heading or a label), '~' anywhere on word boundaries (a prompt inside a
// sentence). Entries are lower case.

// The purposes of the page vocabulary.
const (
	Paywall    = "paywall"    // subscription walls
	Newsletter = "newsletter" // newsletter and e-mail sign-up prompts
	Legal      = "legal"      // cookies, privacy, terms, copyright
	Share      = "share"      // share buttons
	Nav        = "nav"        // site chrome: home, search, menu, sign in
	Related    = "related"    // headings of lists of other articles
	Comments   = "comments"   // comment sections
	Ad         = "ad"         // advertisement markers
	ReadTime   = "readtime"   // reading time
	Prompt     = "prompt"     // click here, get the app
	Caption    = "caption"    // labels of photo captions and credits
)

// Page maps a purpose to its entries per language.
var Page = map[string]map[string][]string{
	Paywall: {
		"en": {"~already a subscriber", "~subscribers only", "~subscribe to continue",
			"~subscribe to read", "~to continue reading", "~exclusive to subscribers", "~subscriber-only"},
		"de": {"~nur für abonnenten", "~bereits abonnent", "~jetzt abonnieren", "~abo abschließen"},
		"fr": {"~réservé aux abonnés", "~déjà abonné", "~abonnez-vous pour"},
		"es": {"~solo para suscriptores", "~exclusivo para suscriptores", "~ya eres suscriptor", "~suscríbete para"},
		"it": {"~riservato agli abbonati", "~già abbonato", "~abbonati per"},
		"pt": {"~exclusivo para assinantes", "~já é assinante", "~assine para"},
		"nl": {"~alleen voor abonnees", "~al abonnee", "~word abonnee"},
		"pl": {"~tylko dla subskrybentów", "~tylko dla prenumeratorów", "~wykup subskrypcję", "~wykup dostęp"},
		"cs": {"~pouze pro předplatitele", "~jen pro předplatitele"},
		"sv": {"~för prenumeranter", "~bli prenumerant"},
		"da": {"~kun for abonnenter", "~bliv abonnent"},
		"nb": {"~kun for abonnenter", "~bli abonnent"},
	},
	Newsletter: {
		"en": {"~newsletter", "~newsletters", "~sign up for", "~in your inbox", "~to your inbox", "~email newsletter"},
		"de": {"~newsletter abonnieren", "~zum newsletter", "~newsletter anmelden"},
		"fr": {"~lettre d'information", "~inscrivez-vous", "~abonnez-vous"},
		"es": {"~nuestro boletín", "~suscríbete"},
		"it": {"~iscriviti", "~iscriviti alla"},
		"pt": {"~inscreva-se", "~nossa newsletter"},
		"nl": {"~nieuwsbrief", "~schrijf je in"},
		"pl": {"~zapisz się", "~newslettera"},
		"cs": {"~odebírat newsletter", "~přihlaste se k odběru"},
		"sv": {"~nyhetsbrev"},
		"da": {"~nyhedsbrev"},
		"nb": {"~nyhetsbrev"},
	},
	Legal: {
		"en": {"~cookie", "~cookies", "~privacy policy", "~terms of use", "~terms of service", "~all rights reserved"},
		"de": {"~datenschutzerklärung", "~alle rechte vorbehalten", "~nutzungsbedingungen", "=datenschutz", "=impressum", "=agb"},
		"fr": {"~politique de confidentialité", "~tous droits réservés", "~mentions légales", "~conditions d'utilisation"},
		"es": {"~política de privacidad", "~todos los derechos reservados", "~aviso legal", "~política de cookies"},
		"it": {"~informativa sulla privacy", "~tutti i diritti riservati", "~note legali"},
		"pt": {"~política de privacidade", "~todos os direitos reservados", "~termos de uso"},
		"nl": {"~privacybeleid", "~alle rechten voorbehouden", "~algemene voorwaarden"},
		"pl": {"~polityka prywatności", "~wszelkie prawa zastrzeżone", "~polityka cookies"},
		"cs": {"~všechna práva vyhrazena", "~ochrana osobních údajů"},
		"sv": {"~alla rättigheter förbehållna", "~integritetspolicy"},
		"da": {"~alle rettigheder forbeholdes", "~privatlivspolitik"},
		"nb": {"~alle rettigheter reservert", "~personvernerklæring"},
	},
	Share: {
		"en": {"=share", "=share this", "=print", "=email", "=tweet", "=copy link", "=copy this link", "=share this page", "=share via"},
		"de": {"=teilen", "=drucken", "=artikel teilen", "=auf facebook teilen"},
		"fr": {"=partager", "=imprimer", "=partager sur facebook"},
		"es": {"=compartir", "=imprimir", "=compartir en facebook"},
		"it": {"=condividi", "=stampa", "=condividi su facebook"},
		"pt": {"=compartilhar", "=compartilhe", "=imprimir", "=compartilhar no facebook"},
		"nl": {"=delen", "=deel", "=printen"},
		"pl": {"=udostępnij", "=drukuj", "=podziel się"},
		"cs": {"=sdílet", "=tisk"},
		"sv": {"=dela", "=skriv ut"},
		"da": {"=del", "=udskriv"},
		"nb": {"=del", "=skriv ut"},
	},
	Nav: {
		"en": {"=home", "=menu", "=search", "=sign in", "=log in", "=skip to content", "=back to top", "=show more",
			"=load more", "=see more", "=return to top"},
		"de": {"=startseite", "=suche", "=menü", "=anmelden", "=abmelden", "=registrieren", "=zurück", "=weiter",
			"=nach oben", "=kontakt", "=zum inhalt springen"},
		"fr": {"=accueil", "=rechercher", "=recherche", "=connexion", "=se connecter", "=retour", "=suivant",
			"=précédent", "=haut de page", "=aller au contenu"},
		"es": {"=inicio", "=buscar", "=menú", "=iniciar sesión", "=volver", "=siguiente", "=anterior", "=contacto",
			"=ir al contenido"},
		"it": {"=cerca", "=accedi", "=registrati", "=indietro", "=avanti", "=successivo", "=precedente", "=contatti",
			"=vai al contenuto"},
		"pt": {"=início", "=busca", "=buscar", "=pesquisar", "=entrar", "=voltar", "=próximo", "=contato",
			"=ir para o conteúdo"},
		"nl": {"=zoeken", "=inloggen", "=registreren", "=terug", "=volgende", "=vorige", "=naar inhoud"},
		"pl": {"=strona główna", "=szukaj", "=zaloguj się", "=zaloguj", "=wróć", "=następny", "=poprzedni",
			"=przejdź do treści"},
		"cs": {"=úvod", "=hledat", "=přihlásit se", "=další", "=předchozí", "=přejít k obsahu"},
		"sv": {"=sök", "=meny", "=logga in", "=nästa", "=föregående"},
		"da": {"=søg", "=log ind", "=næste", "=forrige"},
		"nb": {"=søk", "=meny", "=logg inn", "=neste", "=forrige"},
		"ru": {"=главная", "=поиск", "=войти"},
	},
	Related: {
		"en": {"^related", "^read more", "^see also", "^most read", "^most popular", "^you may also like",
			"^you might also like", "^more from", "^recommended", "^related news", "^related content", "^related links",
			"^related videos", "^read also", "^also read", "^further reading", "^most shared"},
		"de": {"^lesen sie auch", "^mehr zum thema", "^weitere artikel", "^auch interessant", "^das könnte sie auch",
			"^meistgelesen", "^ähnliche artikel", "^verwandte artikel", "^weiterlesen", "^verwandte themen",
			"^neueste artikel", "^neueste beiträge", "^beliebte beiträge", "^ähnliche beiträge", "^das könnte dich auch",
			"^empfehlungen der redaktion", "^empfehlungen aus der redaktion", "^top themen", "^weitere inhalte"},
		"fr": {"^lire aussi", "^à lire aussi", "^a lire aussi", "^à voir aussi", "^sur le même sujet", "^les plus lus",
			"^articles similaires", "^voir aussi", "^articles en relation", "^articles liés"},
		"es": {"^lea también", "^leer más", "^noticias relacionadas", "^artículos relacionados", "^lo más leído",
			"^te puede interesar", "^relacionados", "^relacionadas"},
		"it": {"^leggi anche", "^articoli correlati", "^potrebbe interessarti", "^i più letti", "^vedi anche"},
		"pt": {"^leia mais", "^leia também", "^veja também", "^veja mais", "^notícias relacionadas", "^mais lidas"},
		"nl": {"^lees ook", "^lees meer", "^gerelateerd", "^meest gelezen", "^zie ook"},
		"pl": {"^czytaj także", "^czytaj też", "^czytaj więcej", "^zobacz także", "^zobacz też", "^najczęściej czytane",
			"^podobne artykuły"},
		"cs": {"^čtěte také", "^přečtěte si také", "^související články", "^nejčtenější"},
		"sv": {"^läs också", "^läs mer", "^mest läst", "^relaterat"},
		"da": {"^læs også", "^læs mere", "^mest læste", "^relateret"},
		"nb": {"^les også", "^les mer", "^mest lest", "^relatert"},
		"ru": {"^читайте также", "^смотрите также", "^по теме", "^ещё по теме", "^похожие"},
	},
	Comments: {
		"en": {"=comments", "=leave a comment", "=post a comment", "=add a comment", "=no comments",
			"^leave a reply", "^comments are closed", "^be the first to comment", "^reply to"},
		"de": {"=kommentare", "^kommentar schreiben", "^schreibe einen kommentar", "^kommentare sind geschlossen",
			"=antworten", "^kommentar verfassen", "^einen kommentar schreiben", "^bisher keine kommentare",
			"^noch keine kommentare", "^kommentieren sie"},
		"fr": {"=commentaires", "^laisser un commentaire", "^ajouter un commentaire", "^écrire un commentaire", "=répondre"},
		"es": {"=comentarios", "=comentar", "^deja un comentario", "^dejar un comentario", "=responder"},
		"it": {"=commenti", "=commenta", "^lascia un commento", "=rispondi"},
		"pt": {"=comentários", "=comente", "^deixe um comentário", "=responder"},
		"nl": {"=reacties", "=reageer", "^plaats een reactie", "^laat een reactie achter"},
		"pl": {"=komentarze", "^dodaj komentarz", "=skomentuj", "=odpowiedz"},
		"cs": {"=komentáře", "=diskuse", "^přidat komentář", "=odpovědět"},
		"sv": {"=kommentarer", "^lämna en kommentar", "=svara"},
		"da": {"=kommentarer", "^skriv en kommentar", "=svar"},
		"nb": {"=kommentarer", "^legg igjen en kommentar", "=svar"},
		"ru": {"=комментарии"},
	},
	Ad: {
		"en": {"=advertisement", "=sponsored content", "=paid content", "=partner content", "^story continues below",
			"^article continues below", "^continue reading below"},
		"de": {"=anzeige", "=werbung"}, "fr": {"=publicité"}, "es": {"=publicidad"}, "it": {"=pubblicità"},
		"pt": {"=publicidade"}, "nl": {"=advertentie"}, "pl": {"=reklama"}, "cs": {"=reklama"},
		"sv": {"=annons"}, "da": {"=annonce"}, "nb": {"=annonse"}, "ru": {"=реклама"},
	},
	ReadTime: {
		"en": {"~min read", "~minute read", "~minutes read", "~mins read", "^reading time"},
		"de": {"^lesezeit"}, "fr": {"^temps de lecture"}, "es": {"^tiempo de lectura"}, "it": {"^tempo di lettura"},
		"pt": {"^tempo de leitura"}, "nl": {"^leestijd"}, "pl": {"^czas czytania"}, "cs": {"^doba čtení"},
		"sv": {"^lästid"}, "da": {"^læsetid"}, "nb": {"^lesetid"}, "ru": {"~время чтения"},
	},
	Caption: {
		"en": {"^image caption", "^media caption", "^image copyright", "^photo caption", "^caption:", "^photo:", "^image:", "^photo by",
			"^image credit", "^credit:", "^file photo", "~photograph:"},
		"de": {"^bildunterschrift", "^foto:", "^bild:", "^fotos:", "^bildquelle"},
		"fr": {"^légende", "^crédit photo", "^photo :"}, "es": {"^pie de foto", "^foto:", "^fotografía:"},
		"it": {"^didascalia", "^foto:"}, "pt": {"^legenda", "^foto:", "^imagem:"}, "nl": {"^bijschrift", "^foto:"},
		"pl": {"^podpis zdjęcia", "^fot.", "^zdjęcie:"}, "cs": {"^foto:", "^popisek"}, "sv": {"^bildtext", "^foto:"},
		"da": {"^billedtekst", "^foto:"}, "nb": {"^bildetekst", "^foto:"},
	},
	Prompt: {
		"en": {"~click here", "~tap here", "~download the app", "~get the app", "~download our app",
			"~rely on your support", "~donate today"},
		"de": {"~hier klicken", "~klicken sie hier", "~unterstütze uns", "~unterstützen sie uns", "~ihr beitrag hilft",
			"~unterstütze unser"},
		"fr": {"~cliquez ici"}, "es": {"~haga clic aquí", "~haz clic aquí"},
		"it": {"~clicca qui"}, "pt": {"~clique aqui"}, "nl": {"~klik hier"}, "pl": {"~kliknij tutaj", "~kliknij tu"},
		"cs": {"~klikněte zde"}, "sv": {"~klicka här"}, "da": {"~klik her"}, "nb": {"~klikk her"},
	},
}

// SignOff is what sign-offs and prompts around a story say, in lower
// case: the HTML front-end drops a short block at the content's edges that
// says one of them.
var SignOff = []string{
	"share this", "share it", "subscribe", "newsletter", "sign up", "follow us", "follow her", "on twitter",
	"on facebook", "on instagram", "you may also like", "you might also like", "read more", "related articles",
	"related stories", "contributed to this report", "all rights reserved", "advertisement", "recommended for you",
	"more from",
}

// PaywallWords are the words a subscription wall is written in, per
// language: subscribing, subscribers, access, accounts, signing in. Alone
// they are ordinary words; next to a line that says a paywall phrase they
// mark the rest of the wall.
var PaywallWords = map[string][]string{
	"en": {"subscribe", "subscriber", "subscribers", "subscription", "access", "account", "log in", "log into",
		"login", "sign in", "keep reading", "continue reading", "full story", "full article", "premium"},
	"de": {"abonnieren", "abonnent", "abonnenten", "abonnement", "abo", "zugang", "konto", "anmelden", "einloggen",
		"weiterlesen", "premium"},
	"fr": {"abonner", "abonnez-vous", "abonné", "abonnés", "abonnement", "accès", "compte", "connecter",
		"connectez-vous", "lire la suite"},
	"es": {"suscribirse", "suscríbete", "suscriptor", "suscriptores", "suscripción", "acceso", "cuenta",
		"iniciar sesión", "seguir leyendo"},
	"it": {"abbonati", "abbonato", "abbonamento", "accesso", "accedi", "account", "continua a leggere"},
	"pt": {"assine", "assinante", "assinantes", "assinatura", "acesso", "conta", "entrar", "continuar lendo"},
	"nl": {"abonneer", "abonnee", "abonnees", "abonnement", "toegang", "account", "inloggen", "verder lezen"},
	"pl": {"subskrypcja", "subskrypcję", "prenumerata", "prenumeratę", "dostęp", "konto", "zaloguj", "czytaj dalej"},
	"cs": {"předplatné", "předplatitel", "předplatitele", "přístup", "účet", "přihlásit"},
	"sv": {"prenumerera", "prenumerant", "prenumeration", "konto", "logga in"},
	"da": {"abonnent", "abonnement", "konto", "log ind"},
	"nb": {"abonnent", "abonnement", "konto", "logg inn"},
}
