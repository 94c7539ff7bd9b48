package store

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pressroom/pressroom/internal/article"
)

// writeBatch writes rows in one transaction, filling out for each row but
// those whose stored dump or article vanished before it could be read
// (their indexes are returned). On error nothing was written.
//
// One statement (or, for enough rows, two COPYs: writeNew) inserts every
// dump not stored yet and its article, and returns which dumps it created:
// their results are made from the rows themselves (newDump, newArticle),
// as a read would return them, so the common case reads nothing back. Only rows whose
// dump was already stored (retries, repeats) are read, by readStored,
// after the commit: under READ COMMITTED only a new statement's snapshot
// sees the rows of concurrent writers that ON CONFLICT waited for.
func (s *Store) writeBatch(ctx context.Context, rows []*ingestRow, out []IngestResult, bulk bool) (vanished []int, err error) {
	// One dump per key; the first row of a key is its leader. Leaders are
	// written in key order so that concurrent transactions wait for each
	// other's keys in one order and cannot deadlock.
	leaderOf := make(map[key]int, len(rows))
	var leaders []int
	for i, r := range rows {
		if _, ok := leaderOf[r.key()]; !ok {
			leaderOf[r.key()] = i
			leaders = append(leaders, i)
		}
	}
	slices.SortFunc(leaders, func(a, b int) int {
		return cmp.Or(strings.Compare(rows[a].source, rows[b].source), bytes.Compare(rows[a].sum[:], rows[b].sum[:]))
	})
	p := newBatchParams(len(leaders))
	ids := make(map[int]newIDs, len(leaders))
	now := time.Now()
	for _, i := range leaders {
		ids[i] = newIDs{dump: article.NewID(now), article: article.NewID(now)}
		p.add(rows[i], ids[i].dump, ids[i].article)
	}
	created, err := s.writeNew(ctx, p, bulk)
	if err != nil {
		return nil, err
	}

	// Leaders whose dump this statement created get what they wrote.
	// Repeats and rows already stored get what the database holds.
	var stored []int
	for i, r := range rows {
		leader := leaderOf[r.key()]
		times, ok := created[ids[leader].dump]
		if !ok {
			stored = append(stored, i)
			continue
		}
		// A repeat gets its leader's dump and article, in copies of its own.
		lr := rows[leader]
		ing := &Ingest{Dump: newDump(lr, ids[leader]), Created: i == leader}
		if lr.art != nil {
			ing.Article = newArticle(lr, ids[leader], times)
		}
		out[i] = IngestResult{Ingest: ing}
	}
	if len(stored) == 0 {
		return nil, nil
	}
	dumps, articles, err := s.readStored(ctx, rows, stored)
	if err != nil {
		return nil, err
	}
	for _, i := range stored {
		d := dumps[rows[i].key()]
		var a *article.Article
		if d != nil && !d.ArticleID.IsZero() {
			a = articles[d.ArticleID]
		}
		if d == nil || (!d.ArticleID.IsZero() && a == nil) {
			vanished = append(vanished, i)
			continue
		}
		// Copies, so that repeats never share a result.
		dc := *d
		ing := &Ingest{Dump: &dc}
		if a != nil {
			ac := *a
			ing.Article = &ac
		}
		out[i] = IngestResult{Ingest: ing}
	}
	return vanished, nil
}

// newIDs are the ids a leader's dump and article get if they are created.
type newIDs struct{ dump, article article.ID }

// articleTimes are the database-made columns of a created article.
type articleTimes struct{ createdAt, updatedAt time.Time }

// newDump is the dump a leader's row created, as scanDump reads it without
// its body.
func newDump(r *ingestRow, ids newIDs) *article.Dump {
	d := &article.Dump{
		ID:               ids.dump,
		Source:           r.source,
		URL:              r.url,
		ContentType:      r.contentType,
		Size:             len(r.body),
		SHA256:           r.sum,
		ReceivedAt:       r.receivedAt,
		Status:           article.DumpStatus(r.status),
		ExtractError:     r.extractError,
		ExtractorVersion: r.version,
	}
	if r.fetchedAt != nil {
		d.FetchedAt = *r.fetchedAt
	}
	if r.art != nil {
		d.ArticleID = ids.article
	}
	return d
}

// newArticle is the article a leader's row created, as scanArticle reads
// it without diagnostics or Markdown.
func newArticle(r *ingestRow, ids newIDs, t articleTimes) *article.Article {
	a := r.art
	art := &article.Article{
		ID:     ids.article,
		DumpID: ids.dump,
		Source: r.source,
		Metadata: article.Metadata{
			Title:             a.title,
			Authors:           nilIfEmpty(a.authors),
			Agencies:          nilIfEmpty(a.agencies),
			Published:         fromDateColumns(a.date),
			SiteName:          a.siteName,
			Location:          a.location,
			Sponsors:          nilIfEmpty(a.sponsors),
			Paywalled:         a.paywalled,
			OriginalPublisher: a.originalPublisher,
			Language:          a.language,
			URL:               a.url,
		},
		Paragraphs:       splitParagraphs(a.body),
		WordCount:        a.wordCount,
		ExtractorVersion: r.version,
		ReceivedAt:       r.receivedAt,
		CreatedAt:        t.createdAt,
		UpdatedAt:        t.updatedAt,
	}
	a.rich.setOn(&art.Metadata)
	return art
}

// readStored reads the stored dumps, and their articles, of rows[i] for i
// in which.
func (s *Store) readStored(ctx context.Context, rows []*ingestRow, which []int) (map[key]*article.Dump, map[article.ID]*article.Article, error) {
	sources := make([]string, 0, len(which))
	sums := make([][]byte, 0, len(which))
	for _, i := range which {
		sources = append(sources, rows[i].source)
		sums = append(sums, rows[i].sum[:])
	}
	b := &pgx.Batch{}
	b.Queue(readDumpsSQL, sources, false, sums)
	b.Queue(readArticlesSQL, sources, false, sums)
	br := s.pool.SendBatch(ctx, b)
	dumps, articles, err := readBatch(br)
	if cerr := br.Close(); err == nil {
		err = cerr
	}
	return dumps, articles, err
}

// readBatch reads the results of the two statements of readStored.
func readBatch(br pgx.BatchResults) (map[key]*article.Dump, map[article.ID]*article.Article, error) {
	rs, err := br.Query()
	if err != nil {
		return nil, nil, fmt.Errorf("read back dumps: %w", err)
	}
	dumps := make(map[key]*article.Dump)
	for rs.Next() {
		d, err := scanDump(rs)
		if err != nil {
			rs.Close()
			return nil, nil, fmt.Errorf("read back dumps: %w", err)
		}
		dumps[key{d.Source, d.SHA256}] = d
	}
	if err := rs.Err(); err != nil {
		return nil, nil, fmt.Errorf("read back dumps: %w", err)
	}
	rs, err = br.Query()
	if err != nil {
		return nil, nil, fmt.Errorf("read back articles: %w", err)
	}
	articles := make(map[article.ID]*article.Article)
	for rs.Next() {
		a, err := scanArticle(rs)
		if err != nil {
			rs.Close()
			return nil, nil, fmt.Errorf("read back articles: %w", err)
		}
		articles[a.ID] = a
	}
	if err := rs.Err(); err != nil {
		return nil, nil, fmt.Errorf("read back articles: %w", err)
	}
	return dumps, articles, nil
}
