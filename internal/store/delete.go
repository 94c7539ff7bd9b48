package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/pressroom/pressroom/internal/article"
)

// DeleteArticle removes an article and the dump it was extracted from (a
// takedown: the raw bytes go too), and the stored Idempotency-Key responses
// that carry the article, which would otherwise replay its text to a retry
// for the rest of their TTL. An unknown id is ErrNotFound, so is a second
// delete.
func (s *Store) DeleteArticle(ctx context.Context, id article.ID) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// Deleting the dump takes the article with it (ON DELETE CASCADE),
		// and locks rows in the same order as SaveReextraction (dump, then
		// article), so the two cannot deadlock.
		tag, err := tx.Exec(ctx, `DELETE FROM dumps WHERE id = (SELECT dump_id FROM articles WHERE id = $1)`, uuid(id))
		if err != nil {
			return mapError(err)
		}
		if tag.RowsAffected() == 0 {
			return article.ErrNotFound
		}
		// A response carries the article if its JSON holds the article's
		// id. Takedowns are rare and the table holds a day of keys, so a
		// scan is cheaper than indexing every response by the ids in it.
		_, err = tx.Exec(ctx, `DELETE FROM idempotency_keys WHERE state = 'done' AND position($1::bytea IN body) > 0`,
			[]byte(id.String()))
		return mapError(err)
	})
	if err != nil {
		return fmt.Errorf("store: delete article %s: %w", id, mapError(err)) // BeginFunc's own errors too
	}
	return nil
}
