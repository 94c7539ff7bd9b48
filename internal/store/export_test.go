package store

import (
	"context"
	"io/fs"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/pressroom/pressroom/internal/article"
)

// Test hooks for package store_test.

// MigrateFS and CheckSchemaFS are Migrate and CheckSchema with the
// migrations read from fsys instead of the embedded ones.
func MigrateFS(ctx context.Context, pool *pgxpool.Pool, fsys fs.FS) error {
	return migrate(ctx, pool, fsys)
}

func CheckSchemaFS(ctx context.Context, pool *pgxpool.Pool, fsys fs.FS) error {
	return checkSchema(ctx, pool, fsys)
}

// SetFlushHook makes s call f, on the writer goroutine, before it writes
// each group of n calls. It must be set before the first SaveIngest.
func SetFlushHook(s *Store, f func(n int)) { s.commit.flushHook = f }

// SetCopyMinRows sets the number of new dumps from which s writes with
// COPY; 0 means always, a large number never.
func SetCopyMinRows(s *Store, n int) { s.copyMinRows = n }

// SetEncodeParams makes s encode the group commit INSERT's parameters
// itself (the default with pgx's default exec mode) or leave them to pgx.
func SetEncodeParams(s *Store, on bool) { s.encodeParams = on }

// QueueLen is the number of SaveIngest calls waiting for a writer.
func QueueLen(s *Store) int {
	s.commit.mu.Lock()
	defer s.commit.mu.Unlock()
	return len(s.commit.queue)
}

// FindArticlesSQL returns the statement and arguments FindArticles runs for
// f, for the query-plan tests.
func FindArticlesSQL(f article.Filter) (string, []any, error) {
	q, err := buildFind(f)
	if err != nil {
		return "", nil, err
	}
	return q.sql, q.args, nil
}

// Statements of IndexSearch (in SQL, and the rows it takes for vectors
// built in Go) and SearchPending, for the query-plan tests; all take a row
// limit as $1.
const (
	IndexSearchSQL   = indexSearchSQL
	PendingSearchSQL = pendingSearchSQL
	SearchPendingSQL = searchPendingSQL
)

// EncodesParams is encodesParams, for the pool settings test.
func EncodesParams(cfg *pgx.ConnConfig) bool { return encodesParams(cfg) }

// FindArticleByIDWithPgx is FindArticleByID through pgx's own scanning,
// the path of the PgBouncer exec modes, to compare the store's binary
// decoding with.
func FindArticleByIDWithPgx(ctx context.Context, s *Store, id article.ID, parts ArticleParts) (*article.Article, error) {
	a, err := findArticle(ctx, s.pool, id, parts)
	if err != nil {
		return nil, mapError(err)
	}
	return a, nil
}
