// Package lexicon holds the extractor's word lists, one per purpose and
// language, in one place: both the text and the HTML front-ends read dates
// and credits with these, so they cannot disagree.
//
// Every entry is a generic word of its language (a month, a weekday, "by",
// "and"), never a phrase from one site's template. Lookups take a word
// already lower-cased; they are maps built once at start-up.
package lexicon

import "strings"

// Languages lists the languages with a vocabulary here (ISO 639-1).
var Languages = []string{"en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sv", "da", "nb", "fi",
	"hu", "tr", "id", "ru", "uk", "ar", "zh", "ja", "ko"}

// months are the month names per language, each string twelve words in
// calendar order: full names, the genitive that dates use (pl, cs, ru,
// uk, fi), and abbreviations that are not ordinary words. Where two
// languages share a word it means the same month.
var months = map[string][]string{
	"en": {"january february march april may june july august september october november december",
		"jan feb mar apr may jun jul aug sep oct nov dec"},
	"de": {"januar februar märz april mai juni juli august september oktober november dezember",
		"jän feb mär apr mai jun jul aug sep okt nov dez"},
	"fr": {"janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
		"janv févr mars avr mai juin juil août sept oct nov déc"},
	"es": {"enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
		"ene feb mar abr may jun jul ago sep oct nov dic",
		"enero febrero marzo abril mayo junio julio agosto setiembre octubre noviembre diciembre"},
	"it": {"gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
		"gen feb mar apr mag giu lug ago set ott nov dic"},
	"pt": {"janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
		"jan fev mar abr mai jun jul ago set out nov dez"},
	"nl": {"januari februari maart april mei juni juli augustus september oktober november december",
		"jan feb mrt apr mei jun jul aug sep okt nov dec"},
	"pl": {"stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
		"styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień"},
	"cs": {"ledna února března dubna května června července srpna září října listopadu prosince",
		"leden únor březen duben květen červen červenec srpen září říjen listopad prosinec"},
	"sv": {"januari februari mars april maj juni juli augusti september oktober november december"},
	"da": {"januar februar marts april maj juni juli august september oktober november december"},
	"nb": {"januar februar mars april mai juni juli august september oktober november desember"},
	"fi": {"tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta lokakuuta marraskuuta joulukuuta"},
	"hu": {"január február március április május június július augusztus szeptember október november december",
		"jan febr márc ápr máj jún júl aug szept okt nov dec"},
	"tr": {"ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık"},
	"id": {"januari februari maret april mei juni juli agustus september oktober november desember"},
	"ru": {"января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
		"январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь"},
	"uk": {"січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня"},
	"ar": {"يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر"},
}

// weekdays are the day names per language, Monday first; dates print them
// before the day and bylines before the date.
var weekdays = map[string][]string{
	"en": {"monday tuesday wednesday thursday friday saturday sunday", "mon tue wed thu fri sat sun",
		"tues thur thurs"},
	"de": {"montag dienstag mittwoch donnerstag freitag samstag sonntag", "sonnabend"},
	"fr": {"lundi mardi mercredi jeudi vendredi samedi dimanche"},
	"es": {"lunes martes miércoles jueves viernes sábado domingo"},
	"it": {"lunedì martedì mercoledì giovedì venerdì sabato domenica"},
	"pt": {"segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo"},
	"nl": {"maandag dinsdag woensdag donderdag vrijdag zaterdag zondag"},
	"pl": {"poniedziałek wtorek środa czwartek piątek sobota niedziela"},
	"cs": {"pondělí úterý středa čtvrtek pátek sobota neděle"},
	"sv": {"måndag tisdag onsdag torsdag fredag lördag söndag"},
	"da": {"mandag tirsdag onsdag torsdag fredag lørdag søndag"},
	"hu": {"hétfő kedd szerda csütörtök péntek szombat vasárnap"},
	"ru": {"понедельник вторник среда четверг пятница суббота воскресенье"},
}

var monthIndex, weekdayIndex = func() (map[string]int, map[string]bool) {
	mo := map[string]int{}
	for _, lists := range months {
		for _, l := range lists {
			for i, w := range strings.Fields(l) {
				if _, ok := mo[w]; !ok {
					mo[w] = i + 1
				}
			}
		}
	}
	// Abbreviations with their full stop dropped are above; these are the
	// longer ones pages also print.
	mo["sept"], mo["febr"] = 9, 2
	wd := map[string]bool{}
	for _, lists := range weekdays {
		for _, l := range lists {
			for _, w := range strings.Fields(l) {
				wd[w] = true
				// "segunda-feira" is also printed "segunda"; the date
				// tokenizer sees the first half.
				if i := strings.IndexByte(w, '-'); i > 0 {
					wd[w[:i]] = true
				}
			}
		}
	}
	return mo, wd
}()

// Month returns the month (1–12) the lower-cased word names in any of the
// languages, or 0.
func Month(w string) int { return monthIndex[w] }

// Weekday reports whether the lower-cased word names a day of the week.
func Weekday(w string) bool { return weekdayIndex[w] }

// MonthFirst reports whether numeric dates in lang put the month first
// (11/19/2019): only US English does among the languages here; every other
// convention is day first.
func MonthFirst(lang string) bool { return lang == "en" }
