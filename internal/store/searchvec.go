package store

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/pressroom/pressroom/internal/tsvector"
)

// Inline search indexing builds each article's search vector in Go
// (internal/tsvector) and sends PostgreSQL the finished tsvector: parsing
// and stemming the text was ~1.2 ms of PostgreSQL CPU per article, and
// reading a vector is a tenth of that (docs/performance.md). The vector is
// meant to be pressroom_search_vector's: tsvector.Parse cuts the text as
// PostgreSQL's default parser does (and says when it is not sure), and
// what each dictionary makes of a word is asked of the database itself
// (ts_lexize) and cached. An article the Go side cannot serve (text the
// parser is not sure of, a configuration with other dictionaries than
// simple and snowball, a database whose LC_CTYPE is not C, a failed
// lookup) is left to
// pressroom_search_vector in the same statement, so no article is lost or
// indexed differently.

// bodyChars is the body prefix pressroom_search_vector indexes
// (left(body, 262144), in characters).
const bodyChars = 262144

// maxTitleBytes: a longer title is left to the background indexer, as the
// SQL of inlineSearchVector does, since its vector may pass 1 MB.
const maxTitleBytes = 1024

// maxLangKeys bounds the cache of language tags resolved to
// configurations; the tags come from the pages, so their number is not.
const maxLangKeys = 1024

// goSearch is the Go side of inline indexing for one database.
type goSearch struct {
	cache *tsvector.Cache
	// vectors built in Go, and left to pressroom_search_vector (for tests;
	// not exported as metrics, which would need the dashboard's contract)
	built, left atomic.Uint64
	// asText sends the vectors in tsvector's text format instead of the
	// binary one, only to measure the two (BenchmarkSearchIndexing).
	asText bool
	// lexize replaces the ts_lexize query in tests; nil: the query.
	lexize func(ctx context.Context, keys []tsvector.Key) ([]tsvector.Lexized, error)

	mu      sync.Mutex
	checked bool                        // the database's locale was checked
	usable  bool                        // the database parses as tsvector.Parse does
	langs   map[string]uint32           // primary language subtag → regconfig OID
	configs map[uint32]*tsvector.Config // nil: served by SQL only
}

func newGoSearch() *goSearch {
	return &goSearch{
		cache:   tsvector.NewCache(tsvector.DefaultCacheEntries, tsvector.DefaultCacheBytes),
		langs:   make(map[string]uint32),
		configs: make(map[uint32]*tsvector.Config),
	}
}

// searchVectors returns, for each article of a batch (language, title and
// body at the same index), its search vector, or an invalid (NULL) one
// where pressroom_search_vector must compute it instead. Any error of the
// Go side makes the whole batch fall back to SQL. The vectors go to
// PostgreSQL in tsvector's binary format, which it reads for less CPU
// than the text format (docs/performance.md).
func (s *Store) searchVectors(ctx context.Context, langs, titles, bodies []string) []pgtype.TSVector {
	out := make([]pgtype.TSVector, len(langs))
	for i, v := range s.searchVectorParams(ctx, langs, titles, bodies) {
		if v != nil {
			out[i] = pgVector(tsvector.Vector(v))
		}
	}
	return out
}

// searchVectorParams is searchVectors as parameters that pgx writes
// without a copy, for a query whose first argument is withVectorCodec.
func (s *Store) searchVectorParams(ctx context.Context, langs, titles, bodies []string) []vectorParam {
	out, err := s.goSearch.params(ctx, s.pool, langs, titles, bodies)
	if err != nil {
		slog.WarnContext(ctx, "search vectors left to PostgreSQL", slog.Any("err", err))
	}
	return out
}

// params is searchVectorParams for any of the store's Go sides (nil: all
// NULL), asking q what they do not know yet. On an error of the Go side
// every vector is NULL.
func (g *goSearch) params(ctx context.Context, q querier, langs, titles, bodies []string) ([]vectorParam, error) {
	out := make([]vectorParam, len(langs))
	if g == nil || len(langs) == 0 {
		return out, nil
	}
	vecs := make([]tsvector.Vector, len(langs))
	ok := make([]bool, len(langs))
	err := g.fill(ctx, q, langs, titles, bodies, vecs, ok)
	if err != nil {
		clear(ok)
	}
	built := 0
	for i, v := range vecs {
		if ok[i] {
			out[i] = vectorParam(v)
			built++
		}
	}
	g.built.Add(uint64(built))
	g.left.Add(uint64(len(out) - built))
	return out, err
}

// pgVector is v as pgx sends a tsvector.
func pgVector(v tsvector.Vector) pgtype.TSVector {
	n := 0
	for _, e := range v {
		n += len(e.Positions)
	}
	lexemes := make([]pgtype.TSVectorLexeme, len(v))
	positions := make([]pgtype.TSVectorPosition, n) // one slab for all
	for i, e := range v {
		pos := positions[:len(e.Positions):len(e.Positions)]
		positions = positions[len(e.Positions):]
		for j, p := range e.Positions {
			pos[j] = pgtype.TSVectorPosition{Position: p & tsvector.MaxPos, Weight: pgWeights[p>>14]}
		}
		lexemes[i] = pgtype.TSVectorLexeme{Word: e.Lexeme, Positions: pos}
	}
	return pgtype.TSVector{Lexemes: lexemes, Valid: true}
}

// searchVectorTexts is vs in tsvector's text format, nil for NULL.
func searchVectorTexts(vs []pgtype.TSVector) []*string {
	out := make([]*string, len(vs))
	for i, v := range vs {
		if v.Valid {
			text := v.String()
			out[i] = &text
		}
	}
	return out
}

var pgWeights = [4]pgtype.TSVectorWeight{pgtype.TSVectorWeightD, pgtype.TSVectorWeightC, pgtype.TSVectorWeightB, pgtype.TSVectorWeightA}

func (g *goSearch) fill(ctx context.Context, q querier, langs, titles, bodies []string, out []tsvector.Vector, ok []bool) error {
	cfgs, err := g.configsFor(ctx, q, langs)
	if err != nil {
		return err
	}
	var docs []tsvector.Doc
	var at []int
	for i, c := range cfgs {
		if c == nil || len(titles[i]) > maxTitleBytes {
			continue
		}
		docs = append(docs, tsvector.Doc{Config: c, Title: titles[i], Body: leftChars(bodies[i], bodyChars)})
		at = append(at, i)
	}
	if len(docs) == 0 {
		return nil
	}
	lookup := g.lexize
	if lookup == nil {
		lookup = func(ctx context.Context, keys []tsvector.Key) ([]tsvector.Lexized, error) {
			return lexize(ctx, q, keys)
		}
	}
	vecs, err := g.cache.Vectors(ctx, docs, lookup)
	if err != nil {
		return err
	}
	for j, v := range vecs {
		// nil: text the Go parser is not sure of; unreadable: a lexeme or
		// a size PostgreSQL only makes itself
		if v != nil && v.Readable() {
			out[at[j]], ok[at[j]] = v, true
		}
	}
	return nil
}

// configsFor returns the configuration of each language, nil where Go
// cannot serve it. What is not known yet is read from the database.
func (g *goSearch) configsFor(ctx context.Context, q querier, langs []string) ([]*tsvector.Config, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	out := make([]*tsvector.Config, len(langs))
	if !g.checked {
		var ctype, encoding string
		err := q.QueryRow(ctx, `SELECT current_setting('lc_ctype'), current_setting('server_encoding')`).Scan(&ctype, &encoding)
		if err != nil {
			return nil, fmt.Errorf("read the database's locale: %w", err)
		}
		g.checked = true
		// Under another LC_CTYPE PostgreSQL's parser classifies non-ASCII
		// characters with the C library, which tsvector.Parse does not.
		g.usable = (ctype == "C" || ctype == "POSIX") && encoding == "UTF8"
		if !g.usable {
			slog.WarnContext(ctx, "search vectors are computed by PostgreSQL, not in Go: the database's LC_CTYPE is not C or its encoding not UTF8 (docs/performance.md)",
				slog.String("lc_ctype", ctype), slog.String("encoding", encoding))
		}
	}
	if !g.usable {
		return out, nil
	}
	keys := make([]string, len(langs))
	var unknown []string
	for i, l := range langs {
		keys[i] = langKey(l)
		if _, ok := g.langs[keys[i]]; !ok && !slices.Contains(unknown, keys[i]) {
			unknown = append(unknown, keys[i])
		}
	}
	if len(unknown) > 0 {
		if len(g.langs)+len(unknown) > maxLangKeys {
			clear(g.langs)
		}
		rows, err := q.Query(ctx, `SELECT l, pressroom_regconfig(l)::oid FROM unnest($1::text[]) AS l`, unknown)
		if err != nil {
			return nil, fmt.Errorf("resolve languages: %w", err)
		}
		var (
			l   string
			oid uint32
		)
		_, err = pgx.ForEachRow(rows, []any{&l, &oid}, func() error {
			g.langs[l] = oid
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("resolve languages: %w", err)
		}
	}
	for i, k := range keys {
		oid, ok := g.langs[k]
		if !ok {
			continue
		}
		c, ok := g.configs[oid]
		if !ok {
			var err error
			if c, err = loadConfig(ctx, q, oid); err != nil {
				return nil, err
			}
			g.configs[oid] = c
		}
		out[i] = c
	}
	return out, nil
}

// langKey is the part of a language tag pressroom_regconfig looks at: the
// primary subtag, ASCII-lowercased ('_' separates as '-' does).
func langKey(lang string) string {
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	b := []byte(lang)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// loadConfig reads a configuration's token-type mapping, or returns nil
// when Go cannot reproduce it: another parser than the default, or a
// dictionary other than simple or snowball (ispell, synonym and thesaurus
// dictionaries can turn one token into several positions, or several
// tokens into one, which ts_lexize does not show).
func loadConfig(ctx context.Context, q querier, oid uint32) (*tsvector.Config, error) {
	var ok bool
	err := q.QueryRow(ctx, `SELECT p.prsname = 'default' AND p.prsnamespace = 'pg_catalog'::regnamespace
		AND coalesce((SELECT bool_and(t.tmplname IN ('simple', 'snowball') AND t.tmplnamespace = 'pg_catalog'::regnamespace)
			FROM pg_ts_config_map m JOIN pg_ts_dict d ON d.oid = m.mapdict JOIN pg_ts_template t ON t.oid = d.dicttemplate
			WHERE m.mapcfg = c.oid), true)
		FROM pg_ts_config c JOIN pg_ts_parser p ON p.oid = c.cfgparser WHERE c.oid = $1`, oid).Scan(&ok)
	if err != nil {
		return nil, fmt.Errorf("read text search configuration %d: %w", oid, err)
	}
	if !ok {
		return nil, nil
	}
	rows, err := q.Query(ctx, `SELECT maptokentype, mapdict::oid FROM pg_ts_config_map WHERE mapcfg = $1 ORDER BY maptokentype, mapseqno`, oid)
	if err != nil {
		return nil, fmt.Errorf("read text search configuration %d: %w", oid, err)
	}
	c := &tsvector.Config{OID: oid}
	var (
		typ  int32
		dict uint32
	)
	_, err = pgx.ForEachRow(rows, []any{&typ, &dict}, func() error {
		// A token type this parser does not make, or blanks, which it may
		// cut differently from PostgreSQL (no built-in configuration
		// indexes them): leave the configuration to SQL.
		if typ <= 0 || typ >= tsvector.NumTokenTypes || tsvector.TokenType(typ) == tsvector.Blank {
			ok = false
			return nil
		}
		c.Dicts[typ] = append(c.Dicts[typ], dict)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read text search configuration %d: %w", oid, err)
	}
	if !ok {
		return nil, nil
	}
	return c, nil
}

// lexize asks ts_lexize for each key, in one query.
func lexize(ctx context.Context, q querier, keys []tsvector.Key) ([]tsvector.Lexized, error) {
	dicts := make([]int64, len(keys))
	words := make([]string, len(keys))
	for i, k := range keys {
		dicts[i], words[i] = int64(k.Dict), k.Word
	}
	rows, err := q.Query(ctx, `SELECT l IS NOT NULL, coalesce(l, '{}') FROM (
		SELECT ts_lexize(d::oid::regdictionary, w) AS l, n
		FROM unnest($1::int8[], $2::text[]) WITH ORDINALITY AS t(d, w, n)) AS x ORDER BY n`, dicts, words)
	if err != nil {
		return nil, fmt.Errorf("lexize: %w", err)
	}
	out := make([]tsvector.Lexized, 0, len(keys))
	var (
		known   bool
		lexemes []string
	)
	_, err = pgx.ForEachRow(rows, []any{&known, &lexemes}, func() error {
		out = append(out, tsvector.Lexized{Lexemes: lexemes, Known: known})
		lexemes = nil
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("lexize: %w", err)
	}
	return out, nil
}

// leftChars is SQL's left(s, n): the first n characters of s.
func leftChars(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
