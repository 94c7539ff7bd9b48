package tsvector

import (
	"context"
	"fmt"
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

// token is a token the configuration maps to dictionaries, with how far
// its dictionaries were followed: dict is the index of the next one to
// ask, answer the batch's answer that decided it (-1: not yet).
type token struct {
	text   string
	answer int32
	dict   uint16
	typ    TokenType
}

// batch interns one Vectors call's answers and lexemes, so that each token
// costs one map lookup and grouping lexemes into a vector costs none.
type batch struct {
	c *Cache
	// answers by dictionary, then word: a string-keyed map is cheaper to
	// probe than one keyed by Key, and most tokens go to one dictionary
	answers  map[uint32]map[string]int32
	lastDict uint32
	last     map[string]int32 // answers[lastDict], or nil
	lexemes  []span           // per answer: its lexemes' ids in ids; none for NULL
	known    []bool           // per answer: the dictionary recognised the word
	ids      []int32          // the lexeme ids of all answers, one slab
	lexID    map[string]int32
	lexStr   []string
}

// span is a run of batch.ids.
type span struct{ start, n int32 }

func (b *batch) add(k Key, l Lexized) int32 {
	id := int32(len(b.known))
	b.byDict(k.Dict)[k.Word] = id
	sp := span{start: int32(len(b.ids))}
	if l.Known {
		for _, s := range l.Lexemes {
			lid, ok := b.lexID[s]
			if !ok {
				lid = int32(len(b.lexStr))
				b.lexID[s] = lid
				b.lexStr = append(b.lexStr, s)
			}
			b.ids = append(b.ids, lid)
		}
		sp.n = int32(len(l.Lexemes))
	}
	b.lexemes = append(b.lexemes, sp)
	b.known = append(b.known, l.Known)
	return id
}

// byDict is the answers of one dictionary.
func (b *batch) byDict(dict uint32) map[string]int32 {
	if b.last != nil && dict == b.lastDict {
		return b.last
	}
	m := b.answers[dict]
	if m == nil {
		m = make(map[string]int32)
		b.answers[dict] = m
	}
	b.lastDict, b.last = dict, m
	return m
}

// lexemesOf is an answer's lexeme ids.
func (b *batch) lexemesOf(answer int32) []int32 {
	sp := b.lexemes[answer]
	return b.ids[sp.start : sp.start+sp.n]
}

// resolve follows t's dictionaries until one recognises it or the list
// ends (t.answer set, or dict past the end: no position), and returns the
// key whose answer is still needed, if any.
func (b *batch) resolve(cfg *Config, t *token) (Key, bool) {
	dicts := cfg.Dicts[t.typ]
	for t.answer < 0 && int(t.dict) < len(dicts) {
		k := Key{dicts[t.dict], t.text}
		id, ok := b.byDict(k.Dict)[k.Word]
		if !ok {
			l, cached := b.c.get(k)
			if !cached {
				return k, true
			}
			id = b.add(k, l)
		}
		if b.known[id] {
			t.answer = id
		} else {
			t.dict++
		}
	}
	return Key{}, false
}

// Vectors builds the vector of each doc. The words the cache does not know
// are looked up with one lexize call per round (one round per dictionary
// a word falls through, so one round for the built-in configurations),
// and the answers are cached. A doc whose text Parse is not sure of gets
// a nil vector (Concat makes every other one non-nil): it is to be built
// by PostgreSQL instead.
func (c *Cache) Vectors(ctx context.Context, docs []Doc, lexize LexizeFunc) ([]Vector, error) {
	w := getWorkspace(c)
	defer putWorkspace(w)
	b, g := &w.batch, &w.grouper
	type parsed struct {
		title, body span // in w.toks
		sure        bool
	}
	texts := make([]parsed, len(docs))
	for i, d := range docs {
		start := len(w.toks)
		sureTitle := w.tokens(d.Config, d.Title)
		mid := len(w.toks)
		sureBody := w.tokens(d.Config, d.Body)
		if texts[i].sure = sureTitle && sureBody; texts[i].sure {
			texts[i].title = span{int32(start), int32(mid - start)}
			texts[i].body = span{int32(mid), int32(len(w.toks) - mid)}
		} else {
			w.toks = w.toks[:start]
		}
	}
	toks := func(sp span) []token { return w.toks[sp.start : sp.start+sp.n] }
	// The batch's own answers also keep a word evicted from the cache
	// meanwhile from being asked for twice.
	for round := 0; ; round++ {
		missing := w.missing[:0]
		clear(w.seen)
		for i, d := range docs {
			for _, sp := range [2]span{texts[i].title, texts[i].body} {
				ts := toks(sp)
				for j := range ts {
					if k, ok := b.resolve(d.Config, &ts[j]); ok && !w.seen[k] {
						w.seen[k] = true
						missing = append(missing, k)
					}
				}
			}
		}
		w.missing = missing
		if len(missing) == 0 {
			break
		}
		if round >= maxRounds {
			return nil, fmt.Errorf("tsvector: words still unknown after %d rounds", round)
		}
		answers, err := lexize(ctx, missing)
		if err != nil {
			return nil, err
		}
		if len(answers) != len(missing) {
			return nil, fmt.Errorf("tsvector: lexize: %d answers for %d words", len(answers), len(missing))
		}
		for i, k := range missing {
			b.add(k, answers[i])
			c.put(k, answers[i])
		}
	}
	out := make([]Vector, len(docs))
	g.reset(b)
	for i := range docs {
		if !texts[i].sure {
			continue // nil: left to PostgreSQL
		}
		// The title's and body's vectors live only until Concat has
		// merged them: they are the grouper's, reused.
		title := g.build(b, toks(texts[i].title), g.title).SetWeight(A)
		body := g.build(b, toks(texts[i].body), g.body).SetWeight(B)
		out[i] = Concat(title, body)
		clear(title)
		clear(body)
		g.title, g.body = title[:0], body[:0]
	}
	return out, nil
}

// workspace is the scratch of one Vectors call: its tokens, its batch's
// maps and slices, and its grouper. Workspaces are pooled, so that a call
// allocates little more than the vectors it returns: the scratch was ~60%
// of the bytes a vector cost, and the server's collector runs in
// proportion to the bytes allocated (docs/performance.md, fourth pass).
type workspace struct {
	toks    []token
	batch   batch
	grouper grouper
	missing []Key
	seen    map[Key]bool
}

var workspaces sync.Pool

// maxPooledTokens bounds the token slab a pooled workspace keeps: a rare
// huge body should not pin its slab (24 bytes a token) in the pool.
const maxPooledTokens = 1 << 16

func getWorkspace(c *Cache) *workspace {
	w, _ := workspaces.Get().(*workspace)
	if w == nil {
		w = &workspace{
			batch: batch{answers: make(map[uint32]map[string]int32), lexID: make(map[string]int32)},
			seen:  make(map[Key]bool),
		}
	}
	w.batch.c = c
	return w
}

// putWorkspace empties w of every reference into the call's texts and
// answers (the maps' keys are slices of the articles) and pools it.
func putWorkspace(w *workspace) {
	clear(w.toks)
	w.toks = w.toks[:0]
	b := &w.batch
	b.c = nil
	for _, m := range b.answers {
		clear(m)
	}
	b.lastDict, b.last = 0, nil
	clear(b.lexID)
	clear(b.lexStr)
	b.lexemes, b.known, b.ids, b.lexStr = b.lexemes[:0], b.known[:0], b.ids[:0], b.lexStr[:0]
	clear(w.missing)
	w.missing = w.missing[:0]
	clear(w.seen)
	if cap(w.toks) > maxPooledTokens || len(b.answers) > maxPooledDicts {
		return
	}
	workspaces.Put(w)
}

// maxPooledDicts bounds the per-dictionary maps a pooled workspace keeps.
const maxPooledDicts = 64

// grouper builds vectors from resolved tokens, grouping positions by
// lexeme id in slices rather than maps; stamp tells which entries belong
// to the vector being built. Its scratch slices are reused from one
// vector to the next, so that a vector allocates only what it keeps.
type grouper struct {
	entry, stamp []int32
	rank         []int32 // of each lexeme id in bytewise order
	order        []int32 // lexeme ids in bytewise order, for rank
	title, body  Vector  // a doc's two vectors before Concat
	gen          int32
	scratch      Vector
	counts       []int
	ids          []int32
	keys         []uint64
}

// reset readies g for the vectors of b: it ranks b's lexemes once, so
// that each vector sorts its entries by comparing integers, and sizes its
// per-lexeme slices, reused from earlier batches.
func (g *grouper) reset(b *batch) {
	n := len(b.lexStr)
	if g.gen > 1<<30 || cap(g.stamp) < n {
		// A stamp from an earlier batch is below gen and so reads as
		// not in the vector; only a fresh or wrapping stamp slice is cleared.
		g.stamp, g.gen = make([]int32, n, max(n, 2*cap(g.stamp))), 0
	}
	g.stamp = g.stamp[:n]
	g.entry = slices.Grow(g.entry[:0], n)[:n]
	g.order = slices.Grow(g.order[:0], n)[:n]
	for i := range g.order {
		g.order[i] = int32(i)
	}
	slices.SortFunc(g.order, func(x, y int32) int { return strings.Compare(b.lexStr[x], b.lexStr[y]) })
	g.rank = slices.Grow(g.rank[:0], n)[:n]
	for r, id := range g.order {
		g.rank[id] = int32(r)
	}
}

// build is to_tsvector's grouping (uniqueWORD): a recognised token takes
// the next position, shared by all its lexemes (none for a stop word); a
// lexeme's positions are capped at MaxPos, without repeats, at most
// maxPositions-1 of them, and none after one reached MaxPos. A first pass
// counts each lexeme's occurrences so that all positions share one slab.
// The vector is written into dst's array, grown if need be.
func (g *grouper) build(b *batch, toks []token, dst Vector) Vector {
	g.gen++
	v, counts, ids := g.scratch[:0], g.counts[:0], g.ids[:0]
	for _, t := range toks {
		if t.answer < 0 {
			continue
		}
		for _, lid := range b.lexemesOf(t.answer) {
			if g.stamp[lid] != g.gen {
				g.stamp[lid], g.entry[lid] = g.gen, int32(len(v))
				v = append(v, Entry{Lexeme: b.lexStr[lid]})
				counts = append(counts, 0)
				ids = append(ids, lid)
			}
			counts[g.entry[lid]]++
		}
	}
	total := 0
	for _, n := range counts {
		total += min(n, maxPositions-1)
	}
	slab := make([]uint16, 0, total)
	for i, n := range counts {
		n = min(n, maxPositions-1)
		v[i].Positions, slab = slab[:0:n], slab[n:n]
	}
	pos := 0
	for _, t := range toks {
		if t.answer < 0 {
			continue // no dictionary recognised it: no position
		}
		pos++
		p := uint16(min(pos, MaxPos))
		for _, lid := range b.lexemesOf(t.answer) {
			e := &v[g.entry[lid]]
			if k := len(e.Positions); k == 0 {
				e.Positions = append(e.Positions, p)
			} else if last := e.Positions[k-1]; k < maxPositions-1 && last != MaxPos && last != p {
				e.Positions = append(e.Positions, p)
			}
		}
	}
	// Sort the entries by their lexemes' ranks: keys of rank and index in
	// one integer sort without a comparison function.
	keys := g.keys[:0]
	for i, id := range ids {
		keys = append(keys, uint64(g.rank[id])<<32|uint64(i))
	}
	slices.Sort(keys)
	sorted := slices.Grow(dst[:0], len(v))[:len(v)]
	for i, k := range keys {
		sorted[i] = v[uint32(k)]
	}
	clear(v) // the scratch keeps no lexeme or positions alive
	g.scratch, g.counts, g.ids, g.keys = v, counts, ids, keys
	return sorted
}

// tokens appends text's tokens that cfg maps to dictionaries to w.toks,
// and reports whether Parse was sure of them.
func (w *workspace) tokens(cfg *Config, text string) bool {
	w.toks = slices.Grow(w.toks, len(text)/6) // about one word in six bytes
	return Parse(text, func(typ TokenType, tok string) {
		if len(cfg.Dicts[typ]) > 0 && len(tok) < MaxWordBytes {
			w.toks = append(w.toks, token{typ: typ, text: tok, answer: -1})
		}
	})
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
	cur, prev   map[Key]Lexized
	curBytes    int
	hits, quest atomic.Uint64
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
		cur: make(map[Key]Lexized), prev: make(map[Key]Lexized),
	}
}

func entryBytes(k Key, l Lexized) int {
	n := entryOverhead + len(k.Word)
	for _, s := range l.Lexemes {
		n += len(s) + 16
	}
	return n
}

func (c *Cache) get(k Key) (Lexized, bool) {
	c.quest.Add(1)
	c.mu.Lock()
	defer c.mu.Unlock()
	if l, ok := c.cur[k]; ok {
		c.hits.Add(1)
		return l, true
	}
	if l, ok := c.prev[k]; ok {
		c.hits.Add(1)
		delete(c.prev, k)
		c.putLocked(k, l)
		return l, true
	}
	return Lexized{}, false
}

func (c *Cache) put(k Key, l Lexized) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.cur[k]; !ok {
		// The word is a slice of an article's text: cached as it is, it
		// would keep that whole text alive for as long as the entry.
		k.Word = strings.Clone(k.Word)
		c.putLocked(k, l)
	}
}

func (c *Cache) putLocked(k Key, l Lexized) {
	b := entryBytes(k, l)
	if len(c.cur) >= c.maxEntries/2 || c.curBytes+b > c.maxBytes/2 {
		c.prev, c.cur, c.curBytes = c.cur, make(map[Key]Lexized, len(c.cur)), 0
	}
	c.cur[k] = l
	c.curBytes += b
}

// Len is the number of answers held.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.cur) + len(c.prev)
}

// Stats returns how many lookups the cache answered and how many it was
// asked, since it was made.
func (c *Cache) Stats() (hits, lookups uint64) { return c.hits.Load(), c.quest.Load() }
