package article

import "time"

// Filter selects articles for a listing or a search. The zero Filter lists
// every article, newest first.
type Filter struct {
	Source   string // exact match on the dump's source
	Author   string // matches one of the authors, ignoring case
	Language string // exact match on the language code
	Section  string // the article's section, ignoring case
	Tag      string // matches one of the article's tags, ignoring case

	// Since and Until bound the publication time, or the arrival time of
	// articles without one. Since is inclusive, Until exclusive; a zero
	// value leaves that side open.
	Since, Until time.Time

	// Query is a full-text search in web-search syntax ("quoted phrases",
	// or, -not). With a query, results are ordered by relevance, else by
	// time, newest first.
	Query string

	// WithBody reads the articles' bodies (Paragraphs); without it they
	// come back empty. A page with bodies may end before Limit once it
	// holds a few MiB of text (store.MaxPageBodyBytes).
	WithBody bool

	Limit  int    // page size, 1..500; 0 or less means 50, more than 500 means 500
	Cursor string // opaque, from a previous Page.Next with the same filter
}

// Page is one page of a listing.
type Page struct {
	Articles []*Article // without Diagnostics
	Next     string     // cursor of the following page; "" on the last page
}
