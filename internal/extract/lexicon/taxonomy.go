package lexicon

// The words of a page's taxonomy: the labels that introduce its section and
// its tags, the first step of a breadcrumb, the route words of an address,
// and the marks of a photo credit.

// sectionLabels introduce the section on a line of its own ("Filed under:
// Politics"), per language.
var sectionLabels = map[string][]string{
	"en": {"filed under:", "filed under", "posted in", "categories:", "category:", "section:"},
	"de": {"kategorie:", "kategorien:", "rubrik:", "veröffentlicht in", "abgelegt unter:", "abgelegt unter"},
	"fr": {"catégorie:", "rubrique:"},
	"es": {"categoría:", "sección:"},
	"it": {"categoria:", "sezione:"},
	"pt": {"categoria:", "seção:"},
	"nl": {"categorie:", "rubriek:"},
	"pl": {"kategoria:", "dział:"},
}

// tagLabels introduce a tag list on a line of its own ("Tags: a, b"), per
// language.
var tagLabels = map[string][]string{
	"en": {"tags:", "tagged:", "tagged", "keywords:", "topics:", "tag:"},
	"de": {"schlagwörter:", "schlagworte:", "stichworte:", "themen:"},
	"fr": {"étiquettes:", "mots-clés:"},
	"es": {"etiquetas:", "palabras clave:"},
	"it": {"parole chiave:"},
	"pt": {"palavras-chave:"},
	"nl": {"trefwoorden:"},
	"pl": {"tagi:", "słowa kluczowe:"},
	"cs": {"štítky:"},
}

// SectionLabels and TagLabels are every language's labels, in the order of
// Languages.
var SectionLabels, TagLabels = flattenInOrder(sectionLabels), flattenInOrder(tagLabels)

func flattenInOrder(m map[string][]string) []string {
	var out []string
	seen := map[string]bool{}
	for _, lang := range Languages {
		for _, w := range m[lang] {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// HomeSteps are a breadcrumb's first step, the site's front page, lower
// case.
var HomeSteps = map[string]bool{"home": true, "startseite": true, "start": true, "accueil": true, "inicio": true,
	"home page": true, "homepage": true, "strona główna": true, "hauptseite": true, "startpagina": true}

// RouteWords are path segments that name a kind of page or a technical
// route, not the part of the site an article is filed in.
var RouteWords = map[string]bool{"index": true, "page": true, "pages": true, "content": true, "node": true,
	"view": true, "story": true, "stories": true, "artikel": true, "article": true, "articles": true, "post": true,
	"posts": true, "amp": true, "detail": true, "details": true, "item": true, "items": true, "entry": true,
	"www": true, "web": true, "html": true, "cms": true, "wp": true, "site": true, "sites": true, "public": true,
	"default": true, "main": true, "read": true, "show": true, "print": true, "contents": true, "id": true}

// PhotoCredit are the marks of a photo credit or caption, which sits where
// a standfirst does: the copyright sign, the word for a photo, the picture
// agencies.
var PhotoCredit = []string{"©", "foto", "photo", "bild:", "credit", "getty", "imago", "dpa", "reuters", "afp"}

// SourceLabels are the words that label the credit of a picture or a
// report ("Quelle: …", "Crédits photos : …"), folded to lower case.
var SourceLabels = []string{
	"source", "sources", "photo", "photos", "image", "images", "credit", "credits", "photo credit", "image credit", // en
	"quelle", "quellen", "foto", "fotos", "bild", "bilder", // de
	"crédit", "crédits", "crédits photos", "crédit photo", // fr
	"fuente", "fuentes", // es
	"fonte", "fontes", // pt, it
	"źródło", // pl
}
