package lexicon

// zones are UTC offsets in minutes of the zone abbreviations pages print
// after a time, lower-cased.
var zones = map[string]int{
	"utc": 0, "gmt": 0, "ut": 0, "z": 0, "wet": 0, "west": 60, "bst": 60, "ist": 330, "cet": 60, "cest": 120,
	"met": 60, "mez": 60, "mesz": 120, "eet": 120, "eest": 180, "msk": 180, "est": -300, "edt": -240,
	"cst": -360, "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420, "akst": -540,
	"akdt": -480, "hst": -600, "ast": -240, "adt": -180, "nst": -210, "hkt": 480, "sgt": 480,
	"pht": 480, "awst": 480, "jst": 540, "kst": 540, "acst": 570, "aest": 600, "aedt": 660,
	"nzst": 720, "nzdt": 780, "wat": 60, "cat": 120, "eat": 180, "sast": 120, "wib": 420,
	"brt": -180, "art": -180, "pkt": 300, "gst": 240, "ict": 420,
}

// usGeneric are the US zones printed without saying whether daylight
// saving time applies; the offsets are standard time.
var usGeneric = map[string]int{"et": -300, "ct": -360, "mt": -420, "pt": -480}

// Zone returns the offset in minutes of the lower-cased zone abbreviation.
// generic is true for ET, CT, MT and PT, whose offset is an hour less in
// US summer time: the caller knows the date.
func Zone(w string) (minutes int, generic, ok bool) {
	if m, ok := zones[w]; ok {
		return m, false, true
	}
	m, ok := usGeneric[w]
	return m, ok, ok
}
