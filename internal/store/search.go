package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/pressroom/pressroom/internal/article"
)

// Search indexing runs after the ingest commit, not inside it (migration
// 0004): computing the vector and its GIN entries cost more PostgreSQL CPU
// than the rest of the article's INSERT. An article whose search column is
// NULL is not indexed yet; FindArticles lists it but a text search does not
// find it until IndexSearch has run.

// indexSearchSQL indexes up to $1 articles, oldest first. SKIP LOCKED lets
// several replicas index at once, each taking rows the others are not
// working on, and keeps the indexer from ever waiting on an ingest or a
// re-extraction. The outer "search IS NULL" is rechecked on the newest row
// version should another indexer have committed it meanwhile, so no row is
// indexed twice.
const indexSearchSQL = `WITH batch AS (
	SELECT id FROM articles WHERE search IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED
)
UPDATE articles a SET search = pressroom_search_vector(a.language, a.title, a.body)
FROM batch WHERE a.id = batch.id AND a.search IS NULL`

// pendingSearchSQL locks and reads up to $1 articles to index, oldest
// first, for vectors built in Go: the rows indexSearchSQL's batch takes,
// with the text pressroom_search_vector reads (the body up to its cap).
const pendingSearchSQL = `SELECT id, language, title, left(body, 262144) FROM articles
	WHERE search IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`

// writeSearchSQL stores the vectors of the articles pendingSearchSQL
// locked ($1 ids, $2 vectors): NULL where the Go side left the article to
// pressroom_search_vector, which computes it here.
const writeSearchSQL = `UPDATE articles a
SET search = coalesce(v.search, pressroom_search_vector(a.language, a.title, a.body))
FROM unnest($1::uuid[], $2::tsvector[]) AS v(id, search)
WHERE a.id = v.id AND a.search IS NULL`

// errGoSide is a failure of the Go side of indexing (a lookup in the
// database); the batch is then indexed in SQL.
var errGoSide = errors.New("search vectors in Go")

// IndexSearch computes the full-text search vector of up to limit articles
// that have none yet, oldest first, in one transaction, and returns how
// many it indexed: fewer than limit means it has caught up, for now.
// Concurrent calls, from this process or other replicas, share the work
// without indexing an article twice or waiting for each other.
//
// The vectors are built in Go as inline indexing builds them
// (searchvec.go), which costs PostgreSQL a fraction of computing them
// itself; an article the Go side cannot serve, or every article when its
// lookups fail or the database's locale rules it out, is indexed by
// pressroom_search_vector as before (Options.SearchInSQL: always).
//
// An article whose vector PostgreSQL refuses (a title so long that its
// vector passes the 1 MB limit; the body is capped) would otherwise fail
// every batch that holds it, so it gets an empty vector: it is still
// listed, but no text search finds it.
func (s *Store) IndexSearch(ctx context.Context, limit int) (int, error) {
	if limit < 1 {
		return 0, fmt.Errorf("store: index search: %w: limit %d", article.ErrInvalid, limit)
	}
	var (
		n    int
		err  error
		inGo = s.indexGo.mayServe()
	)
	if inGo {
		n, err = s.indexSearchGo(ctx, limit)
		// A lookup cut short by ctx is no reason to try again in SQL.
		if errors.Is(err, errGoSide) && ctx.Err() == nil {
			slog.WarnContext(ctx, "search vectors left to PostgreSQL", slog.Any("err", err))
			inGo = false
		}
	}
	if !inGo {
		var tag pgconn.CommandTag
		tag, err = s.pool.Exec(ctx, indexSearchSQL, limit)
		n = int(tag.RowsAffected())
	}
	if err == nil {
		return n, nil
	}
	if err = mapError(err); !errors.Is(err, article.ErrInvalid) {
		return 0, fmt.Errorf("store: index search: %w", err)
	}
	n, err = s.indexSearchEach(ctx, limit)
	if err != nil {
		return n, fmt.Errorf("store: index search: %w", mapError(err))
	}
	return n, nil
}

// mayServe reports whether g may build vectors for this database: it
// exists, and the database's locale did not rule it out.
func (g *goSearch) mayServe() bool {
	if g == nil {
		return false
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	return !g.checked || g.usable
}

// indexSearchGo is IndexSearch's batch with vectors built in Go. The Go
// side's lookups run in the batch's own transaction, not on another
// connection of the pool: a transaction waiting for a second connection
// while holding one could wait forever once concurrent calls hold them
// all. A failed lookup leaves the transaction unusable, so it rolls back
// with errGoSide and the caller indexes the batch in SQL.
func (s *Store) indexSearchGo(ctx context.Context, limit int) (int, error) {
	n := 0
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, pendingSearchSQL, limit)
		if err != nil {
			return err
		}
		var (
			ids                   []pgtype.UUID
			langs, titles, bodies []string
			id                    pgtype.UUID
			lang, title, body     string
		)
		_, err = pgx.ForEachRow(rows, []any{&id, &lang, &title, &body}, func() error {
			ids, langs, titles, bodies = append(ids, id), append(langs, lang), append(titles, title), append(bodies, body)
			return nil
		})
		if err != nil || len(ids) == 0 {
			return err
		}
		vectors, err := s.indexGo.params(ctx, tx, langs, titles, bodies)
		if err != nil {
			return fmt.Errorf("%w: %w", errGoSide, err)
		}
		tag, err := tx.Exec(ctx, writeSearchSQL, withVectorCodec{}, ids, vectors)
		n = int(tag.RowsAffected())
		return err
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// indexSearchEach indexes the next limit articles one transaction each, so
// that the one PostgreSQL refuses can be told apart and given an empty
// vector. It is the slow path after a batch failed, taken once per bad
// article.
func (s *Store) indexSearchEach(ctx context.Context, limit int) (int, error) {
	rows, err := s.pool.Query(ctx, `SELECT id FROM articles WHERE search IS NULL ORDER BY id LIMIT $1`, limit)
	if err != nil {
		return 0, err
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[pgtype.UUID])
	if err != nil {
		return 0, err
	}
	n := 0
	for _, id := range ids {
		tag, err := s.pool.Exec(ctx, `WITH batch AS (
				SELECT id FROM articles WHERE id = $1 AND search IS NULL FOR UPDATE SKIP LOCKED
			)
			UPDATE articles a SET search = pressroom_search_vector(a.language, a.title, a.body)
			FROM batch WHERE a.id = batch.id AND a.search IS NULL`, id)
		if err != nil && errors.Is(mapError(err), article.ErrInvalid) {
			tag, err = s.pool.Exec(ctx, `UPDATE articles SET search = ''::tsvector WHERE id = $1 AND search IS NULL`, id)
		}
		if err != nil {
			return n, err
		}
		n += int(tag.RowsAffected())
	}
	return n, nil
}

const searchPendingSQL = `SELECT count(*) FROM (SELECT 1 FROM articles WHERE search IS NULL LIMIT $1) AS pending`

// SearchPending counts the articles not indexed for search yet, stopping
// at limit: the count reads one entry of a partial index per article, so
// an unbounded count would cost as much as the backlog is long.
func (s *Store) SearchPending(ctx context.Context, limit int) (int, error) {
	var n int
	err := s.pool.QueryRow(ctx, searchPendingSQL, limit).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: count articles pending search indexing: %w", mapError(err))
	}
	return n, nil
}
