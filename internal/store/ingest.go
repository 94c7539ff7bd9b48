package store

import (
	"context"
	"crypto/sha256"
	"fmt"
	"time"

	"github.com/pressroom/pressroom/internal/article"
)

// Ingest is the outcome of SaveIngest.
type Ingest struct {
	Dump    *article.Dump    // as stored, without Body
	Article *article.Article // nil when extraction failed; without Diagnostics
	Created bool             // false when (source, sha256) was already stored
}

// SaveIngest stores a dump and what was extracted from it, in one
// transaction, and returns only once that transaction is committed. The same
// bytes from the same source are stored once: a repeat returns the stored
// dump and article with Created false, also when the repeats race each
// other. When x.Err is set the dump is stored with status "failed" and the
// error text, and there is no article. x.Diagnostics are not stored: they
// can be had again by extracting the stored dump.
//
// With group commit on (the default, see Options), concurrent calls share
// a transaction; each call still gets its own result and its own error.
func (s *Store) SaveIngest(ctx context.Context, d *article.Dump, x *article.Extraction) (*Ingest, error) {
	row, err := prepareIngest(d, x)
	if err != nil {
		return nil, fmt.Errorf("store: save ingest: %w", err)
	}
	if s.commit != nil {
		return s.commit.submit(ctx, row)
	}
	res := s.writeRows(ctx, []*ingestRow{row}, false)
	return res[0].Ingest, res[0].Err
}

// ingestRow is one dump and its extraction, validated, cleaned and ready to
// be written.
type ingestRow struct {
	receivedAt   time.Time
	fetchedAt    *time.Time
	source       string
	url          string
	contentType  string
	body         []byte
	sum          [sha256.Size]byte
	status       string
	extractError string
	version      int
	art          *articleRow // nil when extraction failed
}

// articleRow is the articles row of an ingestRow, without its ids.
type articleRow struct {
	title             string
	authors           []string
	agencies          []string
	date              dateColumns
	siteName          string
	location          string
	sponsors          []string
	paywalled         bool
	originalPublisher string
	language          string
	url               string
	body              string
	wordCount         int
	bodySum           [sha256.Size]byte
	markdown          *string // NULL for text input
	rich              richRow // the columns of migration 0007
}

// key identifies a dump: the same bytes from the same source are one dump.
type key struct {
	source string
	sum    [sha256.Size]byte
}

func (r *ingestRow) key() key { return key{r.source, r.sum} }

// prepareIngest validates d and x and cleans what PostgreSQL would refuse.
// Its errors carry ErrInvalid.
func prepareIngest(d *article.Dump, x *article.Extraction) (*ingestRow, error) {
	if d == nil || x == nil {
		return nil, fmt.Errorf("%w: nil dump or extraction", article.ErrInvalid)
	}
	body := d.Body
	if body == nil {
		body = []byte{} // bytea NOT NULL; pgx sends nil as NULL
	}
	sum := sha256.Sum256(body)
	if d.SHA256 != ([sha256.Size]byte{}) && d.SHA256 != sum {
		return nil, fmt.Errorf("%w: dump checksum does not match its body", article.ErrInvalid)
	}
	receivedAt := d.ReceivedAt
	if receivedAt.IsZero() {
		receivedAt = time.Now()
	}
	r := &ingestRow{
		receivedAt:  receivedAt.Truncate(time.Microsecond).UTC(),
		source:      cleanText(d.Source),
		url:         cleanText(d.URL),
		contentType: cleanText(d.ContentType),
		body:        body,
		sum:         sum,
		status:      string(article.DumpExtracted),
		version:     x.Version,
	}
	if !d.FetchedAt.IsZero() {
		t := d.FetchedAt.Truncate(time.Microsecond).UTC()
		r.fetchedAt = &t
	}
	if x.Err != nil {
		r.status, r.extractError = string(article.DumpFailed), cleanText(x.Err.Error())
		if r.extractError == "" {
			r.extractError = "extraction failed"
		}
		return r, nil
	}
	m := x.Metadata
	text := joinParagraphs(x.Paragraphs)
	r.art = &articleRow{
		title:             cleanText(m.Title),
		authors:           textArray(m.Authors),
		agencies:          textArray(m.Agencies),
		date:              toDateColumns(m.Published),
		siteName:          cleanText(m.SiteName),
		location:          cleanText(m.Location),
		sponsors:          textArray(m.Sponsors),
		paywalled:         m.Paywalled,
		originalPublisher: cleanText(m.OriginalPublisher),
		language:          cleanText(m.Language),
		url:               cleanText(m.URL),
		body:              text,
		wordCount:         x.WordCount,
		bodySum:           sha256.Sum256([]byte(text)),
		markdown:          markdownColumn(x.BodyMarkdown),
		rich:              toRichRow(&m),
	}
	return r, nil
}

// markdownColumn is the body_markdown value of an extraction's Markdown
// body: NULL when there is none (text input).
func markdownColumn(md string) *string {
	if md = cleanText(md); md == "" {
		return nil
	}
	return &md
}
