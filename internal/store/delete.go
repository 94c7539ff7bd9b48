package store

import (
	"context"
	"fmt"

	"github.com/pressroom/pressroom/internal/article"
)

// DeleteArticle removes an article and the dump it was extracted from (a
// takedown: the raw bytes go too). An unknown id is ErrNotFound, so is a
// second delete.
func (s *Store) DeleteArticle(ctx context.Context, id article.ID) error {
	// Deleting the dump takes the article with it (ON DELETE CASCADE), and
	// locks rows in the same order as SaveReextraction (dump, then
	// article), so the two cannot deadlock.
	tag, err := s.pool.Exec(ctx, `DELETE FROM dumps WHERE id = (SELECT dump_id FROM articles WHERE id = $1)`, uuid(id))
	if err != nil {
		return fmt.Errorf("store: delete article %s: %w", id, mapError(err))
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("store: delete article %s: %w", id, article.ErrNotFound)
	}
	return nil
}
