package lexicon

// StopLangs are the languages with function-word lists, in the order the
// text front-end keeps its per-language counts (at most 16: one bit each).
var StopLangs = []string{"en", "es", "pt", "fr", "de", "it", "nl", "ru", "pl", "sv", "tr", "id", "uk", "cs", "hu", "da"}

// StopWords are each language's most frequent function words. The lists
// are small on purpose: the most frequent ~60 words of a language cover
// 35–50% of running text, which separates languages and measures
// jusText's "stop-word density" at the same time. Both front-ends guess
// the language from them.
var StopWords = map[string]string{
	"en": `the of and to a in is that for it on was with as he be by at his are this
	from or had not but have an they which you one were her all she there would their we him
	been has when who will more no if out so said what up its about into than them can only
	other new some could time these two may then do first any my now such like our over
	also after did many before must through back years where much your way well down should
	because each just those how too us most even while very`,
	"es": `de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya
	o este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo
	nos durante todos uno les ni contra otros ese eso ante ellos e esto mí antes algunos qué unos
	yo otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas
	algunas algo nosotros fue ha son era`,
	"pt": `de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele
	das tem à seu sua ou ser quando muito há nos já está eu também só pelo pela até isso ela
	entre era depois sem mesmo aos ter seus quem nas me esse eles estão você tinha foram essa num
	nem suas meu às minha têm numa pelos elas havia seja qual será nós tenho lhe deles essas esses
	pelas este fosse dele vocês aqui`,
	"fr": `de la le et les des en un du une que est pour qui dans par plus pas au sur ne se ce il sont
	avec son ont elle aux mais comme on ou leur été nous cette ses sa lui fait tout être aussi
	elles bien ces y peut dont était ils je même entre sans depuis avait alors tous encore faire
	très après deux où autres notre vous cela donc leurs`,
	"de": `der die und in den von zu das mit sich des auf für ist im dem nicht ein die eine als auch es
	an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum
	war haben nur oder aber vor zur bis mehr durch man sein wurde sei ihre kann ich seine hatte
	ihr dann unter wir soll worden wenn schon diese seit können`,
	"it": `di e il la che in a per un del non è una le i con dei si da al della lo come ma gli più
	anche sono alla nel ha delle o se questo ci nella dal su tra era cui quando ancora essere
	suo sua loro dopo molto fatto sul degli hanno questa perché già stato poi così solo fra
	tutti ne mi io dove tutto sia chi alle agli nei`,
	"nl": `de en van het een in is dat op te zijn voor met die niet aan er om ook als dan maar bij
	of uit nog naar door over ze zich wel kan al hij tot was werd worden wordt deze hun heeft
	meer hebben we u geen na zo wat nu moet wij haar daar dit waren`,
	"ru": `и в не на что с он как по я это к из но то а у за все так же от его для она был ты было
	бы только уже мы вы когда или если о до еще нет при их ее они также может этом были этого
	быть после чем где есть который которые том этой тем ни были между можно том свою более
	очень время себя`,
	"pl": `i w nie na się z do to że jest o jak a co po ale tak od za jego przez dla by tylko już
	jej może czy są ich był była być bardzo ze oraz lub tym także które który która które gdy
	jednak tego go mu jako też ten te kiedy nawet tej`,
	"sv": `och i att det som en på är av för med till den har de inte om ett han men var jag sig
	från vi så kan man när år ska hade efter också dig hon nu under eller mycket alla här
	där vara blir sin kommer bara`,
	"tr": `ve bir bu da de için ile çok daha gibi olarak ama en o ne kadar sonra her şey ben mi
	olan var değil ya veya ancak ki diye şu onun hem bile göre ise tüm kendi zaman yeni`,
	"id": `yang dan di dengan untuk dari ini itu dalam tidak akan pada juga ke ada oleh sebagai
	bisa mereka kami kita saya atau telah sudah lebih karena tersebut dapat para hanya
	seperti menjadi bahwa harus masih saat setelah namun`,
	"uk": `і в на що не з до та як це за але по від його є у ми він так вже для вона було їх коли
	був була бути або якщо також ще які який яка щоб про тому цей ця після дуже`,
	"cs": `a v se na je že s z do o to i k ve by jako za ale jsou po jak pro které který která tak od jeho
	být jsem jen už také nebo při jejich bylo byl byla není když než ještě před podle mezi tím této tento proto`,
	"hu": `a az és hogy nem is egy ez meg de van volt csak már még mint ki el be kell lesz azt sem fel ha
	most minden vagy pedig után között amely ami aki ezt ahol majd lett mert nagyon szerint több olyan`,
	"da": `og i at det en den til er som på de med han af for ikke der var mig sig men et har om vi min havde
	ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne
	ind når være noget ville deres efter ned skulle denne end dette også under have meget hvis nogle`,
}
