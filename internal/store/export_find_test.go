package store

import "github.com/pressroom/pressroom/internal/article"

// FindArticlesSQL returns the statement and arguments FindArticles runs for
// f, for the query-plan tests.
func FindArticlesSQL(f article.Filter) (string, []any, error) {
	q, err := buildFind(f)
	if err != nil {
		return "", nil, err
	}
	return q.sql, q.args, nil
}

// Statements of IndexSearch and SearchPending, for the query-plan tests;
// both take a row limit as $1.
const (
	IndexSearchSQL   = indexSearchSQL
	SearchPendingSQL = searchPendingSQL
)
