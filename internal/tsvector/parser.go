// Package tsvector builds, in Go, the tsvector that PostgreSQL's
// to_tsvector would build for a text, so that the database receives a
// finished vector instead of spending ~1 ms of CPU per article parsing and
// stemming it (issue 16, docs/performance.md).
//
// The package does the parts that are pure: the default text-search
// parser (Parse) and the grouping of lexemes into positions and weights
// (Cache.Vectors: to_tsvector, setweight and ||). Which dictionaries a token
// goes to, and what they make of a word, come from the database itself
// (Config and LexizeFunc, filled by the store from pg_ts_config_map and
// ts_lexize, answers kept in a bounded Cache), so stemming and stop words
// are always PostgreSQL's own.
package tsvector

import "strings"

// TokenType is a token type of PostgreSQL's default parser, numbered as
// ts_token_type('default') numbers them (and pg_ts_config_map stores them).
type TokenType uint8

// The token types of the default parser.
const (
	ASCIIWord      TokenType = 1  // asciiword
	Word           TokenType = 2  // word
	NumWord        TokenType = 3  // numword
	Email          TokenType = 4  // email
	URL            TokenType = 5  // url
	Host           TokenType = 6  // host
	SFloat         TokenType = 7  // sfloat: scientific notation
	Version        TokenType = 8  // version
	HWordNumPart   TokenType = 9  // hword_numpart
	HWordPart      TokenType = 10 // hword_part
	HWordASCIIPart TokenType = 11 // hword_asciipart
	Blank          TokenType = 12 // blank
	Tag            TokenType = 13 // tag
	Protocol       TokenType = 14 // protocol
	NumHWord       TokenType = 15 // numhword
	ASCIIHWord     TokenType = 16 // asciihword
	HWord          TokenType = 17 // hword
	URLPath        TokenType = 18 // url_path
	File           TokenType = 19 // file
	Float          TokenType = 20 // float
	Int            TokenType = 21 // int
	UInt           TokenType = 22 // uint
	Entity         TokenType = 23 // entity

	// NumTokenTypes bounds the token type numbers (1 … NumTokenTypes-1).
	NumTokenTypes = 24
)

// Parse splits text into the tokens of PostgreSQL's default parser, as
// ts_parse('default', …) reports them in a UTF-8 database whose LC_CTYPE
// is C (or POSIX), and calls emit for each, in order, with the token's
// type and bytes (a slice of text). Under that locale every non-ASCII
// character counts as a letter, so a word is any run of letters, whatever
// its script.
//
// The grammar is this package's own, written from the parser's documented
// token types and checked against the database (parser_test.go): words
// and hyphenated compounds (the compound, then its parts), signed and
// unsigned numbers, decimals, exponents and versions, hosts, e-mail
// addresses, dotted abbreviations and simple paths. Runs of other
// characters are blanks; they go to no dictionary, so where PostgreSQL
// cuts a run of blanks in two, Parse may not.
//
// Parse returns false where its grammar is not sure to cut text as
// PostgreSQL would (URLs, tags, entities, and the rarer mixes of dots,
// hyphens and non-ASCII letters): it then stops early, and the caller is
// to leave the text to PostgreSQL (the store builds that vector in SQL).
func Parse(text string, emit func(typ TokenType, token string)) (sure bool) {
	return parse(text, emitFunc(emit), true)
}

// tokenSink takes a parser's tokens: Cache.Vectors's workspace takes them
// without a closure to allocate for each text.
type tokenSink interface {
	token(typ TokenType, tok string)
}

type emitFunc func(TokenType, string)

func (f emitFunc) token(typ TokenType, tok string) { f(typ, tok) }

// parse is Parse giving its tokens to sink, and its blanks only if
// blanks (no configuration maps them to a dictionary). Bytes that are
// always blanks and plain ASCII words, most of a text, are read here;
// step reads the rest.
func parse(text string, sink tokenSink, blanks bool) (sure bool) {
	p := parser{text: text, sink: sink, blanks: blanks, blank: -1}
	// Where blanks are dropped, a plain word goes straight to the
	// workspace: no pending blank to flush, no emit, no dynamic call
	// (−8% of BenchmarkVectors' CPU; most tokens are plain words).
	p.ws, _ = sink.(*workspace)
	p.parts = p.buf[:0]
	for p.i < len(text) {
		switch byteClasses[text[p.i]] {
		case blankByte:
			if p.blank < 0 {
				p.blank = p.i
			}
			p.i++
			continue
		case asciiLetter:
			if end := p.plainWordEnd(); end > 0 {
				if p.ws != nil && !p.blanks {
					p.blank = -1
					p.ws.token(ASCIIWord, text[p.i:end])
					p.i = end
					continue
				}
				p.token(ASCIIWord, end)
				continue
			}
		}
		if !p.step() {
			return false
		}
	}
	p.flushBlank()
	return true
}

// Byte classes for parse's fast path.
const (
	otherByte   = iota
	blankByte   // a blank wherever a token may start (step skips it)
	asciiLetter // starts a word
)

var byteClasses = func() (c [256]uint8) {
	for b := range 0x80 {
		switch {
		case isLetter(byte(b)):
			c[b] = asciiLetter
		case isDigit(byte(b)), strings.IndexByte("-+<&/~.", byte(b)) >= 0:
		default:
			c[b] = blankByte
		}
	}
	return c
}()

// wordEnders are the bytes after which ASCII letters are an asciiword,
// whatever follows: not a letter or digit, and nothing that may join the
// letters into a longer token (a host, an e-mail address, a compound, a
// path, a URL: ".-_@:/"). After a dot or a colon it depends on the next
// byte (plainWordEnd).
var wordEnders = func() (c [256]bool) {
	for b := range 0x80 {
		c[b] = !isAlnum(byte(b)) && strings.IndexByte(".-_@:/", byte(b)) < 0
	}
	return c
}()

// plainWordEnd is the end of the plain asciiword at p.i (an ASCII
// letter), or 0 where step must read it: what word would read as a lone
// asciiword ("word." before a space is the word and a blank; "e.g", the
// host "x.com" and "http://" are not).
func (p *parser) plainWordEnd() int {
	e := p.i + 1
	for e < len(p.text) && byteClasses[p.text[e]] == asciiLetter {
		e++
	}
	if e == len(p.text) || wordEnders[p.text[e]] {
		return e
	}
	switch after := p.at(e + 1); p.text[e] {
	case '.':
		if !isASCIIAlnum(after) && after != '_' {
			return e
		}
	case ':':
		if after != '/' {
			return e
		}
	}
	return 0
}

type parser struct {
	text   string
	sink   tokenSink
	ws     *workspace // sink, when it is one
	blanks bool       // blanks are given to sink
	i      int        // next byte to read
	blank  int        // start of the pending run of blanks, -1: none
	parts  []int
	buf    [16]int // parts' first backing array
}

// emit gives sink a token.
func (p *parser) emit(typ TokenType, tok string) {
	if typ != Blank || p.blanks {
		p.sink.token(typ, tok)
	}
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' || c >= 0x80 }
func isAlnum(c byte) bool  { return isDigit(c) || isLetter(c) }

// isASCIIAlnum: hosts, e-mail addresses and paths are ASCII only.
func isASCIIAlnum(c byte) bool { return c < 0x80 && isAlnum(c) }

// at is the byte at i, 0 past the end (0 is no class's member).
func (p *parser) at(i int) byte {
	if i < len(p.text) {
		return p.text[i]
	}
	return 0
}

func (p *parser) flushBlank() {
	if p.blank >= 0 {
		p.emit(Blank, p.text[p.blank:p.i])
		p.blank = -1
	}
}

// token emits text[p.i:end] as typ and moves past it.
func (p *parser) token(typ TokenType, end int) {
	p.flushBlank()
	p.emit(typ, p.text[p.i:end])
	p.i = end
}

// skipBlank makes the next n bytes part of the pending blank.
func (p *parser) skipBlank(n int) {
	if p.blank < 0 {
		p.blank = p.i
	}
	p.i += n
}

// step reads one token (or one blank byte); false: not sure.
func (p *parser) step() bool {
	c := p.text[p.i]
	switch {
	case isAlnum(c):
		return p.word()
	case (c == '-' || c == '+') && isDigit(p.at(p.i+1)):
		return p.number()
	case c == '<' && (isLetter(p.at(p.i+1)) || strings.IndexByte("/!?", p.at(p.i+1)) >= 0):
		return p.tag()
	case c == '&' && (isLetter(p.at(p.i+1)) || p.at(p.i+1) == '#'):
		return p.entity()
	case c == '/' && isASCIIAlnum(p.at(p.i+1)):
		return p.path()
	case c == '/' && p.at(p.i+1) != 0 && strings.IndexByte("._-~", p.at(p.i+1)) >= 0:
		return false // "/.00" is a file
	case c == '~' && p.at(p.i+1) > ' ' && p.at(p.i+1) < 0x80:
		return false // a home-relative path
	case c == '.' && p.at(p.i+1) == '/' && isASCIIAlnum(p.at(p.i+2)) && p.i > 0 && isAlnum(p.text[p.i-1]):
		return p.path() // "19./20." is a number and the file "./20"
	case c == '.' && (p.at(p.i+1) == '.' || p.at(p.i+1) == '/') && p.i == 0:
		return false // not verified at the start of a text
	case c == '.' && p.at(p.i+1) == '.' && p.i > 0 && isDigit(p.text[p.i-1]):
		return false // after a number, not verified
	case c == '.' && p.at(p.i+1) == '.' && p.i > 0 && isLetter(p.text[p.i-1]) && !isAlnum(p.at(p.i+2)):
		// two dots right after a word are a file; more are blanks
		switch p.at(p.i + 2) {
		case '.':
			for p.at(p.i) == '.' {
				p.skipBlank(1)
			}
			return true
		case ' ', '\n', '\t', '\r', 0:
		default:
			return false // "x..!" is not a file; other followers not verified
		}
		p.token(File, p.i+2)
		return true
	}
	p.skipBlank(1)
	return true
}

// runEnd is the end of the run of letters and digits from i.
func (p *parser) runEnd(i int) int {
	for i < len(p.text) && isAlnum(p.text[i]) {
		i++
	}
	return i
}

// spanEnd is the end of the run from i of what hosts, e-mail addresses
// and dotted abbreviations are made of: ASCII letters and digits, joined
// by dots, hyphens or underscores ("but...not" is two words).
func (p *parser) spanEnd(i int) int {
	for i < len(p.text) {
		c := p.text[i]
		if !isASCIIAlnum(c) && ((c != '.' && c != '-' && c != '_') || !isASCIIAlnum(p.at(i+1))) {
			break
		}
		i++
	}
	return i
}

// trimJoiners is s without the dots, hyphens and underscores it ends
// with (strings.TrimRight builds its set of bytes at every call).
func trimJoiners(s string) string {
	for len(s) > 0 && (s[len(s)-1] == '.' || s[len(s)-1] == '-' || s[len(s)-1] == '_') {
		s = s[:len(s)-1]
	}
	return s
}

type runKind struct{ digits, letters, nonASCII bool }

func kindOf(s string) runKind {
	var k runKind
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case isDigit(c):
			k.digits = true
		case c >= 0x80:
			k.nonASCII, k.letters = true, true
		default:
			k.letters = true
		}
	}
	return k
}

// word reads what starts with a letter or a digit.
func (p *parser) word() bool {
	start := p.i
	// Most tokens are plain ASCII words before a space or punctuation
	// that no longer token can take in.
	e := start
	for e < len(p.text) && p.text[e] < 0x80 && isLetter(p.text[e]) {
		e++
	}
	if e > start {
		if c := p.at(e); c == ' ' || c == ',' || c == '\n' || c == ';' || c == ')' || c == '"' || c == '!' || c == '?' || c == 0 && e == len(p.text) {
			p.token(ASCIIWord, e)
			return true
		}
	}
	end := p.runEnd(start)
	k := kindOf(p.text[start:end])
	if !k.nonASCII {
		span := p.spanEnd(start)
		core := trimJoiners(p.text[start:span])
		switch {
		case p.at(end) == ':' && p.at(end+1) == '/' && p.at(end+2) == '/':
			return p.protocol(end)
		case p.at(span) == '@':
			return p.email(span)
		case strings.IndexByte(core, '.') >= 0 && !compoundFirst(core):
			return p.dotted(start + len(core))
		case !k.letters || isExponent(p.text[start:], end-start):
			return p.number()
		case p.at(end) == '/' && isASCIIAlnum(p.at(end+1)):
			return p.path()
		}
	}
	return p.compound(start, end, k)
}

// isExponent: s[:n] starts with digits, e, a digit (or is digits and e,
// and a sign and a digit follow): a number in scientific notation rather
// than a word.
func isExponent(s string, n int) bool {
	i := 0
	for i < n && isDigit(s[i]) {
		i++
	}
	if i == 0 || i >= n || s[i]|0x20 != 'e' {
		return false
	}
	i++
	if i == n { // "1e" then "+5"?
		return i+1 < len(s) && (s[i] == '+' || s[i] == '-') && isDigit(s[i+1])
	}
	return isDigit(s[i]) // "1e10x" is a number and a word
}

// compound reads a word and, if hyphens join it to more words, the
// hyphenated compound: the compound first, then each part, the hyphens
// between them blanks. A part needs a letter: a hyphen before digits
// alone ends the compound ("COVID-19" is a word and the int -19).
func (p *parser) compound(start, end int, k runKind) bool {
	parts := append(p.parts[:0], start, end) // start and end of each part
	all := k
	for p.at(end) == '-' {
		e := p.runEnd(end + 1)
		pk := kindOf(p.text[end+1 : e])
		if !pk.letters {
			break
		}
		parts = append(parts, end+1, e)
		all.digits, all.nonASCII = all.digits || pk.digits, all.nonASCII || pk.nonASCII
		end = e
	}
	p.parts = parts // kept for the next compound
	single := len(parts) == 2
	// What follows a word may make PostgreSQL read a longer token.
	next, after := p.at(end), p.at(end+1)
	switch {
	case next == '@' && (!single || !k.nonASCII || isASCIIAlnum(after) && p.at(p.spanEnd(end+1)) == '.'):
		return false
	case next == ':' && after == '/':
		return false
	case next == '/' && single && !k.nonASCII && isASCIIAlnum(after):
		return p.path()
	case next == '.' && single && k.nonASCII && k.digits && isASCIIAlnum(after):
		return p.file(end) // "£71.6m", "−25.6"
	case next == '.' && single && isDigit(after), next == '.' && after == '_':
		return false
	}
	if single {
		p.token(wordType(k, ASCIIWord, Word, NumWord), end)
		return true
	}
	p.token(wordType(all, ASCIIHWord, HWord, NumHWord), end)
	for j := 0; j < len(parts); j += 2 {
		if j > 0 {
			p.emit(Blank, "-")
		}
		part := p.text[parts[j]:parts[j+1]]
		p.emit(wordType(kindOf(part), HWordASCIIPart, HWordPart, HWordNumPart), part)
	}
	// After a compound, a hyphen before a number is a blank, not a sign.
	if p.at(end) == '-' && isDigit(p.at(end+1)) {
		p.skipBlank(1)
	}
	return true
}

func wordType(k runKind, ascii, other, num TokenType) TokenType {
	switch {
	case k.digits:
		return num
	case k.nonASCII:
		return other
	}
	return ascii
}

// number reads a signed or unsigned integer, decimal, number in
// scientific notation or version (digits and two dots or more).
func (p *parser) number() bool {
	i := p.i
	signed := p.text[i] == '-' || p.text[i] == '+'
	if signed {
		i++
	}
	digitsEnd := func(i int) int {
		for i < len(p.text) && isDigit(p.text[i]) {
			i++
		}
		return i
	}
	i = digitsEnd(i)
	dots := 0
	for p.at(i) == '.' && isDigit(p.at(i+1)) {
		i = digitsEnd(i + 1)
		dots++
	}
	typ := UInt
	switch {
	case dots >= 2:
		if signed { // the sign is a blank before the version
			p.skipBlank(1)
		}
		typ = Version
	case p.at(i)|0x20 == 'e' && (isDigit(p.at(i+1)) || (p.at(i+1) == '+' || p.at(i+1) == '-') && isDigit(p.at(i+2))):
		i = digitsEnd(i + 2)
		typ = SFloat
	case dots == 1:
		typ = Float
	case signed:
		typ = Int
	}
	next := p.at(i)
	switch {
	case next == '@' || next == ':' && p.at(i+1) == '/' || next == '/' && (typ == SFloat || !isASCIIAlnum(p.at(i+1))):
		return false
	case typ == UInt && next == '/' && isASCIIAlnum(p.at(i+1)):
		return p.path()
	case typ == UInt && next == '.' && isASCIIAlnum(p.at(i+1)) && !p.plainLabel(i+1):
		return false // a host or a file, not verified
	case signed && next == '.' && isASCIIAlnum(p.at(i+1)):
		return false // "+0.0.0.AA" is a host
	case typ == SFloat && (next == '.' || next == '-' && isLetter(p.at(i+1))):
		return false
	}
	p.token(typ, i)
	return true
}

// dotted reads an ASCII run with dots, ending at end: a host (its last
// label two letters or more), else an abbreviation or name PostgreSQL
// calls a file ("e.g", "U.S.A"), else a number or version.
func (p *parser) dotted(end int) bool {
	s := p.text[p.i:end]
	if c := p.at(end); c == '-' || c == '_' {
		return false // "A.0-" is a file with its hyphen
	}
	if !isHost(s) && hostPrefix(s) {
		// "WordPress.com-Konto": the host, then a blank and a word.
		last := strings.LastIndexByte(s, '.')
		s = s[:last+strings.IndexAny(s[last:], "-_")]
		end = p.i + len(s)
	}
	next, after := p.at(end), p.at(end+1)
	switch {
	case !isHost(s) && hasHostPrefix(s):
		return false // "white.cube.09" is the host "white.cube" and a number
	case isDigit(s[0]) && !isHost(s):
		if first := strings.IndexByte(s, '.'); strings.Trim(s[:first], "0123456789") != "" {
			return false // "0A.0" is a file
		}
		return p.number()
	case next == '@' || next == ':' && (isDigit(after) || after == '/') || next == '/' && !isHost(s):
		return false
	case next >= 0x80:
		if isHost(s) || strings.ContainsAny(s, "-_") {
			return false
		}
		p.token(File, end) // "x.wörd" is the file "x.w" and the word "örd"
		return true
	}
	switch {
	case isHost(s):
		return p.hostOrURL(end, "")
	case strings.Contains(s, ".."):
		return false
	case isLetter(s[0]) && !strings.ContainsAny(s, "-_") && !hasHostPrefix(s):
		p.token(File, end)
		return true
	}
	return false
}

// plainLabel: a run of ASCII letters at i, then nothing that could make
// it part of a host or file ("8.x" is a number, a blank and a word).
func (p *parser) plainLabel(i int) bool {
	for i < len(p.text) && isLetter(p.text[i]) && p.text[i] < 0x80 {
		i++
	}
	c := p.at(i)
	return !isDigit(c) && c < 0x80 && strings.IndexByte("._-@/:", c) < 0
}

// protocol reads "http://" or "https://" and the host or URL after it;
// other schemes and what is not a host are left to PostgreSQL.
func (p *parser) protocol(colon int) bool {
	scheme := p.text[p.i:colon]
	if scheme != "http" && scheme != "https" {
		return false
	}
	hostStart := colon + 3
	end := p.spanEnd(hostStart)
	if end == hostStart || !isHost(p.text[hostStart:end]) || p.at(end) == ':' || p.at(end) == '@' || p.at(end) >= 0x80 {
		return false
	}
	proto := p.text[p.i:hostStart]
	p.flushBlank()
	p.emit(Protocol, proto)
	p.i = hostStart
	return p.hostOrURL(end, proto)
}

// hostOrURL emits the host text[p.i:end], or, when a path follows, the
// URL, its host and its path. A path runs to the next space, non-ASCII
// character or one of "<>\^`{|}, punctuation and all.
func (p *parser) hostOrURL(end int, proto string) bool {
	if p.at(end) != '/' {
		p.token(Host, end)
		return true
	}
	pathEnd := end + 1
	for pathEnd < len(p.text) && p.text[pathEnd] > ' ' && p.text[pathEnd] < 0x7f &&
		strings.IndexByte("\"<>\\^`{|}", p.text[pathEnd]) < 0 {
		pathEnd++
	}
	if pathEnd == end+1 {
		p.token(Host, end) // "x.com/ " is a host and a blank
		return true
	}
	start := p.i
	p.token(URL, pathEnd)
	p.emit(Host, p.text[start:end])
	p.emit(URLPath, p.text[end:pathEnd])
	return true
}

// compoundFirst: a hyphenated compound before a dot that does not make
// a host ("ab-cd.x" is a compound, a blank and a word).
func compoundFirst(s string) bool {
	h, d := strings.IndexByte(s, '-'), strings.IndexByte(s, '.')
	return h >= 0 && h < d && !isHost(s) && !strings.ContainsRune(s[:d], '_') && !strings.ContainsAny(s[d+1:], "-_.")
}

// hostPrefix: s is not a host, but s up to the hyphen or underscore in
// its last label is ("0.0.AA-0" is a host and a number).
func hostPrefix(s string) bool {
	last := strings.LastIndexByte(s, '.')
	if last < 0 || isHost(s) {
		return false
	}
	h := strings.IndexAny(s[last:], "-_")
	return h > 0 && last+h+1 < len(s) && isHost(s[:last+h])
}

// hasHostPrefix: s up to one of its dots is a host ("white.cube.09" is
// the host "white.cube" and a number).
func hasHostPrefix(s string) bool {
	for i := len(s) - 1; i > 0; i-- {
		if s[i] == '.' && isHost(s[:i]) {
			return true
		}
	}
	return false
}

// isHost: labels of ASCII letters, digits, hyphens and underscores joined
// by dots, the last label letters only, at least two.
func isHost(s string) bool {
	last := strings.LastIndexByte(s, '.')
	if last < 0 || len(s)-last-1 < 2 {
		return false
	}
	for i := last + 1; i < len(s); i++ {
		if s[i] >= 0x80 || !isLetter(s[i]) {
			return false
		}
	}
	for label := range strings.SplitSeq(s[:last], ".") {
		if label == "" || label[0] == '-' || label[0] == '_' || label[len(label)-1] == '-' || label[len(label)-1] == '_' {
			return false
		}
		for j := 0; j < len(label); j++ {
			if c := label[j]; !isASCIIAlnum(c) && c != '-' && c != '_' {
				return false
			}
		}
	}
	return true
}

// email reads local@host, at was the '@'; anything else with an '@' is
// left to PostgreSQL.
func (p *parser) email(at int) bool {
	local := p.text[p.i:at]
	end := p.spanEnd(at + 1)
	host := trimJoiners(p.text[at+1 : end])
	end = at + 1 + len(host)
	next := p.at(end)
	if !strings.Contains(host, ".") && p.runEnd(p.i) == at && p.runEnd(at+1) == end && !isDigit(local[0]) {
		// "x@handle": a word, then '@' is a blank
		p.token(wordType(kindOf(local), ASCIIWord, Word, NumWord), at)
		return true
	}
	if !isASCIIAlnum(local[len(local)-1]) || strings.Contains(local, "..") || !isHost(host) ||
		next >= 0x80 || next == '@' || next == '/' || next == ':' {
		return false
	}
	p.token(Email, end)
	return true
}

// path reads a run of ASCII letters, digits and hyphens with slashes,
// maybe starting with one ("and/or", "24/7", "/usr/bin"): a file. It
// ends before a non-ASCII letter ("mich/für" is the file "mich/f" and the
// word "ür").
func (p *parser) path() bool {
	i := p.i
	if p.text[i] == '.' {
		i++
	}
	if p.text[i] == '/' {
		i++
	}
	for {
		e := i
		for e < len(p.text) && (isASCIIAlnum(p.text[e]) || (p.text[e] == '-' || p.text[e] == '_') && e > i || p.text[e] == '.' && isASCIIAlnum(p.at(e+1))) {
			e++
		}
		if e == i {
			return false
		}
		i = e
		if p.at(i) != '/' || !isASCIIAlnum(p.at(i+1)) {
			break
		}
		i++
	}
	next, after := p.at(i), p.at(i+1)
	if strings.IndexByte("~@\\", next) >= 0 || next == ':' && (after == '/' || isDigit(after)) ||
		next == '/' && strings.IndexByte("-._/~", after) >= 0 || next == '.' && after == '.' {
		return false
	}
	p.token(File, i)
	return true
}

// file reads a word with digits and non-ASCII letters, and the dotted
// ASCII labels after it, end being the first dot: PostgreSQL calls the
// whole a file.
func (p *parser) file(end int) bool {
	for p.at(end) == '.' && isASCIIAlnum(p.at(end+1)) {
		end++
		for end < len(p.text) && isASCIIAlnum(p.text[end]) {
			end++
		}
	}
	next, after := p.at(end), p.at(end+1)
	if next >= 0x80 || strings.IndexByte("-_/@:", next) >= 0 && isAlnum(after) {
		return false
	}
	p.token(File, end)
	return true
}

// tag reads a tag of letters, digits, spaces and "_-/:" ("<b>", "</p>",
// "<auth-dialog>", "<other tools/scripts>"); attributes with quotes,
// <script> and <style>, and a '<' before a letter that may or may not
// open a tag are left to PostgreSQL.
func (p *parser) tag() bool {
	i := p.i + 1
	if p.at(i) == '/' {
		i++
	}
	if p.at(i) >= 0x80 || !isLetter(p.at(i)) {
		return false
	}
	nameStart := i
	for i < len(p.text) && (isASCIIAlnum(p.text[i]) || p.text[i] == '_' || p.text[i] == '-') {
		i++
	}
	if name := strings.ToLower(p.text[nameStart:i]); name == "script" || name == "style" {
		return false // PostgreSQL skips a script's or a style's text
	}
	for i < len(p.text) && (isASCIIAlnum(p.text[i]) || strings.IndexByte("_-/: ", p.text[i]) >= 0) {
		i++
	}
	if c := p.at(i); c != 0 && strings.IndexByte(",;()!?#+@'", c) >= 0 {
		p.skipBlank(1) // not a tag ("<a, b>"): '<' is a blank
		return true
	}
	if body := p.text[nameStart:i]; p.at(i) != '>' || strings.IndexByte(body, '/') >= 0 && strings.IndexByte(body, ' ') < 0 {
		return false // "<A/0>" is a blank and a file
	}
	p.token(Tag, i+1)
	return true
}

// entity reads &name; as an entity; a '&' without its ';' is a blank.
func (p *parser) entity() bool {
	i := p.i + 1
	for i < len(p.text) && isASCIIAlnum(p.text[i]) || i == p.i+1 && p.at(i) == '#' {
		i++
	}
	if p.at(i) == ';' {
		return false
	}
	p.skipBlank(1)
	return true
}
