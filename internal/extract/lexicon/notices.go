package lexicon

// Notices the HTML front-end drops from an article's body when a short
// block says one of them: an author's box, a comment form's sign-in prompt,
// the placeholder of an embedded post that waits for consent, a legal
// disclaimer, a box of further information. Lower case; the standard
// wording of each language's pages, never a sentence of one site.

// AuthorBoxHeadings, in lower case, per language (en, de, fr, es, it, pt,
// nl, pl).
var AuthorBoxHeadings = []string{
	"about the author", "about the authors", "about the writer", "author", "the author",
	"über den autor", "über die autorin", "über die autoren", "zum autor", "zur autorin", "zu den autoren", "autor",
	"autorin", "der autor", "die autorin",
	"à propos de l'auteur", "à propos de l’auteur", "l'auteur", "l’auteur", "l'autrice", "l’autrice",
	"sobre el autor", "sobre la autora", "el autor", "la autora",
	"l'autore", "l’autore", "sull'autore", "sull’autore",
	"sobre o autor", "sobre a autora", "o autor",
	"over de auteur", "de auteur",
	"o autorze", "o autorce",
}

// Signing in and commenting, in lower case, per language.
var (
	LoginWords = []string{"logged in", "log in", "sign in", "signed in", "eingeloggt", "einloggen", "loggen sie sich",
		"angemeldet sein", "connecté", "connectez-vous", "iniciar sesión", "conectado", "effettuare il login",
		"accedi", "ingelogd", "inloggen", "zalogowany", "zaloguj"}
	CommentWords = []string{"comment", "kommentar", "commentaire", "comentar", "commento", "commentare", "reactie",
		"komentarz", "skomentować"}
)

// The placeholder's three themes, in lower case, per language: the
// reader's privacy, their consent, and the outside content or the link to
// it. Stems, so that inflected forms count.
var (
	ConsentPrivacyWords = []string{"privacy", "personal data", "datenschutz", "privatsphäre", "persönlichen daten",
		"personenbezogene", "vie privée", "données personnelles", "confidentialité", "privacidad", "datos personales",
		"dati personali", "privacidade", "dados pessoais", "prywatnoś", "dane osobowe", "persoonsgegevens"}
	ConsentAgreeWords = []string{"consent", "einverständnis", "einwillig", "zustimm", "stimme", "consentement",
		"consentimiento", "consenso", "consentimento", "zgod", "toestemming", "settings", "einstellungen",
		"paramètres", "configuración", "impostazioni", "configurações", "ustawienia", "instellingen"}
	ConsentOutsideWords = []string{"twitter", "youtube", "instagram", "facebook", "tiktok", "vimeo", "spotify",
		"podcast", "third-party", "third party", "external content", "drittanbieter", "externe", "inhalte",
		"verbindung", "contenu", "tiers", "contenido", "terceros", "contenuti", "terze parti", "conteúdo",
		"terceiros", "treści", "zewnętrzn", "inhoud", "derden"}
)

// DisclaimerPhrases are the standard wording of such notices, in lower
// case, per language (en, de, fr, es, it, nl, pl).
var DisclaimerPhrases = []string{
	"do not necessarily reflect", "does not necessarily reflect", "affiliate links", "affiliate link",
	"unless otherwise noted", "unless otherwise stated",
	"ohne gewähr", "keine gewähr", "affiliate-links", "affiliate-link", "sofern nicht anders ausgewiesen",
	"sofern nicht anders angegeben",
	"n'engagent que", "n’engagent que", "n'engage que", "n’engage que", "liens affiliés", "sauf mention contraire",
	"no reflejan necesariamente", "enlaces de afiliados", "enlaces de afiliado", "salvo que se indique lo contrario",
	"link di affiliazione", "salvo diversa indicazione",
	"linki afiliacyjne",
}

// MoreInfoHeadings, in lower case, per language (en, de, fr, es, it, pt,
// nl, pl).
var MoreInfoHeadings = []string{
	"more information", "further information", "additional information", "more info",
	"weitere informationen", "mehr informationen", "weiterführende informationen", "zusätzliche informationen",
	"plus d'informations", "plus d’informations", "pour en savoir plus", "informations complémentaires",
	"más información", "información adicional", "ulteriori informazioni", "maggiori informazioni",
	"mais informações", "informações adicionais", "meer informatie", "więcej informacji", "dodatkowe informacje",
}
