package extract

import (
	"strings"
	"unicode"
)

// Language guessing: script first (kana means Japanese, Hangul Korean, and
// so on), then, for Latin and Cyrillic text, which language's function words
// are densest. The lists are small on purpose: the most frequent ~60 words
// of each language cover 35–50% of running text, which separates languages
// and measures jusText's "stop-word density" at the same time.

// langCount is the number of languages with stop-word lists.
const langCount = 13

// stopLangs names the languages with stop-word lists, ISO 639-1.
var stopLangs = [langCount]string{"en", "es", "pt", "fr", "de", "it", "nl", "ru", "pl", "sv", "tr", "id", "uk"}

var stopLists = [langCount]string{
	// en
	`the of and to a in is that for it on was with as he be by at his are this
	from or had not but have an they which you one were her all she there would their we him
	been has when who will more no if out so said what up its about into than them can only
	other new some could time these two may then do first any my now such like our over
	also after did many before must through back years where much your way well down should
	because each just those how too us most even while very`,
	// es
	`de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya
	o este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo
	nos durante todos uno les ni contra otros ese eso ante ellos e esto mí antes algunos qué unos
	yo otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas
	algunas algo nosotros fue ha son era`,
	// pt
	`de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele
	das tem à seu sua ou ser quando muito há nos já está eu também só pelo pela até isso ela
	entre era depois sem mesmo aos ter seus quem nas me esse eles estão você tinha foram essa num
	nem suas meu às minha têm numa pelos elas havia seja qual será nós tenho lhe deles essas esses
	pelas este fosse dele vocês aqui`,
	// fr
	`de la le et les des en un du une que est pour qui dans par plus pas au sur ne se ce il sont
	avec son ont elle aux mais comme on ou leur été nous cette ses sa lui fait tout être aussi
	elles bien ces y peut dont était ils je même entre sans depuis avait alors tous encore faire
	très après deux où autres notre vous cela donc leurs`,
	// de
	`der die und in den von zu das mit sich des auf für ist im dem nicht ein die eine als auch es
	an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum
	war haben nur oder aber vor zur bis mehr durch man sein wurde sei ihre kann ich seine hatte
	ihr dann unter wir soll worden wenn schon diese seit können`,
	// it
	`di e il la che in a per un del non è una le i con dei si da al della lo come ma gli più
	anche sono alla nel ha delle o se questo ci nella dal su tra era cui quando ancora essere
	suo sua loro dopo molto fatto sul degli hanno questa perché già stato poi così solo fra
	tutti ne mi io dove tutto sia chi alle agli nei`,
	// nl
	`de en van het een in is dat op te zijn voor met die niet aan er om ook als dan maar bij
	of uit nog naar door over ze zich wel kan al hij tot was werd worden wordt deze hun heeft
	meer hebben we u geen na zo wat nu moet wij haar daar dit waren`,
	// ru
	`и в не на что с он как по я это к из но то а у за все так же от его для она был ты было
	бы только уже мы вы когда или если о до еще нет при их ее они также может этом были этого
	быть после чем где есть который которые том этой тем ни были между можно том свою более
	очень время себя`,
	// pl
	`i w nie na się z do to że jest o jak a co po ale tak od za jego przez dla by tylko już
	jej może czy są ich był była być bardzo ze oraz lub tym także które który która które gdy
	jednak tego go mu jako też ten te kiedy nawet tej`,
	// sv
	`och i att det som en på är av för med till den har de inte om ett han men var jag sig
	från vi så kan man när år ska hade efter också dig hon nu under eller mycket alla här
	där vara blir sin kommer bara`,
	// tr
	`ve bir bu da de için ile çok daha gibi olarak ama en o ne kadar sonra her şey ben mi
	olan var değil ya veya ancak ki diye şu onun hem bile göre ise tüm kendi zaman yeni`,
	// id
	`yang dan di dengan untuk dari ini itu dalam tidak akan pada juga ke ada oleh sebagai
	bisa mereka kami kita saya atau telah sudah lebih karena tersebut dapat para hanya
	seperti menjadi bahwa harus masih saat setelah namun`,
	// uk
	`і в на що не з до та як це за але по від його є у ми він так вже для вона було їх коли
	був була бути або якщо також ще які який яка щоб про тому цей ця після дуже`,
}

// stopWords maps a word to the bit set of languages listing it.
var stopWords = func() *stopTable {
	t := &stopTable{}
	for li, list := range stopLists {
		for _, w := range strings.Fields(list) {
			t.add(w, 1<<li)
		}
	}
	return t
}()

// stopTable is a hash set of the function words with their language bits.
// Every word of every prose line is looked up, so it avoids what a Go map
// costs per lookup: a word is packed into two integers (no word is longer
// than 16 bytes, and none holds a zero byte, so the packing is unique) and
// compared as such, in a table sparse enough that a miss usually costs one
// probe.
type stopTable struct {
	k0, k1 [stopSlots]uint64
	mask   [stopSlots]uint16
}

const (
	stopSlotBits = 11
	stopSlots    = 1 << stopSlotBits
	maxStopLen   = 16
)

// stopKey packs w, at most maxStopLen bytes, into two integers.
func stopKey(w string) (k0, k1 uint64) {
	for i := 0; i < len(w) && i < 8; i++ {
		k0 |= uint64(w[i]) << (8 * i)
	}
	for i := 8; i < len(w); i++ {
		k1 |= uint64(w[i]) << (8 * (i - 8))
	}
	return k0, k1
}

func stopSlot(k0, k1 uint64) int {
	return int((k0*0x9e3779b97f4a7c15 ^ k1*0xc2b2ae3d27d4eb4f) >> (64 - stopSlotBits))
}

func (t *stopTable) add(w string, bits uint16) {
	if len(w) > maxStopLen {
		panic("extract: stop word longer than maxStopLen: " + w)
	}
	k0, k1 := stopKey(w)
	for i := stopSlot(k0, k1); ; i = (i + 1) & (stopSlots - 1) {
		if t.k0[i] == 0 || t.k0[i] == k0 && t.k1[i] == k1 {
			t.k0[i], t.k1[i] = k0, k1
			t.mask[i] |= bits
			return
		}
	}
}

// lookup returns the language bits of w, 0 when no list has it.
func (t *stopTable) lookup(w string) uint16 {
	if len(w) == 0 || len(w) > maxStopLen {
		return 0
	}
	return t.lookupKey(stopKey(w))
}

// lookupKey is lookup of a word packed by stopKey.
func (t *stopTable) lookupKey(k0, k1 uint64) uint16 {
	for i := stopSlot(k0, k1); ; i = (i + 1) & (stopSlots - 1) {
		switch {
		case t.k0[i] == k0 && t.k1[i] == k1:
			return t.mask[i]
		case t.k0[i] == 0:
			return 0
		}
	}
}

// scriptCounts tallies letters by script for the language guess.
type scriptCounts struct {
	latin, cyrillic, han, kana, hangul, arabic, hebrew, greek, thai, devanagari int
}

func (sc *scriptCounts) add(r rune) {
	switch {
	case r < 0x250:
		sc.latin++
	case r >= 0x370 && r < 0x400:
		sc.greek++
	case r >= 0x400 && r < 0x530:
		sc.cyrillic++
	case r >= 0x590 && r < 0x600:
		sc.hebrew++
	case r >= 0x600 && r < 0x700 || r >= 0x750 && r < 0x780:
		sc.arabic++
	case r >= 0x900 && r < 0x980:
		sc.devanagari++
	case r >= 0xe00 && r < 0xe80:
		sc.thai++
	case r >= 0x3040 && r < 0x3100:
		sc.kana++
	case r >= 0xac00 && r < 0xd7b0 || r >= 0x1100 && r < 0x1200:
		sc.hangul++
	case unicode.Is(unicode.Han, r):
		sc.han++
	}
}

// guessLanguage picks a language from script counts and stop-word hits
// (per language, over the lines that look like prose). It returns "" when
// there is too little evidence.
func guessLanguage(sc scriptCounts, hits [langCount]int) string {
	total := sc.latin + sc.cyrillic + sc.han + sc.kana + sc.hangul + sc.arabic + sc.hebrew + sc.greek + sc.thai + sc.devanagari
	if total == 0 {
		return ""
	}
	switch {
	case sc.kana*10 > total:
		return "ja"
	case sc.hangul*5 > total:
		return "ko"
	case sc.han*3 > total:
		return "zh"
	case sc.arabic*3 > total:
		return "ar"
	case sc.hebrew*3 > total:
		return "he"
	case sc.greek*3 > total:
		return "el"
	case sc.thai*3 > total:
		return "th"
	case sc.devanagari*3 > total:
		return "hi"
	}
	best, second := -1, 0
	for i, n := range hits {
		if sc.cyrillic*2 > total != (stopLangs[i] == "ru" || stopLangs[i] == "uk") {
			continue
		}
		if best < 0 || n > hits[best] {
			if best >= 0 {
				second = hits[best]
			}
			best = i
		} else if n > second {
			second = n
		}
	}
	if best < 0 || hits[best] < 3 || hits[best] == second {
		if sc.cyrillic*2 > total {
			return "ru"
		}
		return ""
	}
	return stopLangs[best]
}

// langIndex returns the stop-list index of an ISO code, or -1.
func langIndex(code string) int {
	for i, l := range stopLangs {
		if l == code {
			return i
		}
	}
	return -1
}
