package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
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

// IndexSearch computes the full-text search vector of up to limit articles
// that have none yet, oldest first, in one transaction, and returns how
// many it indexed: fewer than limit means it has caught up, for now.
// Concurrent calls, from this process or other replicas, share the work
// without indexing an article twice or waiting for each other.
//
// An article whose vector PostgreSQL refuses (a title so long that its
// vector passes the 1 MB limit; the body is capped) would otherwise fail
// every batch that holds it, so it gets an empty vector: it is still
// listed, but no text search finds it.
func (s *Store) IndexSearch(ctx context.Context, limit int) (int, error) {
	if limit < 1 {
		return 0, fmt.Errorf("store: index search: %w: limit %d", article.ErrInvalid, limit)
	}
	tag, err := s.pool.Exec(ctx, indexSearchSQL, limit)
	if err == nil {
		return int(tag.RowsAffected()), nil
	}
	if err = mapError(err); !errors.Is(err, article.ErrInvalid) {
		return 0, fmt.Errorf("store: index search: %w", err)
	}
	n, err := s.indexSearchEach(ctx, limit)
	if err != nil {
		return n, fmt.Errorf("store: index search: %w", mapError(err))
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
