package credit

import "strings"

// One list of the words that tell a credit from a person's name, and two
// extensions, each for one kind of input.

// orgWords are the words of organisation, publication and desk names:
// a credit holding one ("Example Daily Staff", "Redaktion", "City
// Council") names no person. Both front-ends test names against it.
var orgWords = wordSet(`
	news media press times post daily journal magazine tv radio network online group inc llc ltd corp
	company corporation staff team editorial editors desk newsroom bureau service services agency wire
	report reports blog admin contributors associated reuters bloomberg foundation institute university
	council government ministry department office association club records studio studios productions
	publishing publications sponsored business insider today weekly tribune herald gazette review
	chronicle globe channel digital international national global world edition`)

// lineWords extend orgWords for a credit read from a line of text: the page
// furniture, dates and times a dump prints next to a name ("Ann Lee View
// More Articles", "Updated 2 hours ago", "Monday"). A stated author value
// holds none of them, and there a month is as often a given name ("June
// Lee"), so the value side leaves them out.
var lineWords = wordSet(`
	more articles view photo photos video share comments search home menu subscribe newsletter podcast
	live watch read follow shop store deals sign login updated published posted minutes hours ago the
	monday tuesday wednesday thursday friday saturday sunday january february march april june july
	august september october november december`)

// valueWords extend orgWords for a stated author value (metadata,
// JSON-LD): roles, the short wire-service names, a content system's
// accounts and the desk's name in other languages, which a value carries
// beside or instead of a person's name ("Jane Roe, Senior Writer", "AFP",
// "webmaster", "Redaktion"); the value side sets them apart as
// organisations. A line of text is first matched against the page
// vocabulary, whose role and agency phrases do this work there; and a
// desk printed alone as a dump's credit line ("Die Redaktion") is the
// credit the page gives (as after a cue, see loneCredit): with the desk words
// here, the text side lost the one development page that credits its desk
// so.
var valueWords = wordSet(`
	writer writers editor correspondent reporter reporters contributor contributing columnist
	photographer producer analyst intern senior chief guest partner content official user
	administrator webmaster agencies wires afp ap upi ians pti
	redaktion rédaction redacción redação`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
