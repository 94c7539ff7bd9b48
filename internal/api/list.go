package api

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/pressroom/pressroom/internal/article"
)

// Limits on list pages.
const (
	defaultPageSize = 50
	maxPageSize     = 500
)

type listResponse struct {
	Items      []*articleResponse `json:"items"`
	NextCursor *string            `json:"next_cursor"`
}

var listParams = map[string]bool{"source": true, "author": true, "lang": true, "section": true, "tag": true,
	"since": true, "until": true, "q": true, "limit": true, "cursor": true}

// handleListArticles lists articles, newest first, or by relevance when q
// is given, one keyset page at a time.
func (a *API) handleListArticles(w http.ResponseWriter, r *http.Request) error {
	f, err := parseFilter(r.URL.Query())
	if err != nil {
		return err
	}
	var (
		ctx    context.Context
		cancel context.CancelFunc
	)
	if f.Query == "" {
		ctx, cancel = a.dbContext(r)
	} else {
		if err := checkSearchQuery(f.Query); err != nil {
			return err
		}
		key := principalFrom(r.Context()).rateKey(r)
		if !a.searches.acquire(key) {
			return &httpError{status: http.StatusTooManyRequests, slug: "rate-limited", title: "Too many requests",
				detail: "too many searches running for this key at once; wait for one to finish", retryAfter: 1}
		}
		defer a.searches.release(key)
		ctx, cancel = a.searchContext(r)
	}
	defer cancel()
	page, err := a.store.FindArticles(ctx, f)
	if err != nil {
		return searchError(ctx, r, err)
	}
	resp := listResponse{Items: make([]*articleResponse, 0, len(page.Articles))}
	for _, art := range page.Articles {
		resp.Items = append(resp.Items, newArticleResponse(art))
	}
	if page.Next != "" {
		resp.NextCursor = &page.Next
	}
	writeJSON(w, "application/json", http.StatusOK, resp)
	return nil
}

// parseFilter validates list parameters. Unknown parameters are refused:
// a misspelt filter silently ignored would return the wrong articles.
func parseFilter(q url.Values) (article.Filter, error) {
	for k := range q {
		if !listParams[k] {
			return article.Filter{}, invalidField(truncate(k, 40), "unknown parameter; use source, author, lang, section, tag, since, until, q, limit, cursor")
		}
	}
	f := article.Filter{
		Source:   q.Get("source"),
		Author:   q.Get("author"),
		Language: q.Get("lang"),
		Section:  q.Get("section"),
		Tag:      q.Get("tag"),
		Query:    q.Get("q"),
		Cursor:   q.Get("cursor"),
		Limit:    defaultPageSize,
	}
	for field, v := range map[string]string{"source": f.Source, "author": f.Author, "lang": f.Language,
		"section": f.Section, "tag": f.Tag, "q": f.Query, "cursor": f.Cursor} {
		if err := checkLabel(field, v, 1000); err != nil {
			return f, err
		}
	}
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxPageSize {
			return f, invalidField("limit", "must be an integer from 1 to "+strconv.Itoa(maxPageSize))
		}
		f.Limit = n
	}
	var err error
	if f.Since, err = parseTimeParam("since", q.Get("since")); err != nil {
		return f, err
	}
	if f.Until, err = parseTimeParam("until", q.Get("until")); err != nil {
		return f, err
	}
	if !f.Since.IsZero() && !f.Until.IsZero() && !f.Since.Before(f.Until) {
		return f, invalidField("until", "must be after since")
	}
	return f, nil
}

// parseTimeParam reads an RFC 3339 time or a calendar day (UTC midnight).
func parseTimeParam(field, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	return time.Time{}, invalidField(field, "must be an RFC 3339 time (2025-07-02T10:00:00Z) or a date (2025-07-02)")
}
