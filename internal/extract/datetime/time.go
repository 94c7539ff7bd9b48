package datetime

// Times of day and zones, the second half of a written date, and the
// relative forms ("3 hours ago", "yesterday") read against the fetch time.

import (
	"strings"
	"time"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// timeAfter parses a time of day following the date, allowing a few filler
// tokens in between: "8:26 am ET", ", 08:26 PM EST", "at 4:15 pm",
// "17.26 GMT", "às 19:26".
func timeAfter(toks []Token, p *partial) bool {
	j := p.endTok + 1
	for skipped := 0; j < len(toks) && skipped < 3; skipped++ {
		t := toks[j]
		if t.kind == tSep && (t.text == "," || t.text == "-" || t.text == "|" || t.text == "/" || t.text == "•" || t.text == "·" || t.text == "–" || t.text == "—" || t.text == "(") {
			j++
			continue
		}
		if t.kind == tWord && (dateFillers[t.text] || isWeekday(t.text)) {
			j++
			continue
		}
		break
	}
	return timeAt(toks, j, p)
}

// timeBefore looks for a time printed before the date ("10:47 PM EST Mar
// 5, 2024", "6:12 AM PST 03/05/2024") when none follows it.
func timeBefore(toks []Token, i int, m Match) (Match, bool) {
	if m.HasTime || m.Relative {
		return m, false
	}
	for k := max(0, i-10); k < i; k++ {
		if toks[k].kind != tNum {
			continue
		}
		d := m.Date.Time
		p := partial{y: d.Year(), mo: int(d.Month()), d: d.Day(), hasYear: true}
		if !timeAt(toks, k, &p) || p.endTok >= i || p.endTok < i-3 {
			continue
		}
		m2 := m
		m2.HasTime = true
		m2.Date = assembleDate(&p, Context{})
		m2.Start = toks[k].start
		return m2, true
	}
	return m, false
}

// timeAt parses a clock time at token j, with an optional meridiem and
// zone. It sets p's time fields and returns whether one was found.
func timeAt(toks []Token, j int, p *partial) bool {
	if j >= len(toks) || toks[j].kind != tNum {
		return false
	}
	h, mi, end := -1, -1, j
	switch {
	case j+2 < len(toks) && (toks[j+1].text == ":" || toks[j+1].text == "h") && toks[j+2].kind == tNum && !toks[j+1].space && !toks[j+2].space && len(toks[j+2].text) == 2:
		h, mi, end = toks[j].val, toks[j+2].val, j+2
		if end+2 < len(toks) && toks[end+1].text == ":" && toks[end+2].kind == tNum && len(toks[end+2].text) == 2 {
			p.sec = toks[end+2].val
			end += 2
		}
	case j+2 < len(toks) && toks[j+1].text == "." && toks[j+2].kind == tNum && len(toks[j+2].text) == 2 && !toks[j+1].space && !toks[j+2].space:
		// "18.54 GMT": a dotted time only counts with a zone or meridiem.
		if j+3 < len(toks) && (isZoneWord(toks[j+3].text) || isMeridiem(toks[j+3].text)) {
			h, mi, end = toks[j].val, toks[j+2].val, j+2
		}
	case len(toks[j].text) == 4 && j+1 < len(toks) && isZoneWord(toks[j+1].text):
		// "0339 GMT": military time.
		h, mi, end = toks[j].val/100, toks[j].val%100, j
	case len(toks[j].text) <= 2 && j+1 < len(toks) && isMeridiem(toks[j+1].text):
		// "6 PM", "6pm"
		h, mi, end = toks[j].val, 0, j
	}
	if h < 0 || h > 23 || mi < 0 || mi > 59 {
		return false
	}
	k := end + 1
	if k < len(toks) && toks[k].kind == tWord {
		switch toks[k].text {
		case "am", "a", "pm", "p":
			pm := toks[k].text[0] == 'p'
			if (toks[k].text == "a" || toks[k].text == "p") && k+2 < len(toks) && toks[k+1].text == "." && toks[k+2].text == "m" {
				end = k + 2
				if k+3 < len(toks) && toks[k+3].text == "." {
					end = k + 3
				}
			} else if toks[k].text == "am" || toks[k].text == "pm" {
				end = k
			} else {
				break
			}
			if h <= 12 {
				if pm && h < 12 {
					h += 12
				} else if !pm && h == 12 {
					h = 0
				}
			}
		}
	}
	p.h, p.mi = h, mi
	p.hasTime = true
	p.endTok = end
	zoneAt(toks, end+1, p)
	return true
}

// zoneAt parses a zone after a time: "GMT", "EST", "Z", "+05:30", "UTC+1",
// "(EST)".
func zoneAt(toks []Token, k int, p *partial) {
	if k < len(toks) && toks[k].text == "(" {
		k++
	}
	if k >= len(toks) {
		return
	}
	t := toks[k]
	if t.kind == tWord {
		name := t.text
		off, generic, ok := lexicon.Zone(name)
		if !ok {
			return
		}
		p.zoneOff, p.zoneName, p.hasZone = off, strings.ToUpper(name), true
		p.endTok = k
		if generic && usDST(p.y, p.mo, p.d) {
			p.zoneOff += 60
		}
		// "GMT+1", "UTC-05:00"
		if k+2 < len(toks) && (toks[k+1].text == "+" || toks[k+1].text == "-") && toks[k+2].kind == tNum && !toks[k+1].space && (name == "gmt" || name == "utc") {
			if off, end, ok := offsetAt(toks, k+1); ok {
				p.zoneOff, p.endTok = off, end
			}
		}
		return
	}
	if t.kind == tSep && (t.text == "+" || t.text == "-" || t.text == "−") {
		if off, end, ok := offsetAt(toks, k); ok {
			p.zoneOff, p.zoneName, p.hasZone, p.endTok = off, "", true, end
		}
	}
}

// offsetAt parses +05:30, +0530, -5, +1 at token k (the sign).
func offsetAt(toks []Token, k int) (int, int, bool) {
	if k+1 >= len(toks) || toks[k+1].kind != tNum || toks[k+1].space {
		return 0, 0, false
	}
	sign := 1
	if toks[k].text != "+" {
		sign = -1
	}
	n := toks[k+1]
	h, m, end := 0, 0, k+1
	switch len(n.text) {
	case 1, 2:
		h = n.val
		if k+3 < len(toks) && toks[k+2].text == ":" && toks[k+3].kind == tNum && len(toks[k+3].text) == 2 {
			m, end = toks[k+3].val, k+3
		}
	case 4:
		h, m = n.val/100, n.val%100
	default:
		return 0, 0, false
	}
	if h > 14 || m > 59 {
		return 0, 0, false
	}
	return sign * (h*60 + m), end, true
}

// usDST reports whether US daylight saving time is in force on the day:
// from the second Sunday of March to the first Sunday of November.
func usDST(y, mo, d int) bool {
	if y == 0 {
		return false
	}
	if mo < 3 || mo > 11 {
		return false
	}
	if mo > 3 && mo < 11 {
		return true
	}
	first := time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC).Weekday()
	firstSunday := 1 + (7-int(first))%7
	if mo == 3 {
		return d >= firstSunday+7
	}
	return d < firstSunday
}

func isZoneWord(w string) bool {
	_, _, ok := lexicon.Zone(w)
	return ok
}

func isMeridiem(w string) bool { return w == "am" || w == "pm" }

func isWeekday(w string) bool { return lexicon.Weekday(w) }

// relativeUnits maps unit words to durations; "day" and longer give day
// precision.
var relativeUnits = map[string]time.Duration{
	"second": time.Second, "seconds": time.Second, "sec": time.Second, "secs": time.Second,
	"minute": time.Minute, "minutes": time.Minute, "min": time.Minute, "mins": time.Minute, "m": time.Minute,
	"hour": time.Hour, "hours": time.Hour, "hr": time.Hour, "hrs": time.Hour, "h": time.Hour,
	"day": 24 * time.Hour, "days": 24 * time.Hour, "d": 24 * time.Hour,
	"week": 7 * 24 * time.Hour, "weeks": 7 * 24 * time.Hour,
	"minuto": time.Minute, "minutos": time.Minute, "hora": time.Hour, "horas": time.Hour,
	"dia": 24 * time.Hour, "dias": 24 * time.Hour, "día": 24 * time.Hour, "días": 24 * time.Hour,
	"minutes)": time.Minute, "heure": time.Hour, "heures": time.Hour, "jour": 24 * time.Hour, "jours": 24 * time.Hour,
	"minute(s)": time.Minute, "stunde": time.Hour, "stunden": time.Hour, "tag": 24 * time.Hour, "tagen": 24 * time.Hour,
	"minuten": time.Minute, "ore": time.Hour, "giorni": 24 * time.Hour, "giorno": 24 * time.Hour,
	"минут": time.Minute, "минуты": time.Minute, "час": time.Hour, "часа": time.Hour, "часов": time.Hour,
	"день": 24 * time.Hour, "дня": 24 * time.Hour, "дней": 24 * time.Hour,
}

// relativeAt parses "3 hours ago" and its translations ("há 3 horas",
// "hace 3 horas", "il y a 3 heures", "vor 3 Stunden", "3 ore fa",
// "3 часа назад").
func relativeAt(toks []Token, i int, ctx Context, p *partial) bool {
	if ctx.Ref.IsZero() || i+1 >= len(toks) || toks[i+1].kind != tWord {
		return false
	}
	unit, ok := relativeUnits[toks[i+1].text]
	if !ok {
		return false
	}
	before := ""
	if i > 0 && toks[i-1].kind == tWord {
		before = toks[i-1].text
	}
	after := ""
	if i+2 < len(toks) && toks[i+2].kind == tWord {
		after = toks[i+2].text
	}
	if after != "ago" && after != "fa" && after != "назад" && after != "atrás" &&
		before != "há" && before != "hace" && before != "vor" && before != "a" && before != "il" {
		return false
	}
	n := toks[i].val
	if n > 400 {
		return false
	}
	p.relative = true
	p.rel = ctx.Ref.Add(-time.Duration(n) * unit)
	p.relPrecision = article.PrecisionMinute
	if unit >= 24*time.Hour {
		p.relPrecision = article.PrecisionDay
	}
	p.endTok = i + 1
	if after != "" {
		p.endTok = i + 2
	}
	return true
}

// relativeWordAt parses "yesterday", "today" and their translations; a
// time may follow ("Today 12:01 AM").
func relativeWordAt(toks []Token, i int, ctx Context, p *partial) bool {
	if ctx.Ref.IsZero() {
		return false
	}
	days, ok := relativeDay(toks[i].text)
	if !ok {
		return weekdayAt(toks, i, ctx, p)
	}
	// "today" is also an ordinary word; only trust it at the start of a
	// date line, alone or before a time or a separator.
	if i > 0 && toks[i-1].kind == tWord && !isDateCue(toks[i-1].text) {
		return false
	}
	if i+1 < len(toks) {
		switch n := toks[i+1]; {
		case n.kind == tNum:
		case n.kind == tSep && strings.Contains(",|-•·/)(", n.text):
		default:
			return false
		}
	}
	p.relative = true
	p.rel = ctx.Ref.AddDate(0, 0, -days)
	p.relPrecision = article.PrecisionDay
	p.endTok = i
	if timeAfter(toks, p) {
		// The clock time is local to the page; without a zone the day is
		// all that is known.
		p.hasTime = false
	}
	return true
}

// relativeDay returns how many days back a word for today or yesterday
// points.
func relativeDay(w string) (int, bool) {
	switch w {
	case "today", "hoje", "hoy", "aujourd", "heute", "oggi", "vandaag", "сегодня":
		return 0, true
	case "yesterday", "ontem", "ayer", "hier", "gestern", "ieri", "gisteren", "вчера":
		return 1, true
	}
	return 0, false
}

// wordMayOpenDate reports whether a date form can start at the word: a
// month, a weekday, today or yesterday. dateAt asks it first, so a form
// added without it would not be found at all.
func wordMayOpenDate(w string) bool {
	if _, ok := relativeDay(w); ok {
		return true
	}
	_, weekday := weekdayNumbers[w]
	return weekday || lexicon.Month(w) != 0
}

// weekdayNumbers maps English weekday names to time.Weekday.
var weekdayNumbers = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
	"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "tues": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday, "fri": time.Friday, "sat": time.Saturday,
}

// weekdayAt parses "Monday 5:30PM", the last week's form of a timestamp:
// the most recent such day up to the fetch time. A weekday alone is too
// often a word of a sentence; only a weekday followed by a time counts.
func weekdayAt(toks []Token, i int, ctx Context, p *partial) bool {
	wd, ok := weekdayNumbers[toks[i].text]
	if !ok || !toks[i].upper {
		return false
	}
	var q partial
	if !timeAt(toks, i+1, &q) {
		return false
	}
	ref := ctx.Ref
	back := (int(ref.Weekday()) - int(wd) + 7) % 7
	if back == 0 && q.h*60+q.mi > ref.Hour()*60+ref.Minute()+60 {
		back = 7 // a later time today has not happened yet: last week's
	}
	p.relative = true
	p.rel = ref.AddDate(0, 0, -back)
	p.relPrecision = article.PrecisionDay
	p.endTok = q.endTok
	return true
}

func isDateCue(w string) bool {
	switch w {
	case "published", "posted", "updated", "publicado", "atualizado", "publié", "veröffentlicht":
		return true
	}
	return false
}
