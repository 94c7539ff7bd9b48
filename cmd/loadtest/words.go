package main

// The vocabulary of the dump generator. Every name here is invented for the
// benchmark (sites live under .example, which never resolves), so generated
// dumps resemble news pages without reproducing any real one.

type site struct {
	name   string // as the masthead prints it
	domain string // under .example
}

var sites = []site{
	{"The Harbor Ledger", "harborledger"},
	{"Northfield Courier", "northfieldcourier"},
	{"The Valley Sentinel", "valleysentinel"},
	{"Pinecrest Daily", "pinecrestdaily"},
	{"The Morning Lantern", "morninglantern"},
	{"Riverside Gazette", "riversidegazette"},
	{"Coastline Chronicle", "coastlinechronicle"},
	{"The Granite Post", "granitepost"},
	{"Metro Dispatch", "metrodispatch"},
	{"The Prairie Observer", "prairieobserver"},
	{"Eastgate Times", "eastgatetimes"},
	{"The Civic Record", "civicrecord"},
	{"Lakeshore Herald", "lakeshoreherald"},
	{"The Summit Review", "summitreview"},
	{"Bayline News", "baylinenews"},
	{"The Weekly Compass", "weeklycompass"},
}

var sections = []string{
	"Home", "World", "Nation", "Politics", "Business", "Markets", "Technology",
	"Science", "Health", "Climate", "Sport", "Culture", "Opinion", "Local",
	"Education", "Travel", "Food", "Books", "Weather", "Obituaries",
}

var firstNames = []string{
	"Amara", "Benedikt", "Carmen", "Dmitri", "Elif", "Farah", "Gideon", "Hana",
	"Ignacio", "Jolene", "Kwame", "Lucia", "Mateus", "Nadia", "Oskar", "Priya",
	"Quentin", "Rosalind", "Samir", "Tova", "Ulrich", "Valeria", "Wendell",
	"Ximena", "Yusuf", "Zofia", "Anders", "Beatrix", "Cormac", "Delphine",
	"Emeka", "Freya", "Gustavo", "Hollis", "Ines", "Jasper", "Keiko", "Leopold",
	"Marisol", "Niall", "Odette", "Paulo", "Rhiannon", "Sven", "Talia",
	"Umberto", "Vivian", "Wilhelmina", "Yara", "Zeke", "Adaeze", "Bram",
	"Celeste", "Darius", "Esme", "Florian", "Greta", "Henrik", "Isadora", "Jun",
}

var lastNames = []string{
	"Abernathy", "Balogun", "Castellano", "Drummond", "Eriksen", "Fairweather",
	"Galloway", "Haverford", "Ishikawa", "Jablonski", "Kowalczyk", "Lindqvist",
	"Mbeki", "Nakashima", "Okonkwo", "Pemberton", "Quintero", "Rasmussen",
	"Saltonstall", "Thibodeaux", "Underhill", "Vasquez", "Whitcombe", "Yilmaz",
	"Zielinski", "Ashcroft", "Brannigan", "Cavendish", "Delacroix", "Eckhardt",
	"Fontaine", "Grimaldi", "Holloway", "Iversen", "Jankowski", "Kettering",
	"Lachance", "Moreau", "Nwachukwu", "Oyelaran", "Prescott", "Radcliffe",
	"Sorensen", "Tremblay", "Upshaw", "Vanderberg", "Westbrook", "Xiong",
	"Yamamoto", "Zamora", "Albrecht", "Bellamy", "Crowther", "Dunleavy",
	"Esposito", "Fitzgerald", "Gustafsson", "Hargreaves", "Ingram", "Jorgensen",
	"Kinsella", "Lockhart", "Montague", "Northcott", "Osterman", "Pellegrino",
	"Quarles", "Rutherford", "Sinclair", "Tanaka", "Ulloa", "Valentini",
	"Wakefield", "Yoshida", "Zellweger", "Achterberg", "Bouchard", "Carrington",
}

var agencies = []string{"Wire Services", "Press Union", "Newsline Agency", "Global Desk"}

var roles = []string{
	"a spokeswoman for", "a spokesman for", "the chief executive of",
	"an economist at", "a senior official at", "the director of",
	"a professor of public policy at", "a board member of", "the treasurer of",
	"a researcher at", "the deputy mayor responsible for", "a lawyer representing",
	"an analyst who follows", "the head of communications at", "a former adviser to",
}

var orgs = []string{
	"the Regional Transit Authority", "the Northfield Water District",
	"the Ministry of Agriculture", "Calder & Finch", "the city council",
	"the port authority", "the state health department",
	"the national statistics office", "Meridian Energy", "the teachers' union",
	"the Coastal Fisheries Board", "Brightwell Pharmaceuticals",
	"the county planning commission", "the central bank", "Ironvale Mining",
	"the Federation of Small Businesses", "the university hospital",
	"the housing cooperative", "Solstice Airlines", "the environmental agency",
	"the chamber of commerce", "the electoral commission", "Tidewater Logistics",
	"the regional parliament", "the farmers' association", "Quarry Lane Capital",
	"the public broadcaster", "the supreme court", "the railway operator",
	"the school board",
}

var places = []string{
	"Ashford", "Port Verity", "Lindenfeld", "Marlow Bay", "Kestrel Point",
	"Oakhaven", "Saltmarsh", "Briarwood", "Cinder Falls", "Dunmere",
	"Elmstead", "Fernbrook", "Glenhollow", "Hearthstone", "Ivybridge",
	"Juniper Ridge", "Kingsmoor", "Larkspur", "Millbrook", "Newhaven Cross",
	"Orchard Vale", "Pebble Creek", "Queensferry", "Redcliff", "Stonebridge",
	"Thornbury", "Upper Wexley", "Violet Hill", "Westmarch", "Yarrow Glen",
}

var regions = []string{"NA", "WE", "KT", "MR", "SV", "OH", "LN", "PD", "RC", "TB"}

var nouns = []string{
	"budget", "proposal", "agreement", "report", "plan", "shortage",
	"investigation", "election", "contract", "bridge", "pipeline", "vaccine",
	"reform", "lawsuit", "strike", "merger", "forecast", "harvest", "tariff",
	"ordinance", "referendum", "settlement", "audit", "subsidy", "deadline",
	"expansion", "closure", "ceasefire", "inquiry", "recall", "rezoning",
	"pension fund", "water supply", "rail line", "power grid", "trade deal",
	"housing project", "school curriculum", "tax credit", "flood barrier",
	"hiring freeze", "wage increase", "emergency fund", "data breach",
	"transit fare", "clinic", "stadium", "reservoir", "highway", "ferry service",
}

var pluralNouns = []string{
	"residents", "officials", "workers", "farmers", "investors", "students",
	"voters", "analysts", "drivers", "nurses", "teachers", "shopkeepers",
	"commuters", "tenants", "engineers", "lawmakers", "researchers", "parents",
	"fishermen", "retirees", "volunteers", "contractors", "doctors", "miners",
	"pilots", "landlords", "exporters", "regulators", "economists", "activists",
}

var adjectives = []string{
	"preliminary", "sweeping", "controversial", "long-delayed", "modest",
	"unexpected", "bipartisan", "temporary", "ambitious", "revised",
	"costly", "scaled-back", "closely watched", "unprecedented", "detailed",
	"draft", "emergency", "multiyear", "provisional", "contested", "overdue",
	"leaked", "final", "independent", "regional",
}

var pastVerbs = []string{
	"approved", "rejected", "announced", "delayed", "criticised", "endorsed",
	"unveiled", "postponed", "questioned", "expanded", "suspended", "revised",
	"challenged", "defended", "published", "scrapped", "renewed", "audited",
	"blocked", "welcomed", "investigated", "finalised", "reviewed", "funded",
}

var baseVerbs = []string{
	"approve", "reject", "delay", "expand", "suspend", "revise", "challenge",
	"review", "fund", "reconsider", "extend", "cut", "restore", "replace",
	"audit", "block", "finalise", "publish", "renegotiate", "phase out",
}

var presentVerbs = []string{
	"weighs", "backs", "rejects", "delays", "expands", "questions", "unveils",
	"pauses", "defends", "revives", "scraps", "tightens", "eases", "probes",
}

var adverbs = []string{
	"quickly", "narrowly", "quietly", "sharply", "gradually", "unanimously",
	"reluctantly", "formally", "repeatedly", "abruptly", "cautiously",
}

var timePhrases = []string{
	"on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
	"over the weekend", "last week", "earlier this month", "late on Thursday",
	"in March", "in the autumn", "last year", "this spring", "overnight",
	"after a three-hour meeting", "before the holiday recess", "at dawn",
}

var clauses = []string{
	"a move that surprised many observers",
	"despite months of negotiations",
	"after a lengthy public hearing",
	"citing rising costs and a shrinking workforce",
	"although several details remain unresolved",
	"in a decision that could affect thousands of households",
	"following complaints from neighbouring towns",
	"as pressure mounted from both sides",
	"even as the numbers continued to climb",
	"ahead of a vote expected later in the year",
	"while critics warned of unintended consequences",
	"according to documents reviewed by reporters",
	"for the first time in more than a decade",
	"amid growing uncertainty about the economy",
	"with little public debate",
}

var sourcePhrases = []string{
	"people familiar with the matter", "a statement released by the agency",
	"figures published this week", "two officials who spoke on condition of anonymity",
	"minutes of the closed-door meeting", "a filing with the regulator",
	"an internal memo", "preliminary estimates", "court records",
	"a survey of local businesses",
}

var quoteOpeners = []string{
	"We have been clear from the start that", "Nobody should be surprised that",
	"It is simply not true that", "What matters now is that",
	"I think most people understand that", "We were told for years that",
	"The evidence shows that", "Our members are worried that",
	"Frankly, it is remarkable that", "There is no question that",
}

var sayVerbs = []string{"said", "told reporters", "wrote in an email", "said in an interview", "added", "said at a news conference"}

var months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// apMonths are the abbreviations news agencies print before a day number.
var apMonths = []string{"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}

var paywallLines = []string{
	"Subscribe to continue reading.",
	"You have reached your limit of free articles this month.",
	"Already a subscriber? Sign in.",
	"Get unlimited digital access for less than a coffee a week.",
	"Create a free account to keep reading.",
	"This article is for members only. Join today.",
	"Support independent local reporting: become a subscriber.",
	"Log in or subscribe to read the full story.",
	"Your free preview has ended.",
	"Cancel anytime. Offer for new subscribers only.",
}

var footerLines = []string{
	"Privacy Policy | Terms of Use | Contact Us",
	"Advertise with us",
	"Newsletters",
	"Manage cookie preferences",
	"Report a correction",
	"Back to top",
	"Share this article",
	"Follow us",
}

var sponsorLines = []string{
	"Sponsored: Switch your energy plan and save this winter.",
	"Advertisement",
	"Sponsored content from a partner",
	"Paid post: The smarter way to plan your retirement.",
	"Promoted: Ten weekend getaways within two hours of the city.",
}

var readTimes = []string{"3 min read", "4 min read", "5 min read", "6 min read", "Listen to this article", "Updated"}
