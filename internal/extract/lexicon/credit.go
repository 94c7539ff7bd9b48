package lexicon

import (
	"sort"
	"strings"
)

// A Cue opens an author credit: "By", "Autor:", "par".
type Cue struct {
	Text string
	// Preposition marks a cue that is also an ordinary word of its
	// language ("par", "von", "di"): it only counts before a name.
	Preposition bool
	// Glued marks a cue written without a space before the name, as in
	// scripts without spaces between words ("记者张三").
	Glued bool
}

// cues are the credit openers per language. Roles that only label the
// value ("Autor:") are cues too.
var cues = map[string][]Cue{
	"en": {{Text: "analysis by"}, {Text: "commentary by"}, {Text: "interview by"}, {Text: "reporting by"},
		{Text: "opinion by"}, {Text: "written by"}, {Text: "posted by"}, {Text: "review by"}, {Text: "story by"},
		{Text: "words by"}, {Text: "text by"}, {Text: "authors"}, {Text: "author"}, {Text: "by"}},
	"de": {{Text: "autorin"}, {Text: "autor"}, {Text: "autoren"}, {Text: "verfasser"}, {Text: "geschrieben von"},
		{Text: "erstellt von"}, {Text: "gepostet von"}, {Text: "veröffentlicht von"}, {Text: "ein artikel von"},
		{Text: "ein beitrag von"}, {Text: "durch", Preposition: true}, {Text: "von", Preposition: true}},
	"fr": {{Text: "auteur"}, {Text: "autrice"}, {Text: "écrit par"}, {Text: "publié par"}, {Text: "rédigé par"}, {Text: "par", Preposition: true}},
	"es": {{Text: "autor"}, {Text: "autora"}, {Text: "escrito por"}, {Text: "publicado por"}, {Text: "escribe"}, {Text: "por", Preposition: true}},
	"it": {{Text: "autore"}, {Text: "autrice"}, {Text: "scritto da"}, {Text: "pubblicato da"}, {Text: "di", Preposition: true}},
	"pt": {{Text: "autor"}, {Text: "autora"}, {Text: "escrito por"}, {Text: "publicado por"}, {Text: "por", Preposition: true}},
	"nl": {{Text: "auteur"}, {Text: "geschreven door"}, {Text: "geplaatst door"}, {Text: "door", Preposition: true}},
	"pl": {{Text: "autor(ka)"}, {Text: "autorka"}, {Text: "autor"}},
	"cs": {{Text: "autor(ka)"}, {Text: "autorka"}, {Text: "autor"}},
	"sv": {{Text: "författare"}, {Text: "skribent"}, {Text: "av", Preposition: true}},
	"da": {{Text: "forfatter"}, {Text: "skrevet af"}, {Text: "af", Preposition: true}},
	"nb": {{Text: "forfatter"}, {Text: "skrevet av"}},
	"hu": {{Text: "szerző"}, {Text: "írta"}},
	"ru": {{Text: "автор"}, {Text: "текст"}},
	"uk": {{Text: "автор"}},
	"ar": {{Text: "بقلم"}, {Text: "كتب"}},
	"zh": {{Text: "记者", Glued: true}, {Text: "作者", Glued: true}},
	"ja": {{Text: "記者", Glued: true}, {Text: "執筆", Glued: true}},
	"ko": {{Text: "작성자"}},
}

// Suffixes follow the name in a credit where the language puts the role
// after it: "김민수 기자" (Korean), "王小明 记者".
var Suffixes = []string{"기자", "记者", "記者", "특파원"}

// Cues returns every language's credit cues, longest first, so that
// "posted by" wins over "by" and "autorin" over "autor".
var Cues = func() []Cue {
	seen := map[string]bool{}
	var out []Cue
	for _, lang := range Languages {
		for _, c := range cues[lang] {
			if !seen[c.Text] {
				seen[c.Text] = true
				out = append(out, c)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Text) > len(out[j].Text) })
	return out
}()

// conjunctions join two names in a credit ("A and B").
var conjunctions = map[string]bool{}

func init() {
	for _, l := range []string{
		"and",    // en
		"und",    // de
		"et",     // fr
		"y e",    // es, it/pt
		"en",     // nl
		"i",      // pl ("a", cs, is also an initial)
		"och og", // sv, da/nb
		"és",     // hu
		"ve",     // tr
		"и і",    // ru, uk
	} {
		for _, w := range strings.Fields(l) {
			conjunctions[w] = true
		}
	}
}

// Conjunction reports whether the lower-cased w joins two names.
func Conjunction(w string) bool { return conjunctions[w] }

// particles may stand in lower case inside a person's name.
var particles = map[string]bool{
	"de": true, "da": true, "das": true, "do": true, "dos": true, "del": true, "della": true, "di": true,
	"van": true, "von": true, "der": true, "den": true, "ter": true, "la": true, "le": true, "du": true,
	"bin": true, "ibn": true, "al": true, "el": true, "y": true, "st.": true, "zu": true, "af": true,
}

// NameParticle reports whether the lower-cased w is a particle of a
// person's name ("van", "de", "al").
func NameParticle(w string) bool { return particles[w] }
