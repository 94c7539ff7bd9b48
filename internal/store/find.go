package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pressroom/pressroom/internal/article"
)

// Page sizes of FindArticles.
const (
	DefaultPageSize = 50
	MaxPageSize     = 500
)

// maxQueryBytes bounds a search query; websearch_to_tsquery's work grows
// with it and no reader types more.
const maxQueryBytes = 1024

// recencyKey is the time an article is listed by.
const recencyKey = `coalesce(a.published_at, a.received_at)`

// A search matches and ranks each article with the query ($3) parsed in
// the article's own text-search configuration, as its search column was
// built: its "own query". The rank is ts_rank_cd against it (title (A) hits
// weigh 1.0, body (B) hits 0.4); it depends only on the row and the query,
// never on what else is stored, so a rank in a cursor still means the same
// place on the next page.
//
// Without a language filter, searchCTE parses the query once per
// configuration in use (plus 'simple'), cfgs[i] giving qs[i], rather than
// once per row (measured in docs/performance.md#search-queries). The
// distinct languages come from a loose index scan, one index probe per
// language. The GIN index is probed with any_q, the ORed
// queries: a constant for the whole scan, and a superset of every
// article's own query, which is then checked row by row. The statement's
// one snapshot guarantees that every row it sees has its language in
// langs.
const searchCTE = `WITH RECURSIVE langs AS (
		SELECT min(language) AS l FROM articles
	UNION ALL
		SELECT (SELECT min(language) FROM articles WHERE language > langs.l) FROM langs WHERE langs.l IS NOT NULL
), parsed AS (
	SELECT array_agg(c.cfg) AS cfgs, array_agg(c.q) AS qs, pressroom_tsquery_or(DISTINCT c.q) AS any_q
	FROM (SELECT cfg, websearch_to_tsquery(cfg, $3::text) AS q FROM (
		SELECT pressroom_regconfig(l) AS cfg FROM langs WHERE l IS NOT NULL
		UNION SELECT 'pg_catalog.simple'::regconfig
	) AS c0) AS c
)
`

// ownQuery is an article's own query under searchCTE.
const ownQuery = `(SELECT qs FROM parsed)[array_position((SELECT cfgs FROM parsed), pressroom_regconfig(a.language))]`

// MaxPageBodyBytes ends a page of a listing with bodies (Filter.WithBody)
// early, once its articles hold this much body text, so that what one list
// request holds in memory does not grow with its limit times the largest
// article; the page's Next continues after its last article.
const MaxPageBodyBytes = 4 << 20

// FindArticles lists articles matching f, one page at a time. Without a
// query they come newest first (by publication time, else arrival time);
// with one, most relevant first. Ties are broken by id, descending. A
// cursor that is malformed, or was made for another filter, is ErrInvalid.
//
// A query is parsed with websearch_to_tsquery: with f.Language in that
// language's configuration; without, each article is matched and ranked in
// its own language's configuration, so English stemming applies to English
// articles and German stemming to German ones.
//
// A text search sees only articles indexed for search: a new article is
// found once IndexSearch has run after its commit (the server's indexer
// runs it continuously, so within about a second unless ingest outpaces
// it). Listing without a query does not depend on the index, and shows
// every committed article at once.
func (s *Store) FindArticles(ctx context.Context, f article.Filter) (*article.Page, error) {
	q, err := buildFind(f)
	if err != nil {
		return nil, fmt.Errorf("store: find articles: %w", err)
	}
	rows, err := s.pool.Query(ctx, q.sql, q.args...)
	if err != nil {
		return nil, fmt.Errorf("store: find articles: %w", mapError(err))
	}
	defer rows.Close()
	page := &article.Page{Articles: make([]*article.Article, 0, min(q.limit, 64))}
	var last cursor
	bodyBytes := 0
	for rows.Next() {
		if len(page.Articles) == q.limit || bodyBytes >= MaxPageBodyBytes {
			// The extra row only says that there is a next page.
			page.Next = encodeCursor(last)
			break
		}
		var rank float32
		var row pgx.Row = rows
		if q.kind == cursorRank {
			row = extraColumns{rows, []any{&rank}}
		}
		a, err := scanArticle(row)
		if err != nil {
			return nil, fmt.Errorf("store: find articles: %w", mapError(err))
		}
		page.Articles = append(page.Articles, a)
		for _, p := range a.Paragraphs {
			bodyBytes += len(p)
		}
		last = cursor{kind: q.kind, tag: q.tag, rank: rank, id: a.ID}
		if q.kind == cursorTime {
			last.at = a.ReceivedAt
			if a.Metadata.Published != nil {
				last.at = a.Metadata.Published.Time.UTC()
			}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: find articles: %w", mapError(err))
	}
	return page, nil
}

// findQuery is the statement FindArticles runs for a filter.
type findQuery struct {
	sql   string
	args  []any
	limit int
	kind  cursorKind
	tag   [4]byte
}

// buildFind validates f and writes its statement. $1 is the row limit and
// $2 whether to read bodies (listColumns); with a query, $3 is the
// query text. The filter's values follow, then the cursor's.
func buildFind(f article.Filter) (*findQuery, error) {
	f, err := validateFilter(f)
	if err != nil {
		return nil, err
	}
	q := newFindQuery(&f)
	after, err := q.cursorAfter(f.Cursor)
	if err != nil {
		return nil, err
	}
	where, lang := q.filterConditions(&f)
	if q.kind == cursorTime {
		q.sql = q.listingByTime(where, after)
	} else {
		q.sql = q.listingByRank(where, lang, after)
	}
	return q, nil
}

// validateFilter returns f with its query trimmed, or ErrInvalid.
func validateFilter(f article.Filter) (article.Filter, error) {
	f.Query = strings.TrimSpace(f.Query)
	if len(f.Query) > maxQueryBytes {
		return f, article.InvalidField("q", fmt.Sprintf("longer than %d bytes", maxQueryBytes))
	}
	for _, v := range []string{f.Source, f.Author, f.Language, f.Query, f.Section, f.Tag} {
		if cleanText(v) != v {
			return f, fmt.Errorf("%w: filter holds NUL or invalid UTF-8", article.ErrInvalid)
		}
	}
	if !f.Since.IsZero() && !f.Until.IsZero() && f.Until.Before(f.Since) {
		return f, fmt.Errorf("%w: until is before since", article.ErrInvalid)
	}
	for _, t := range []time.Time{f.Since, f.Until} {
		if !t.IsZero() && (t.Before(minCursorTime) || t.After(maxCursorTime)) {
			return f, fmt.Errorf("%w: time out of range", article.ErrInvalid)
		}
	}
	return f, nil
}

// newFindQuery sets the page size, the listing's kind and tag, and the
// fixed parameters $1 to $3 of a valid filter.
func newFindQuery(f *article.Filter) *findQuery {
	q := &findQuery{limit: f.Limit, kind: cursorTime}
	switch {
	case q.limit <= 0:
		q.limit = DefaultPageSize
	case q.limit > MaxPageSize:
		q.limit = MaxPageSize
	}
	if f.Query != "" {
		q.kind = cursorRank
	}
	q.tag = filterTag(f, q.kind)
	q.args = []any{q.limit + 1, f.WithBody}
	if f.Query != "" {
		q.args = append(q.args, f.Query)
	}
	return q
}

// cursorAfter decodes the cursor a listing continues after: nil without
// one, ErrInvalid when it is malformed or belongs to another listing.
func (q *findQuery) cursorAfter(encoded string) (*cursor, error) {
	if encoded == "" {
		return nil, nil
	}
	c, err := decodeCursor(encoded)
	if err != nil {
		return nil, err
	}
	if c.kind != q.kind || c.tag != q.tag {
		return nil, article.InvalidField("cursor", "the cursor belongs to another listing; keep the other parameters of the page that gave it")
	}
	return &c, nil
}

// arg adds a parameter and returns its placeholder.
func (q *findQuery) arg(v any) string {
	q.args = append(q.args, v)
	return "$" + strconv.Itoa(len(q.args))
}

// filterConditions returns the WHERE conditions of f's fields, and the
// language's placeholder ("" without one), which a search parses its
// query with.
func (q *findQuery) filterConditions(f *article.Filter) (where []string, lang string) {
	if f.Source != "" {
		where = append(where, "a.source = "+q.arg(f.Source))
	}
	if f.Author != "" {
		where = append(where, "pressroom_fold(a.authors) @> ARRAY[pressroom_fold("+q.arg(f.Author)+"::text)]")
	}
	if f.Section != "" {
		// a.section <> '' lets the planner use the partial section index.
		where = append(where, "a.section <> '' AND pressroom_fold(a.section) = pressroom_fold("+q.arg(f.Section)+"::text)")
	}
	if f.Tag != "" {
		where = append(where, "pressroom_fold(a.tags) @> ARRAY[pressroom_fold("+q.arg(f.Tag)+"::text)]")
	}
	if f.Language != "" {
		lang = q.arg(f.Language)
		where = append(where, "a.language = "+lang)
	}
	if !f.Since.IsZero() {
		where = append(where, recencyKey+" >= "+q.arg(f.Since.UTC()))
	}
	if !f.Until.IsZero() {
		where = append(where, recencyKey+" < "+q.arg(f.Until.UTC()))
	}
	return where, lang
}

// listingByTime is the statement of a listing without a query: newest
// first, continuing after the cursor's time and id.
func (q *findQuery) listingByTime(where []string, after *cursor) string {
	if after != nil {
		where = append(where, "("+recencyKey+", a.id) < ("+q.arg(after.at)+"::timestamptz, "+q.arg(uuid(after.id))+"::uuid)")
	}
	var b strings.Builder
	b.WriteString("SELECT " + listColumns + "\nFROM articles a")
	writeWhere(&b, where)
	b.WriteString("\nORDER BY " + recencyKey + " DESC, a.id DESC\nLIMIT $1")
	return b.String()
}

// listingByRank is the statement of a search: the query parsed in the
// filter's language (lang), else in each article's own (searchCTE), most
// relevant first, continuing after the cursor's rank and id.
func (q *findQuery) listingByRank(where []string, lang string, after *cursor) string {
	var b strings.Builder
	if lang != "" {
		// Every row has this language, so its own query is the one the
		// index is probed with.
		b.WriteString("WITH parsed AS (SELECT websearch_to_tsquery(pressroom_regconfig(" + lang + "::text), $3::text) AS q)\n")
		where = append(where, "a.search @@ websearch_to_tsquery(pressroom_regconfig("+lang+"::text), $3::text)")
		b.WriteString("SELECT " + listColumns + ", r.rank\nFROM articles a\n")
		b.WriteString("CROSS JOIN LATERAL (SELECT ts_rank_cd(a.search, (SELECT q FROM parsed)) AS rank) r")
	} else {
		b.WriteString(searchCTE)
		where = append(where, "a.search @@ (SELECT any_q FROM parsed)", "a.search @@ o.q")
		b.WriteString("SELECT " + listColumns + ", r.rank\nFROM articles a\n")
		b.WriteString("CROSS JOIN LATERAL (SELECT " + ownQuery + " AS q) o\n")
		b.WriteString("CROSS JOIN LATERAL (SELECT ts_rank_cd(a.search, o.q) AS rank) r")
	}
	if after != nil {
		where = append(where, "(r.rank, a.id) < ("+q.arg(after.rank)+"::real, "+q.arg(uuid(after.id))+"::uuid)")
	}
	writeWhere(&b, where)
	b.WriteString("\nORDER BY r.rank DESC, a.id DESC\nLIMIT $1")
	return b.String()
}

func writeWhere(b *strings.Builder, conds []string) {
	for i, c := range conds {
		if i == 0 {
			b.WriteString("\nWHERE ")
		} else {
			b.WriteString("\n  AND ")
		}
		b.WriteString(c)
	}
}

// extraColumns scans the columns a shared scanner (scanArticle) knows
// about, then the extra ones that follow them in the row.
type extraColumns struct {
	pgx.Row
	extra []any
}

func (r extraColumns) Scan(dest ...any) error {
	return r.Row.Scan(append(dest, r.extra...)...)
}
