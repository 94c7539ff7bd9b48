package page

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/pressroom/pressroom/internal/extract/datetime"
	"github.com/pressroom/pressroom/internal/extract/lexicon"
)

// URLInfo is what a page address says about the article: many sites put
// the publication day (/2019/11/19/) and a slug of the headline in it.
type URLInfo struct {
	Host      string
	Year      int
	Date      time.Time // zero unless the path holds year, month and day
	SlugWords []string
}

// ParseURLInfo reads the host, a date and the headline slug from raw.
func ParseURLInfo(raw string) (*url.URL, URLInfo) {
	var info URLInfo
	if raw == "" {
		return nil, info
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return nil, info
	}
	info.Host = strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	segs := strings.Split(strings.Trim(u.Path, "/"), "/")
	for i, s := range segs {
		if len(s) != 4 {
			continue
		}
		y, err := strconv.Atoi(s)
		if err != nil || !datetime.ValidYear(y) {
			continue
		}
		info.Year = y
		if i+1 < len(segs) {
			if mo, err := strconv.Atoi(segs[i+1]); err == nil && mo >= 1 && mo <= 12 {
				if i+2 < len(segs) {
					if d, err := strconv.Atoi(segs[i+2]); err == nil && datetime.ValidDay(y, mo, d) {
						info.Date = time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
					}
				}
			} else if mo := lexicon.Month(strings.ToLower(segs[i+1])); mo > 0 && i+2 < len(segs) {
				if d, err := strconv.Atoi(segs[i+2]); err == nil && datetime.ValidDay(y, mo, d) {
					info.Date = time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
				}
			}
		}
		break
	}
	// The slug is the path segment with the most words.
	best := ""
	for _, s := range segs {
		s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(s, ".html"), ".htm"), ".php")
		if strings.Count(s, "-")+strings.Count(s, "_") > strings.Count(best, "-")+strings.Count(best, "_") {
			best = s
		}
	}
	if strings.Count(best, "-")+strings.Count(best, "_") >= 1 {
		for _, w := range strings.FieldsFunc(strings.ToLower(best), func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
			if _, err := strconv.Atoi(w); err == nil && len(w) > 4 {
				continue // article ids
			}
			info.SlugWords = append(info.SlugWords, w)
		}
	}
	return u, info
}

// SlugSimilarity is the share of the slug's words found in s, compared
// without case and accents; slugs drop words but rarely add any, so recall
// is what matters, as long as s is not much longer than the slug.
func SlugSimilarity(slug []string, s string) float64 {
	if len(slug) < 2 {
		return 0
	}
	var seen uint64 // slug positions matched, for slugs of up to 64 words
	match, words := 0, 0
	ForEachSlugWord(s, func(w []byte) {
		words++
		for k, sw := range slug {
			if k < 64 && seen&(1<<k) == 0 && sw == string(w) {
				seen |= 1 << k
				match++
				return
			}
		}
	})
	// One shared word is chance; a two-word slug ("business-focus") must
	// match whole.
	if match < 2 {
		return 0
	}
	// A paragraph that happens to hold the slug's words is no headline:
	// text much longer than the slug is discounted.
	return float64(match) / float64(len(slug)) * min(1, 2*float64(len(slug))/float64(words))
}

// ForEachSlugWord calls fn with each word of s lowercased and stripped of
// accents, the way slugs are made ("Corrección" → "correccion").
// Apostrophes vanish ("Trump's" → "trumps"), as slug makers do. The slice
// passed to fn is reused.
func ForEachSlugWord(s string, fn func(w []byte)) {
	if !IsASCII(s) {
		s = norm.NFD.String(s)
	}
	var buf [64]byte
	w := buf[:0]
	for _, r := range s {
		if r < utf8.RuneSelf {
			// ASCII has no marks: letters and digits, lowercased, make
			// words; apostrophes vanish; anything else ends a word.
			switch cls := ASCIIClass[r]; {
			case cls&(CLetter|CDigit) != 0:
				w = append(w, ASCIILower[r])
			case r == '\'':
			case len(w) > 0:
				fn(w)
				w = w[:0]
			}
			continue
		}
		switch {
		case unicode.Is(unicode.Mn, r), r == '’':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			w = utf8.AppendRune(w, unicode.ToLower(r))
		default:
			if len(w) > 0 {
				fn(w)
				w = w[:0]
			}
		}
	}
	if len(w) > 0 {
		fn(w)
	}
}

// IsASCII reports whether s holds no byte above 0x7f. The text
// front-end's measureText asks it of every line, so it reads eight bytes at
// a time.
func IsASCII(s string) bool {
	i := 0
	var or uint64
	for ; i+8 <= len(s); i += 8 {
		or |= Load64(s[i : i+8])
	}
	for ; i < len(s); i++ {
		or |= uint64(s[i])
	}
	return or&0x8080808080808080 == 0
}

// Load64 reads the first eight bytes of s as one little-endian word (the
// compiler makes it a single load).
func Load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
