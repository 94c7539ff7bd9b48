package datetime

import (
	"strconv"
	"strings"
	"time"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// Parse reads a date as pages state it in metadata and <time>
// elements: ISO 8601 and its relatives ("2024-03-06 12:08:51+08:00",
// "20240305", "2024-03-05T20:15:33+0000"), RFC 1123, month-name forms
// ("March 5, 2024, 08:26 PM EST", "5 Mar 2024 06:44 GMT",
// "Mar. 5, 2024 8:26 am ET") and Unix timestamps. The zone is kept as
// stated; ok is false when s holds no plausible date.
func Parse(s string) (*article.Date, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 6 || len(s) > 80 {
		return nil, false
	}
	if d, ok := ParseISO(s); ok {
		return d, true
	}
	if d, ok := parseUnix(s); ok {
		return d, true
	}
	return parseWordDate(s)
}

func fixedDigits(s string, i, n int) (int, bool) {
	if i+n > len(s) {
		return 0, false
	}
	v := 0
	for j := i; j < i+n; j++ {
		c := s[j]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

func ParseISO(s string) (*article.Date, bool) {
	y, ok := fixedDigits(s, 0, 4)
	if !ok {
		return nil, false
	}
	i := 4
	sep := i < len(s) && (s[i] == '-' || s[i] == '/' || s[i] == '.')
	if sep {
		i++
	}
	mo, ok := fixedDigits(s, i, 2)
	if !ok {
		return nil, false
	}
	i += 2
	if sep {
		if i >= len(s) || s[i] != s[4] {
			return nil, false
		}
		i++
	}
	day, ok := fixedDigits(s, i, 2)
	if !ok {
		return nil, false
	}
	i += 2
	if !plausibleDay(y, mo, day) {
		return nil, false
	}
	rest := s[i:]
	d := &article.Date{Precision: article.PrecisionDay}
	hh, mm, ss, prec, rest := parseClock(rest)
	if prec == "" {
		if rest != "" && (rest[0] >= '0' && rest[0] <= '9' || rest[0] == 'T' && len(rest) > 1) {
			return nil, false // more digits, or a time we cannot read
		}
		d.Time = time.Date(y, time.Month(mo), day, 0, 0, 0, 0, time.UTC)
		return d, true
	}
	d.Precision = prec
	loc, has := parseZone(rest)
	d.HasZone = has
	if !has {
		loc = time.UTC
	}
	d.Time = time.Date(y, time.Month(mo), day, hh, mm, ss, 0, loc)
	return d, true
}

func plausibleDay(y, mo, day int) bool {
	return y >= 1990 && y <= 2100 && mo >= 1 && mo <= 12 && day >= 1 && day <= 31
}

// parseClock reads "T10:00", " 10:00:05.123", "10:00 PM" at the start of
// s (after an optional T, space or comma).
func parseClock(s string) (hh, mm, ss int, prec article.Precision, rest string) {
	t := strings.TrimLeft(s, " ,T")
	t = strings.TrimPrefix(strings.TrimPrefix(t, "at "), "- ")
	var ok bool
	n := 2
	if hh, ok = fixedDigits(t, 0, 2); !ok {
		if hh, ok = fixedDigits(t, 0, 1); !ok {
			return 0, 0, 0, "", s
		}
		n = 1
	}
	if n >= len(t) || (t[n] != ':' && t[n] != '.' && t[n] != 'h') {
		return 0, 0, 0, "", s
	}
	if mm, ok = fixedDigits(t, n+1, 2); !ok {
		return 0, 0, 0, "", s
	}
	t = t[n+3:]
	prec = article.PrecisionMinute
	if len(t) >= 3 && t[0] == ':' {
		if v, ok := fixedDigits(t, 1, 2); ok {
			ss, t = v, t[3:]
			prec = article.PrecisionSecond
			if len(t) > 1 && (t[0] == '.' || t[0] == ',') {
				j := 1
				for j < len(t) && t[j] >= '0' && t[j] <= '9' {
					j++
				}
				t = t[j:]
			}
		}
	}
	tt := strings.TrimLeft(t, " ")
	low := strings.ToLower(tt)
	for _, ap := range []string{"a.m.", "p.m.", "am", "pm"} {
		if strings.HasPrefix(low, ap) {
			if ap[0] == 'p' && hh < 12 {
				hh += 12
			} else if ap[0] == 'a' && hh == 12 {
				hh = 0
			}
			t = tt[len(ap):]
			break
		}
	}
	if hh > 23 || mm > 59 || ss > 60 {
		return 0, 0, 0, "", s
	}
	return hh, mm, ss, prec, t
}

// parseZone reads "Z", "+05:30", "+0530", "+05", "-0500" or a zone
// abbreviation at the start of s.
func parseZone(s string) (*time.Location, bool) {
	t := strings.TrimLeft(s, " ")
	if t == "" {
		return nil, false
	}
	if t[0] == '+' || t[0] == '-' {
		sign := 1
		if t[0] == '-' {
			sign = -1
		}
		h, ok := fixedDigits(t, 1, 2)
		if !ok {
			return nil, false
		}
		m := 0
		r := t[3:]
		r = strings.TrimPrefix(r, ":")
		if v, ok := fixedDigits(r, 0, 2); ok {
			m = v
		}
		if h > 14 || m > 59 {
			return nil, false
		}
		off := sign * (h*3600 + m*60)
		return time.FixedZone(offsetName(off), off), true
	}
	j := 0
	for j < len(t) && t[j] >= 'A' && t[j] <= 'Z' {
		j++
	}
	word := t[:j]
	// The US zones that do not say whether summer time applies are read
	// as standard time: metadata states offsets, not these.
	if m, _, ok := lexicon.Zone(strings.ToLower(word)); ok && j > 0 && (j == len(t) || !isASCIILetter(t[j])) {
		off := m * 60
		if word == "Z" || word == "UTC" || word == "GMT" || word == "UT" {
			rest := strings.TrimLeft(t[j:], " ")
			if rest != "" && (rest[0] == '+' || rest[0] == '-') {
				return parseZone(rest)
			}
			return time.UTC, true
		}
		return time.FixedZone(word, off), true
	}
	return nil, false
}

func offsetName(off int) string {
	if off == 0 {
		return "UTC"
	}
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return string(sign) + pad2(off/3600) + ":" + pad2(off%3600/60)
}

func pad2(v int) string {
	if v < 10 {
		return "0" + strconv.Itoa(v)
	}
	return strconv.Itoa(v)
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func parseUnix(s string) (*article.Date, bool) {
	if len(s) != 10 && len(s) != 13 {
		return nil, false
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return nil, false
	}
	if len(s) == 13 {
		v /= 1000
	}
	t := time.Unix(v, 0).UTC()
	if t.Year() < 1995 || t.Year() > 2100 {
		return nil, false
	}
	return &article.Date{Time: t, Precision: article.PrecisionSecond, HasZone: true}, true
}

// parseWordDate reads dates with a month name: "Tue, 05 Mar 2024
// 06:44:00 +0000", "March 5, 2024, 08:26 PM EST", "5 Mar 2024 06:44 GMT".
func parseWordDate(s string) (*article.Date, bool) {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '|' })
	var mo time.Month
	day, year := 0, 0
	clockAt := -1
	for i, f := range fields {
		lf := strings.ToLower(strings.TrimSuffix(f, "."))
		if m := lexicon.Month(lf); m != 0 && mo == 0 {
			mo = time.Month(m)
			continue
		}
		if v, err := strconv.Atoi(strings.TrimRight(lf, "stndrh")); err == nil {
			switch {
			case len(lf) == 4 && year == 0 && v >= 1990:
				year = v
			case v >= 1 && v <= 31 && day == 0 && (len(lf) <= 2 || strings.TrimRight(lf, "stndrh") != lf):
				day = v
			}
			if year != 0 && day != 0 && mo != 0 {
				clockAt = i + 1
				break
			}
			continue
		}
		if year != 0 && day != 0 && mo != 0 {
			clockAt = i
			break
		}
	}
	if mo == 0 || day == 0 || year == 0 || !plausibleDay(year, int(mo), day) {
		return nil, false
	}
	d := &article.Date{Time: time.Date(year, mo, day, 0, 0, 0, 0, time.UTC), Precision: article.PrecisionDay}
	if clockAt >= 0 && clockAt < len(fields) {
		rest := strings.Join(fields[clockAt:], " ")
		hh, mm, ss, prec, r := parseClock(rest)
		if prec != "" {
			loc, has := parseZone(r)
			if !has {
				loc = time.UTC
			}
			d.Time = time.Date(year, mo, day, hh, mm, ss, 0, loc)
			d.Precision, d.HasZone = prec, has
		}
	}
	return d, true
}

// Format writes d as the diagnostics and tests show it: the day alone
// when only the day is known, else RFC 3339 in the stated zone.
func Format(d *article.Date) string {
	if d.Precision == article.PrecisionDay {
		return d.Day()
	}
	return d.Time.Format("2006-01-02T15:04:05Z07:00")
}
