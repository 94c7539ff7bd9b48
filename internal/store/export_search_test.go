package store

import (
	"context"

	"github.com/jackc/pgx/v5/pgtype"

	"github.com/pressroom/pressroom/internal/tsvector"
)

// SearchVectors is the inline path's Go side: the vector of each article
// as it is sent, invalid (NULL) where pressroom_search_vector would compute
// it. s needs Options.SearchInline.
func SearchVectors(ctx context.Context, s *Store, langs, titles, bodies []string) []pgtype.TSVector {
	return s.searchVectors(ctx, langs, titles, bodies)
}

// SearchCache reports s's dictionary cache: answers held, hits, lookups.
func SearchCache(s *Store) (entries int, hits, lookups uint64) {
	hits, lookups = s.indexGo.cache.Stats()
	return s.indexGo.cache.Len(), hits, lookups
}

// SetSearchCache gives s a dictionary cache of the given bounds, before
// its first ingest (benchmarks use a tiny one to measure every word
// missing).
func SetSearchCache(s *Store, entries, bytes int) {
	s.indexGo.cache = tsvector.NewCache(entries, bytes)
}

// SetSearchText makes s send its Go-built vectors in tsvector's text format
// (the binary format is the default), before its first ingest.
func SetSearchText(s *Store) { s.goSearch.asText = true }

// FailSearchLexize makes s's dictionary lookups fail, before its first
// ingest or IndexSearch, so that the SQL fallback can be tested.
func FailSearchLexize(s *Store, err error) {
	s.indexGo.lexize = func(context.Context, []tsvector.Key) ([]tsvector.Lexized, error) { return nil, err }
}

// SearchInlineCounts is how many inline vectors s built in Go and left to
// pressroom_search_vector.
func SearchInlineCounts(s *Store) (built, left uint64) {
	return s.goSearch.built.Load(), s.goSearch.left.Load()
}

// SearchGoCounts is how many vectors s built in Go and left to
// pressroom_search_vector, inline and in IndexSearch (none with
// Options.SearchInSQL).
func SearchGoCounts(s *Store) (built, left uint64) {
	if s.indexGo == nil {
		return 0, 0
	}
	return s.indexGo.built.Load(), s.indexGo.left.Load()
}
