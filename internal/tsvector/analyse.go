package tsvector

import (
	"context"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// Config is a text-search configuration as far as to_tsvector needs it:
// the dictionaries (by OID) each token type goes to, in the order they are
// tried. A token type without dictionaries is skipped, taking no position.
type Config struct {
	OID   uint32
	Dicts [NumTokenTypes][]uint32
}

// Key is a word as one dictionary sees it: the token's bytes as the parser
// cut them, not folded (the dictionary folds case itself).
type Key struct {
	Dict uint32
	Word string
}

// Lexized is a dictionary's answer for a word, as ts_lexize gives it:
// Known false (NULL) means the dictionary does not recognise the word and
// the next one is asked; Known with no lexemes is a stop word.
type Lexized struct {
	Lexemes []string
	Known   bool
}

// LexizeFunc asks the database for ts_lexize of each key, answers in the
// order of keys. The store does it with one query for a whole batch.
type LexizeFunc func(ctx context.Context, keys []Key) ([]Lexized, error)

// Doc is one article's text to index: the title gets weight A, the body B,
// and the body's positions follow the title's (setweight(…, 'A') ||
// setweight(…, 'B'), as pressroom_search_vector).
type Doc struct {
	Config      *Config
	Title, Body string
}

// maxRounds bounds the lexize rounds of one batch: a round answers every
// word at its next dictionary, and no configuration chains this many.
const maxRounds = 16

// A Vectors call interns each token once, as it is parsed: a word is a
// distinct token text under one chain of dictionaries (a token type's
// list in a configuration; two types with the same list share it), and
// the call's tokens are word numbers. Words are resolved once each, not
// once per token, and resolving leaves each word a group code that the
// grouping reads for every token without a lookup.

// word is one distinct token text of a call under one chain.
type word struct {
	text  string
	hash  uint64 // of its key and chain: where its slot is looked for
	chain int32  // index in workspace.chains
	slot  int32  // its slot in workspace.slots
	lexes span   // its lexeme ids in workspace.ids, for groupMulti
	dict  uint16 // next dictionary of the chain to ask
	state uint8
}

// A word's state.
const (
	unasked  = iota // in no text Parse was sure of (yet)
	pending         // to resolve
	resolved        // its group code is final
)

// Group codes (workspace.groups, per word): a lexeme id, or one of these.
const (
	groupNone  = -1 // no dictionary recognised the word: no position
	groupStop  = -2 // a stop word: a position, no lexeme
	groupMulti = -3 // several lexemes: word.lexes
)

// span is a run of a slice.
type span struct{ start, n int32 }

func (s span) of(x []int32) []int32 { return x[s.start : s.start+s.n] }

// Vectors builds the vector of each doc. The words the cache does not know
// are looked up with one lexize call per round (one round per dictionary
// a word falls through, so one round for the built-in configurations),
// and the answers are cached. A doc whose text Parse is not sure of gets
// a nil vector (every other one is non-nil): it is to be built by
// PostgreSQL instead.
func (c *Cache) Vectors(ctx context.Context, docs []Doc, lexize LexizeFunc) ([]Vector, error) {
	w := getWorkspace()
	defer putWorkspace(w)
	type parsed struct {
		title, body span // in w.toks
		sure        bool
	}
	texts := make([]parsed, len(docs))
	for i, d := range docs {
		w.useConfig(d.Config)
		start := len(w.toks)
		sureTitle := w.tokens(d.Title)
		mid := len(w.toks)
		if texts[i].sure = sureTitle && w.tokens(d.Body); texts[i].sure {
			texts[i].title = span{int32(start), int32(mid - start)}
			texts[i].body = span{int32(mid), int32(len(w.toks) - mid)}
		} else {
			w.toks = w.toks[:start]
		}
	}
	// Only the words of texts Parse was sure of are asked, in the order
	// they first appear.
	todo := w.todo[:0]
	for _, t := range w.toks {
		if wd := &w.words[t]; wd.state == unasked {
			wd.state = pending
			todo = append(todo, t)
		}
	}
	for round := 0; ; round++ {
		todo = c.lookUp(w, todo)
		w.todo = todo
		if len(w.missing) == 0 {
			break
		}
		if round >= maxRounds {
			return nil, fmt.Errorf("tsvector: words still unknown after %d rounds", round)
		}
		answers, err := lexize(ctx, w.missing)
		if err != nil {
			return nil, err
		}
		if len(answers) != len(w.missing) {
			return nil, fmt.Errorf("tsvector: lexize: %d answers for %d words", len(answers), len(w.missing))
		}
		// The call's own answers also keep a word evicted from the cache
		// meanwhile from being asked for twice.
		for i, k := range w.missing {
			w.fetched[k] = answers[i]
		}
		c.putAll(w.missing, answers)
	}
	out := make([]Vector, len(docs))
	for i, t := range texts {
		if t.sure {
			out[i] = w.build(t.title.of(w.toks), t.body.of(w.toks))
		} // else nil: left to PostgreSQL
	}
	return out, nil
}

// lookUpChunk bounds the words looked up in the cache under one lock, so
// that the other writers wait little for it.
const lookUpChunk = 256

// lookUp follows each word of todo down its chain as far as this call's
// answers and the cache know it, and returns the words still pending;
// w.missing is then the keys to ask lexize for, each once.
func (c *Cache) lookUp(w *workspace, todo []int32) []int32 {
	w.missing = w.missing[:0]
	clear(w.seen)
	var hits, asked uint64
	left, all := w.left[:0], todo
	for len(todo) > 0 {
		chunk := todo[:min(len(todo), lookUpChunk)]
		todo = todo[len(chunk):]
		c.mu.Lock()
		for _, t := range chunk {
			wd := &w.words[t]
			dicts := w.chains[wd.chain]
			for int(wd.dict) < len(dicts) {
				k := Key{dicts[wd.dict], wd.text}
				l, ok := w.fetched[k]
				if !ok {
					asked++
					if l, ok = c.getLocked(k); ok {
						hits++
					}
				}
				if !ok {
					if !w.seen[k] {
						w.seen[k] = true
						w.missing = append(w.missing, k)
					}
					break
				}
				if l.Known {
					w.answers[t] = l // interned below, out of the lock
					wd.state = resolved
					break
				}
				wd.dict++
			}
			if wd.state == pending && int(wd.dict) == len(dicts) {
				wd.state = resolved
				w.groups[t] = groupNone
			}
			if wd.state == pending {
				left = append(left, t)
			}
		}
		c.mu.Unlock()
		for _, t := range chunk {
			if l := w.answers[t]; l.Known {
				w.groups[t] = w.group(t, l.Lexemes)
				w.answers[t] = Lexized{}
			}
		}
	}
	c.hits.Add(hits)
	c.quest.Add(asked)
	w.left = all[:0] // the two lists swap from round to round
	return left
}

// group interns the lexemes of word t and returns its group code.
func (w *workspace) group(t int32, lexemes []string) int32 {
	switch len(lexemes) {
	case 0:
		return groupStop
	case 1:
		return w.lexeme(lexemes[0])
	}
	sp := span{start: int32(len(w.ids)), n: int32(len(lexemes))}
	for _, s := range lexemes {
		w.ids = append(w.ids, w.lexeme(s))
	}
	w.words[t].lexes = sp
	return groupMulti
}

// lexeme is the id of lexeme s in this call.
func (w *workspace) lexeme(s string) int32 {
	id, ok := w.lexID[s]
	if !ok {
		id = int32(len(w.lexStr))
		w.lexID[s] = id
		w.lexStr = append(w.lexStr, s)
		w.lexKey = append(w.lexKey, prefixKey(s))
		w.stamp = append(w.stamp, 0)
		w.entryOf = append(w.entryOf, 0)
	}
	return id
}

// prefixKey is s's first eight bytes as a big-endian number, zeros past
// its end: ordering keys orders strings bytewise, but for ties.
func prefixKey(s string) uint64 {
	var b [8]byte
	copy(b[:], s)
	return binary.BigEndian.Uint64(b[:])
}

// workspace is the scratch of one Vectors call: its words and their
// table, its tokens, its lexemes and the grouping's. Workspaces are
// pooled, so that a call allocates little more than the vectors it
// returns: the scratch was ~60% of the bytes a vector cost, and the
// server's collector runs in proportion to the bytes allocated
// (docs/performance.md, fourth pass).
type workspace struct {
	words []word
	// slots is an open-addressed table of words (linear probing, at most
	// half full)
	slots  []slot
	groups []int32 // per word: its group code
	// answers per word: a Known answer from the cache, between the
	// cache's lock and the interning of its lexemes
	answers []Lexized
	toks    []int32 // word numbers of the tokens of all docs, in order
	todo    []int32 // words to resolve
	left    []int32 // of them, those a round left pending
	chains  [][]uint32
	configs []configChains
	chainOf *[NumTokenTypes]int32 // of the doc being parsed
	blanks  bool                  // its configuration maps blanks
	missing []Key
	seen    map[Key]bool
	fetched map[Key]Lexized // this call's answers from lexize

	lexID  map[string]int32
	lexStr []string
	lexKey []uint64 // prefixKey of each lexeme
	ids    []int32  // lexeme ids of the words with several

	// the grouping's, per lexeme id: which vector's entry it has (stamp
	// == gen) and which entry
	stamp, entryOf []int32
	gen            int32
	entries        []entry
	occ            []occurrence
	keys, scratch  []uint64
}

// sortKeys sorts keys (distinct) in place, with scratch as room. Longer
// lists are first spread by their top byte (a lexeme's first byte), in
// one counting pass, and each bucket then sorted by insertion: with
// lexemes' first bytes spread over the alphabet, the buckets are short.
// It returns scratch, grown, for the next call.
func sortKeys(keys, scratch []uint64) []uint64 {
	if len(keys) < 64 {
		slices.Sort(keys)
		return scratch
	}
	var count [257]int32
	for _, k := range keys {
		count[k>>56+1]++
	}
	for b := 1; b < len(count); b++ {
		count[b] += count[b-1]
	}
	scratch = slices.Grow(scratch[:0], len(keys))[:len(keys)]
	next := count
	for _, k := range keys {
		b := k >> 56
		scratch[next[b]] = k
		next[b]++
	}
	copy(keys, scratch)
	for b := range 256 {
		bucket := keys[count[b]:count[b+1]]
		if len(bucket) > 48 {
			slices.Sort(bucket)
			continue
		}
		for i := 1; i < len(bucket); i++ {
			k, j := bucket[i], i
			for ; j > 0 && bucket[j-1] > k; j-- {
				bucket[j] = bucket[j-1]
			}
			bucket[j] = k
		}
	}
	return scratch
}

// configChains is which chain each token type of a configuration takes,
// -1 for none (skipped: no position).
type configChains struct {
	cfg     *Config
	chainOf [NumTokenTypes]int32
}

// useConfig readies w to take the tokens of a text of cfg.
func (w *workspace) useConfig(cfg *Config) {
	for i := range w.configs {
		if w.configs[i].cfg == cfg {
			w.chainOf, w.blanks = &w.configs[i].chainOf, len(cfg.Dicts[Blank]) > 0
			return
		}
	}
	cc := configChains{cfg: cfg}
	for typ, dicts := range cfg.Dicts {
		cc.chainOf[typ] = -1
		if len(dicts) == 0 {
			continue
		}
		i := slices.IndexFunc(w.chains, func(c []uint32) bool { return slices.Equal(c, dicts) })
		if i < 0 {
			i = len(w.chains)
			w.chains = append(w.chains, dicts)
		}
		cc.chainOf[typ] = int32(i)
	}
	w.configs = append(w.configs, cc)
	w.useConfig(cfg)
}

// tokens appends the word numbers of text's tokens that the current
// configuration maps to dictionaries to w.toks, and reports whether Parse
// was sure of them.
func (w *workspace) tokens(text string) bool {
	w.toks = slices.Grow(w.toks, len(text)/6) // about one word in six bytes
	return parse(text, w, w.blanks)
}

// token takes one token from the parser.
func (w *workspace) token(typ TokenType, tok string) {
	if chain := w.chainOf[typ]; chain >= 0 && len(tok) < MaxWordBytes {
		w.toks = append(w.toks, w.intern(chain, tok))
	}
}

// slot is a place in the table of words: a word's key and chain, and its
// number + 1 (0: the slot is empty). The key of a word of up to seven
// bytes is the word itself (and its length), so that a probe compares
// integers, and most words are that short; a longer word's key is its
// hash with the top bit set, and a probe compares the words as well.
type slot struct {
	key   uint64
	chain int32
	ref   int32
}

var hashSeed = maphash.MakeSeed()

// seed keys the hash of short words, so that text cannot be written to
// make words collide (as maphash is keyed for the longer ones).
var seed = maphash.Comparable(hashSeed, uint64(0x5bd1e9955bd1e995))

const longKey = 1 << 63

// wordKey is text's key and the hash that places it in the table.
func wordKey(text string, chain int32) (key, hash uint64) {
	if len(text) >= 8 {
		key = maphash.String(hashSeed, text) | longKey
		return key, key ^ uint64(chain)*0x9e3779b97f4a7c15
	}
	// The bytes in place, in at most two loads that may overlap (they
	// put the same byte in the same place).
	key = uint64(len(text)) << 56
	switch n := len(text); {
	case n >= 4:
		key |= uint64(le32(text[:4])) | uint64(le32(text[n-4:]))<<(8*(n-4))
	case n > 0:
		key |= uint64(text[0]) | uint64(text[n/2])<<(8*(n/2)) | uint64(text[n-1])<<(8*(n-1))
	}
	// A multiply that folds the 128-bit product: every bit of the key and
	// the seed reaches the low bits the table is indexed by.
	hi, lo := bits.Mul64(key^seed, uint64(chain)+0xa0761d6478bd642f)
	return key, hi ^ lo
}

// le32 is s's first four bytes, little-endian (one load).
func le32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// intern is the number of the word text under chain, added if new.
func (w *workspace) intern(chain int32, text string) int32 {
	key, h := wordKey(text, chain)
	if 2*(len(w.words)+1) > len(w.slots) {
		w.grow()
	}
	mask := len(w.slots) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		s := &w.slots[i]
		if s.ref == 0 {
			t := int32(len(w.words))
			w.words = append(w.words, word{text: text, hash: h, chain: chain, slot: int32(i)})
			w.groups = append(w.groups, groupNone)
			w.answers = append(w.answers, Lexized{})
			*s = slot{key: key, chain: chain, ref: t + 1}
			return t
		}
		if s.key == key && s.chain == chain && (key&longKey == 0 || w.words[s.ref-1].text == text) {
			return s.ref - 1
		}
	}
}

// grow doubles w's table of words.
func (w *workspace) grow() {
	n := max(2*len(w.slots), 1024)
	old := w.slots
	w.slots = make([]slot, n)
	mask := n - 1
	for _, s := range old {
		if s.ref == 0 {
			continue
		}
		wd := &w.words[s.ref-1]
		i := int(wd.hash) & mask
		for w.slots[i].ref != 0 {
			i = (i + 1) & mask
		}
		w.slots[i] = s
		wd.slot = int32(i)
	}
}

var workspaces sync.Pool

// Bounds of what a pooled workspace keeps: a rare huge body should not
// pin its slabs in the pool.
const (
	maxPooledTokens = 1 << 16
	maxPooledWords  = 1 << 15
)

func getWorkspace() *workspace {
	w, _ := workspaces.Get().(*workspace)
	if w == nil {
		w = &workspace{
			seen: make(map[Key]bool), fetched: make(map[Key]Lexized),
			lexID: make(map[string]int32),
		}
	}
	return w
}

// putWorkspace empties w of every reference into the call's texts and
// answers (words are slices of the articles) and pools it.
func putWorkspace(w *workspace) {
	if cap(w.toks) > maxPooledTokens || cap(w.words) > maxPooledWords {
		return
	}
	for _, wd := range w.words {
		w.slots[wd.slot] = slot{}
	}
	clear(w.words)
	clear(w.answers)
	w.words, w.groups, w.answers, w.toks, w.todo = w.words[:0], w.groups[:0], w.answers[:0], w.toks[:0], w.todo[:0]
	w.left = w.left[:0]
	clear(w.chains)
	clear(w.configs)
	w.chains, w.configs, w.chainOf = w.chains[:0], w.configs[:0], nil
	clear(w.missing)
	w.missing = w.missing[:0]
	clear(w.seen)
	clear(w.fetched)
	clear(w.lexID)
	clear(w.lexStr)
	w.lexStr, w.lexKey, w.ids = w.lexStr[:0], w.lexKey[:0], w.ids[:0]
	w.stamp, w.entryOf, w.gen = w.stamp[:0], w.entryOf[:0], 0
	workspaces.Put(w)
}

// entry is a lexeme of the vector being built, with what to_tsvector,
// setweight and || have kept of its positions so far.
type entry struct {
	lex   int32
	n     int32  // positions kept
	bodyN int32  // of them, the body's (to_tsvector's bound is per text)
	last  uint16 // the last position kept, unweighted
	body  uint16 // the last position of the body's own vector
}

// occurrence is a position kept for an entry, weighted, in text order.
type occurrence struct {
	entry int32
	pos   uint16
}

// build is the vector of a doc, setweight(to_tsvector(title), 'A') ||
// setweight(to_tsvector(body), 'B'), from its resolved tokens, in one
// pass for both texts. to_tsvector: a recognised token takes the next
// position, shared by all its lexemes (none for a stop word); a lexeme's
// positions are capped at MaxPos, without repeats, at most maxPositions-1
// of them, and none after one reached MaxPos. ||: the body's positions
// move past the title's largest, capped at MaxPos; a lexeme of both keeps
// the title's and then the body's, at most maxPositions in all and none
// after one reached MaxPos. Positions arrive in order, so each lexeme's
// list is appended to, never sorted; the entries are sorted once, by the
// first bytes of their lexemes.
func (w *workspace) build(title, body []int32) Vector {
	w.gen++
	w.entries, w.occ = w.entries[:0], w.occ[:0]
	shift := 0
	pos := 0
	for _, t := range title {
		g := w.groups[t]
		if g == groupNone {
			continue
		}
		pos++
		p := uint16(min(pos, MaxPos))
		lexes := w.lexemesOf(t, g)
		for _, l := range lexes {
			ei := w.entryFor(l)
			e := &w.entries[ei]
			if e.n == 0 || e.n < maxPositions-1 && e.last != MaxPos && e.last != p {
				e.n, e.last = e.n+1, p
				w.occ = append(w.occ, occurrence{ei, p | uint16(A)<<14})
				shift = max(shift, int(p))
			}
		}
	}
	pos = 0
	for _, t := range body {
		g := w.groups[t]
		if g == groupNone {
			continue
		}
		pos++
		p := uint16(min(pos, MaxPos))
		for _, l := range w.lexemesOf(t, g) {
			ei := w.entryFor(l)
			e := &w.entries[ei]
			if e.bodyN > 0 && (e.bodyN >= maxPositions-1 || e.body == MaxPos || e.body == p) {
				continue // not in the body's vector
			}
			e.bodyN, e.body = e.bodyN+1, p
			if e.n >= maxPositions || e.n > 0 && e.last == MaxPos {
				continue // not kept by ||
			}
			q := uint16(min(int(p)+shift, MaxPos))
			e.n, e.last = e.n+1, q
			w.occ = append(w.occ, occurrence{ei, q | uint16(B)<<14})
		}
	}
	return w.sorted()
}

// lexemesOf is the lexeme ids of word t of group code g.
func (w *workspace) lexemesOf(t, g int32) []int32 {
	switch {
	case g >= 0:
		return w.groups[t : t+1]
	case g == groupMulti:
		return w.words[t].lexes.of(w.ids)
	}
	return nil // a stop word
}

// entryFor is the index of lexeme l's entry in the vector being built,
// added if new.
func (w *workspace) entryFor(l int32) int32 {
	if w.stamp[l] == w.gen {
		return w.entryOf[l]
	}
	ei := int32(len(w.entries))
	w.stamp[l], w.entryOf[l] = w.gen, ei
	w.entries = append(w.entries, entry{lex: l})
	return ei
}

// sorted is the vector of w's entries and occurrences, sorted by lexeme
// bytewise. Each sort key is an entry's index under its lexeme's prefix
// key, cut to the bits the index leaves; entries whose cut keys tie are
// then ordered by their whole lexemes.
func (w *workspace) sorted() Vector {
	n := len(w.entries)
	idxBits := uint(bits.Len(uint(n)))
	keys := w.keys[:0]
	for i, e := range w.entries {
		keys = append(keys, w.lexKey[e.lex]>>idxBits<<idxBits|uint64(i))
	}
	w.scratch = sortKeys(keys, w.scratch)
	idx := func(k uint64) int32 { return int32(k & (1<<idxBits - 1)) }
	for i := 0; i < n; {
		j := i + 1
		for j < n && keys[j]>>idxBits == keys[i]>>idxBits {
			j++
		}
		if j-i > 1 {
			slices.SortFunc(keys[i:j], func(x, y uint64) int {
				return strings.Compare(w.lexStr[w.entries[idx(x)].lex], w.lexStr[w.entries[idx(y)].lex])
			})
		}
		i = j
	}
	w.keys = keys
	total := 0
	for _, e := range w.entries {
		total += int(e.n)
	}
	v := make(Vector, n)
	slab := make([]uint16, total)
	off := int32(0)
	for r, k := range keys {
		e := &w.entries[idx(k)]
		v[r] = Entry{Lexeme: w.lexStr[e.lex], Positions: slab[off : off+e.n : off+e.n]}
		e.n, off = off, off+e.n // e.n is now where its next position goes
	}
	for _, o := range w.occ {
		e := &w.entries[o.entry]
		slab[e.n] = o.pos
		e.n++
	}
	return v
}

// Cache remembers dictionary answers, bounded in entries and bytes. It
// keeps two generations: lookups fill the current one and copy what they
// find in the previous one; when the current one is full it becomes the
// previous and the old previous is dropped. So words in use stay, the
// rest ages out, and the bound holds without per-entry bookkeeping. Real
// text is Zipfian, so a few ten thousand entries answer almost every word.
type Cache struct {
	maxEntries, maxBytes int

	mu          sync.Mutex
	cur, prev   generation
	curN, prevN int // answers in each (one copied to cur is deleted from prev)
	curBytes    int
	hits, quest atomic.Uint64
}

// generation is answers by dictionary, then word: a map keyed by a string
// is cheaper to probe than one keyed by Key (one string hash, no
// generated equality), and most words go to one dictionary.
type generation map[uint32]map[string]Lexized

func (g generation) get(k Key) (Lexized, bool) {
	l, ok := g[k.Dict][k.Word]
	return l, ok
}

// DefaultCacheEntries and DefaultCacheBytes bound the store's cache: at
// most 65,536 answers and 8 MiB (both generations together).
const (
	DefaultCacheEntries = 1 << 16
	DefaultCacheBytes   = 8 << 20
)

// entryOverhead approximates a map entry's own bytes beyond its strings.
const entryOverhead = 64

// NewCache returns an empty cache holding at most maxEntries answers and
// about maxBytes bytes.
func NewCache(maxEntries, maxBytes int) *Cache {
	return &Cache{
		maxEntries: max(maxEntries, 2), maxBytes: max(maxBytes, 2*entryOverhead),
		cur: make(generation), prev: make(generation),
	}
}

func entryBytes(k Key, l Lexized) int {
	n := entryOverhead + len(k.Word)
	for _, s := range l.Lexemes {
		n += len(s) + 16
	}
	return n
}

// getLocked is the answer to k, if cached; c.mu is held.
func (c *Cache) getLocked(k Key) (Lexized, bool) {
	if l, ok := c.cur.get(k); ok {
		return l, true
	}
	if l, ok := c.prev.get(k); ok {
		delete(c.prev[k.Dict], k.Word)
		c.prevN--
		c.putLocked(k, l)
		return l, true
	}
	return Lexized{}, false
}

// putAll caches answers[i] as the answer to keys[i].
func (c *Cache) putAll(keys []Key, answers []Lexized) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, k := range keys {
		if _, ok := c.cur.get(k); !ok {
			// The word is a slice of an article's text: cached as it is,
			// it would keep that whole text alive for as long as the entry.
			k.Word = strings.Clone(k.Word)
			c.putLocked(k, answers[i])
		}
	}
}

func (c *Cache) putLocked(k Key, l Lexized) {
	b := entryBytes(k, l)
	if c.curN >= c.maxEntries/2 || c.curBytes+b > c.maxBytes/2 {
		c.prev, c.cur, c.prevN, c.curN, c.curBytes = c.cur, make(generation, len(c.cur)), c.curN, 0, 0
	}
	m := c.cur[k.Dict]
	if m == nil {
		m = make(map[string]Lexized)
		c.cur[k.Dict] = m
	}
	m[k.Word] = l
	c.curBytes += b
	c.curN++
}

// Len is the number of answers held.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.curN + c.prevN
}

// Stats returns how many lookups the cache answered and how many it was
// asked, since it was made.
func (c *Cache) Stats() (hits, lookups uint64) { return c.hits.Load(), c.quest.Load() }
