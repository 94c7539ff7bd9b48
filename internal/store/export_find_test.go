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
