package lexicon

// Roles and Agencies are written in the page vocabulary's notation (see
// Page): '=' the phrase is the whole text, '~' it stands anywhere in it.

// Roles are the roles and desks a credit prints after a name ("Jane Roe,
// Staff Writer", "Ann Lee, Contributing Editor"): the credit reader drops
// a part of the credit holding one.
var Roles = []string{
	"~staff writer", "~staff reporter", "~writer", "~editor", "~correspondent", "~reporter", "~columnist",
	"~contributor", "~contributing", "~producer", "~analyst", "~editor-at-large", "~senior", "~chief", "~staff",
	"~freelance", "~journalist", "~news service", "~wire services", "~bureau", "~special to", "~for the",
	"~opinion columnist", "~guest author", "~team", "~desk",
}

// Agencies are the wire services a credit names beside a writer or
// instead of one ("Ann Lee, Associated Press", "Reuters"): the credit
// reader sets them apart from the authors.
var Agencies = []string{
	"~reuters", "~associated press", "~the associated press", "=ap", "~agence france-presse", "~afp",
	"~bloomberg", "~press trust of india", "=pti", "=ani", "=ians", "=upi", "~united press international",
	"=dpa", "=efe", "=ansa", "~xinhua", "~news agencies", "~agencies", "~wire services", "~news service",
	"~kyodo", "~yonhap", "~tass", "~ria novosti", "~interfax", "~anadolu", "~canadian press", "=cp",
	"~australian associated press", "=aap",
}
