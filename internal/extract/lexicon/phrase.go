package lexicon

import (
	"strings"
	"unicode/utf8"
)

// What tells a capitalised noun phrase from a person's name in languages
// whose headings and menus capitalise it like one ("Die Nachrichten",
// "Weitere Artikel", "La Presse", "Mein Konto").

// phraseOpeners are, per language, the closed-class words a noun phrase
// opens with and a person's name never does: articles, possessive,
// demonstrative and negative determiners, quantifiers, and prepositions
// fused with an article. English leaves out its modal verbs and months
// ("Will", "May"), which its stop words hold and which open given names.
var phraseOpeners = map[string]string{
	"en": `the a an my your our their its this these those every each no all any some other`,
	"de": `der die das den dem des ein eine einer eines einem einen kein keine keiner keines keinem keinen
	mein meine meiner meines meinem meinen dein deine deiner deines deinem deinen sein seine seiner
	seines seinem seinen ihr ihre ihrer ihres ihrem ihren unser unsere unserer unseres unserem unseren
	euer eure eurer eures eurem euren dieser diese dieses diesem diesen jeder jede jedes jedem jeden
	alle aller allen alles viele mehr weitere andere im am zu zum zur vom beim ins ans aufs übers
	über unter für mit aus nach bei auf an in um gegen ohne durch hier jetzt`,
	"fr": `le la les l' un une des du au aux mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs
	ce cet cette ces tout toute tous toutes chaque aucun aucune autres plus pour sur dans avec sans`,
	"es": `el la los las un una unos unas mi mis tu tus su sus nuestro nuestra nuestros nuestras
	este esta estos estas ese esa esos esas todo toda todos todas cada otros otras más para con sin sobre`,
	"it": `il lo la i gli le un uno una mio mia miei mie tuo tua suo sua nostro nostra nostri nostre
	questo questa questi queste quel quella ogni tutti tutte altri altre più per con su nel nella`,
	"pt": `o a os as um uma uns umas meu minha meus minhas teu tua seu sua seus suas nosso nossa nossos
	nossas este esta estes estas esse essa todo toda todos todas cada outros outras mais para com sem
	no na nos nas`,
	"nl": `het een mijn jouw uw zijn haar ons onze hun deze dit die elke alle meer andere voor met over
	naar bij`,
	"pl": `mój moja moje twój twoja twoje nasz nasza nasze wasz wasza wasze ten ta te to każdy każda
	wszystkie więcej inne dla bez przez`,
	"cs": `můj moje tvůj tvoje náš naše váš vaše ten ta to tyto každý každá všechny další jiné pro bez`,
	"sv": `min mitt mina din ditt dina vår vårt våra er ert era den det de denna detta dessa alla fler
	andra för med om`,
	"da": `min mit mine din dit dine vores jeres den det de denne dette disse alle flere andre for med om`,
}

var phraseOpenerSet = func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for lang, words := range phraseOpeners {
		set := map[string]bool{}
		for _, w := range strings.Fields(words) {
			set[w] = true
		}
		m[lang] = set
	}
	return m
}()

// PhraseOpener reports whether the lower-cased w opens a noun phrase in
// lang and so cannot open a person's name there.
func PhraseOpener(lang, w string) bool { return phraseOpenerSet[lang][w] }

// nounSuffixes are, per language, derivational suffixes of abstract and
// collective nouns, singular and plural: a capitalised word ending in one
// is a noun, not a given name or a surname ("Zustellung", "Faszination").
// minStem is the stem a word keeps before the suffix, so that short
// surnames ending in the same letters ("Jung", "Hartung") stay names.
var nounSuffixes = map[string][]string{
	"de": {"ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion", "tionen", "sion",
		"sionen", "tät", "täten", "ismus", "ismen", "nisse"},
}

// adjectiveSuffixes are, per language, the derivational suffixes of
// adjectives, each with the inflections an attributive adjective takes
// after it before its noun. A first word made of both ("Öffentliche",
// "Aktuelles", "Effiziente", "Weitere") is an adjective opening a noun
// phrase. Where a given name ends in the same letters ("Michelle",
// "Pascale"), the suffix takes only the endings no given name has, unless
// a longer suffix rules the name out ("Internationale").
var adjectiveSuffixes = map[string][]adjectiveSuffix{
	"de": {
		{"lich", allEndings}, {"ig", allEndings}, {"isch", allEndings}, {"bar", allEndings},
		{"sam", allEndings}, {"haft", allEndings}, {"los", allEndings}, {"voll", allEndings},
		{"iv", allEndings}, {"ant", allEndings}, {"ent", allEndings}, {"är", allEndings},
		{"ös", allEndings}, {"end", allEndings}, {"iert", allEndings}, {"er", allEndings},
		{"ell", longEndings}, {"al", longEndings}, {"ional", allEndings}, {"ionell", allEndings},
	},
}

type adjectiveSuffix struct {
	text    string
	endings []string
}

var (
	allEndings  = []string{"e", "er", "es", "en", "em"}
	longEndings = []string{"er", "es", "en", "em"}
)

// minStem is the fewest letters a word keeps before a noun or adjective
// suffix for the suffix to count.
const minStem = 4

// NounSuffix reports whether the lower-cased w ends in a noun-forming
// suffix of lang, after a stem long enough to be a word of its own.
func NounSuffix(lang, w string) bool {
	for _, suf := range nounSuffixes[lang] {
		if stem, ok := strings.CutSuffix(w, suf); ok && utf8.RuneCountInString(stem) >= minStem {
			return true
		}
	}
	// -ung alone ends surnames too ("Hartung"): only after a longer stem.
	if stem, ok := strings.CutSuffix(w, "ung"); ok && lang == "de" && utf8.RuneCountInString(stem) > minStem {
		return true
	}
	return false
}

// InflectedAdjective reports whether the lower-cased w is an adjective of
// lang inflected before a noun: a derivational adjective suffix, then an
// attributive ending.
func InflectedAdjective(lang, w string) bool {
	for _, suf := range adjectiveSuffixes[lang] {
		for _, end := range suf.endings {
			base, ok := strings.CutSuffix(w, end)
			if !ok {
				continue
			}
			if stem, ok := strings.CutSuffix(base, suf.text); ok && utf8.RuneCountInString(stem) >= minStem {
				return true
			}
		}
	}
	return false
}

// CapitalisesNouns reports a language that writes every noun with a
// capital (German): there a capitalised pair of words is as often a noun
// phrase as a name.
func CapitalisesNouns(lang string) bool { return lang == "de" }
