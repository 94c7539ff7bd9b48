package api

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"time"
	"unicode"
)

// Bounds on text search, the one read whose cost a client controls.
const (
	// DefaultMaxSearchesPerKey is how many searches one API key (or client
	// address when the server runs open) may run at once.
	DefaultMaxSearchesPerKey = 2
	// maxSearchTerms bounds the words of a query: each is a branch of the
	// tsquery that PostgreSQL evaluates against every candidate row.
	maxSearchTerms = 32
)

// searchTimeout is a search's own bound on its statement, well below the
// DB timeout: an expensive query is cut short (pgx cancels the statement
// in PostgreSQL at the deadline) before it holds a pool connection for
// long.
func (a *API) searchTimeout() time.Duration {
	if a.searchTimeoutCfg > 0 {
		return a.searchTimeoutCfg
	}
	return a.dbTimeout / 4
}

var errSearchTooSlow = &httpError{status: http.StatusServiceUnavailable, slug: "unavailable", title: "Service unavailable",
	detail: "the search took longer than its time limit; narrow it (fewer words, a source or a time range) or retry later", retryAfter: 5}

// searchContext bounds the database work of a list request with a query.
func (a *API) searchContext(r *http.Request) (context.Context, context.CancelFunc) {
	return context.WithTimeout(r.Context(), min(a.searchTimeout(), a.dbTimeout))
}

// searchError names a search that ran out of its own time, telling it
// apart from a database that does not answer.
func searchError(ctx context.Context, r *http.Request, err error) error {
	if r.Context().Err() == nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return errSearchTooSlow
	}
	return err
}

// searchSlots counts the searches each key is running.
type searchSlots struct {
	mu      sync.Mutex
	max     int
	running map[string]int
}

// acquire takes a slot for key, or reports that key has none left.
func (s *searchSlots) acquire(key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.running[key] >= s.max {
		return false
	}
	s.running[key]++
	return true
}

func (s *searchSlots) release(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.running[key]--; s.running[key] <= 0 {
		delete(s.running, key)
	}
}

// checkSearchQuery refuses queries the full-text index cannot serve: one
// whose every term is negated ("-a -b") matches nearly every article, so
// PostgreSQL reads them all; and one with too many terms.
func checkSearchQuery(q string) error {
	terms, positive := 0, 0
	for _, t := range searchTerms(q) {
		if strings.EqualFold(t, "or") {
			continue
		}
		negated := strings.HasPrefix(t, "-")
		if !strings.ContainsFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			continue // punctuation alone: the parser drops it
		}
		terms++
		if !negated {
			positive++
		}
	}
	switch {
	case terms > maxSearchTerms:
		return invalidField("q", "more than 32 search terms; narrow the query")
	case terms > 0 && positive == 0:
		return invalidField("q", "every term is negated; a search needs at least one word or phrase to look for")
	}
	return nil
}

// searchTerms splits q as web search syntax does: words, and "quoted
// phrases" (with a leading - when negated) as one term each.
func searchTerms(q string) []string {
	var terms []string
	for q = strings.TrimSpace(q); q != ""; q = strings.TrimSpace(q) {
		start := 0
		if q[0] == '-' {
			start = 1
		}
		if start < len(q) && q[start] == '"' {
			end := strings.IndexByte(q[start+1:], '"')
			if end < 0 {
				terms, q = append(terms, q), ""
				continue
			}
			end += start + 2
			terms, q = append(terms, q[:end]), q[end:]
			continue
		}
		end := strings.IndexFunc(q, unicode.IsSpace)
		if end < 0 {
			end = len(q)
		}
		terms, q = append(terms, q[:end]), q[end:]
	}
	return terms
}
