// Package article is Pressroom's vocabulary: the raw dumps scrapers send, the
// articles extracted from them, and the error kinds every layer speaks.
//
// It imports only the standard library so that extract, store and api can all
// depend on it without depending on each other.
package article

import (
	"crypto/sha256"
	"time"
)

// Input kinds, as sniffed from a dump. They are metric label values, so the
// set is closed.
const (
	InputText = "text"
	InputHTML = "html"
	InputJSON = "json"
)

// Dump is one raw document exactly as a scraper sent it. Body is never
// modified: it is what re-extraction starts from.
type Dump struct {
	ID          ID
	Source      string // who sent it (scraper name or envelope "source"); "" when unknown
	URL         string // page address, when the scraper knows it
	ContentType string // media type of Body, e.g. "text/plain; charset=utf-8"
	Body        []byte
	Size        int // len(Body) as received; set also when Body is not loaded
	SHA256      [sha256.Size]byte
	ReceivedAt  time.Time
	FetchedAt   time.Time // when the scraper fetched the page; zero when unknown

	// Status fields are filled by the store on read.
	Status           DumpStatus
	ExtractError     string // why extraction failed, when Status is DumpFailed
	ArticleID        ID     // zero when no article was extracted
	ExtractorVersion int
}

// DumpStatus says what became of a dump.
type DumpStatus string

// Dump statuses.
const (
	DumpExtracted DumpStatus = "extracted"
	DumpFailed    DumpStatus = "failed"
)

// NewDump builds a dump from raw bytes, computing its checksum. The caller
// passes the clock reading so that construction stays deterministic in tests.
func NewDump(source, url, contentType string, body []byte, receivedAt time.Time) *Dump {
	return &Dump{
		Source:      source,
		URL:         url,
		ContentType: contentType,
		Body:        body,
		Size:        len(body),
		SHA256:      sha256.Sum256(body),
		ReceivedAt:  receivedAt.UTC(),
	}
}

// Precision says how much of a published time the page actually stated.
type Precision string

// Date precisions.
const (
	PrecisionDay    Precision = "day"
	PrecisionMinute Precision = "minute"
	PrecisionSecond Precision = "second"
)

// Date is a publication date as stated on the page.
type Date struct {
	Time      time.Time // in the stated zone when HasZone, else UTC
	Precision Precision
	HasZone   bool // the page stated a zone or offset
}

// IsZero reports whether no date is set.
func (d *Date) IsZero() bool { return d == nil || d.Time.IsZero() }

// Day returns the calendar day as stated on the page, YYYY-MM-DD.
func (d *Date) Day() string {
	if d.IsZero() {
		return ""
	}
	return d.Time.Format(time.DateOnly)
}

// Metadata is everything about an article that is not its body.
type Metadata struct {
	Title             string
	Authors           []string // person names only
	Agencies          []string // organisations and wire services credited in the byline
	Published         *Date
	SiteName          string
	Location          string // dateline
	Sponsors          []string
	Paywalled         bool
	OriginalPublisher string // named by a paywall or syndication notice
	Language          string // ISO 639-1
	URL               string

	// Richer metadata (extractor version 4). Comments under an article are
	// dropped, never kept: they are neither body nor the page's metadata.
	Description  string   // the page's summary or dek
	Image        string   // absolute URL of the lead image (HTML only)
	CanonicalURL string   // as the page states it; URL stays as the scraper sent it
	Section      string   // the site's section, e.g. "Politics"
	Tags         []string // the page's own keywords or tag list
	Modified     *Date    // last update, beside Published
	// Sections lists every section the page files the article under
	// (JSON-LD articleSection lists, category links, breadcrumb steps),
	// Section first; nil when the page names none. Section stays the one
	// value the list filter ?section= matches.
	Sections []string
}

// Article is the extraction of one dump as stored.
type Article struct {
	ID               ID
	DumpID           ID
	Source           string // the dump's source
	Metadata         Metadata
	Paragraphs       []string
	BodyMarkdown     string // the body with its structure, when asked for and stored (HTML input); else ""
	WordCount        int
	ExtractorVersion int
	Diagnostics      *Diagnostics // nil unless asked for
	ReceivedAt       time.Time
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

// Extraction is what the extractor made of a dump. Exactly one of Article
// (fields without IDs or times) and Err is set.
type Extraction struct {
	Input      string // InputText, InputHTML or InputJSON
	Metadata   Metadata
	Paragraphs []string
	// BodyMarkdown is Paragraphs as escaped Markdown with the page's
	// structure (headings, list items, quotes); "" for text input, which
	// has none.
	BodyMarkdown string
	WordCount    int
	Version      int
	Diagnostics  Diagnostics
	Err          error // wraps ErrUnextractable when nothing could be extracted
}

// Diagnostics explains an extraction: where each field came from and why each
// dropped block was dropped.
type Diagnostics struct {
	Input   string         `json:"input"`
	Fields  []FieldSource  `json:"fields"`
	Dropped []DroppedBlock `json:"dropped"`
	Notes   []string       `json:"notes,omitempty"`
}

// FieldSource records the origin of one metadata field.
type FieldSource struct {
	Field      string  `json:"field"`
	Value      string  `json:"value"`
	Line       int     `json:"line"` // 1-based line (text) or block index (HTML); 0 when not from one place
	Rule       string  `json:"rule"`
	Confidence float64 `json:"confidence"`
}

// DroppedBlock records one block that is not part of the body, and why.
type DroppedBlock struct {
	Line  int    `json:"line"`
	Label string `json:"label"`
	Text  string `json:"text"`
}
