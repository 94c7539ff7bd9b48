package api

import (
	"bufio"
	"context"
	"encoding/json"
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

var listParams = map[string]bool{"source": true, "author": true, "lang": true, "section": true, "tag": true,
	"since": true, "until": true, "q": true, "limit": true, "cursor": true, "include": true}

// handleListArticles lists articles, newest first, or by relevance when q
// is given, one keyset page at a time.
func (a *API) handleListArticles(w http.ResponseWriter, r *http.Request) error {
	f, err := parseFilter(r.URL.Query())
	if err != nil {
		return err
	}
	// A page may hold 500 articles of megabytes each: bodies only on request.
	withBody := false
	switch inc := r.URL.Query().Get("include"); inc {
	case "":
	case "body":
		withBody = true
	default:
		return invalidField("include", "unknown value "+truncate(inc, 40)+"; the one value is body")
	}
	f.WithBody = withBody
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
		key := a.rateKey(principalFrom(r.Context()), r)
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
	writeList(w, page, withBody)
	return nil
}

// writeList streams a page: {"items":[…],"next_cursor":…}, one article at
// a time, so that the page is never encoded whole in memory.
func writeList(w http.ResponseWriter, page *article.Page, withBody bool) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	bw := bufio.NewWriterSize(w, 32<<10)
	bw.WriteString(`{"items":[`)
	for i, art := range page.Articles {
		if i > 0 {
			bw.WriteByte(',')
		}
		resp := newArticleResponse(art)
		var long []longText
		if withBody {
			long = append(long, resp.bodyText())
		}
		if encodeStreamed(bw, resp, long) != nil {
			return // the client has gone
		}
	}
	bw.WriteString(`],"next_cursor":`)
	if page.Next == "" {
		bw.WriteString("null")
	} else {
		next, _ := json.Marshal(page.Next)
		bw.Write(next)
	}
	bw.WriteString("}\n")
	_ = bw.Flush()
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
