package api

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract"
	"github.com/pressroom/pressroom/internal/store"
)

// extractedFields are the JSON fields an article and a dry run share: the
// metadata and the body. Embedded where they stand in each response, so the
// JSON keys keep their order.
type extractedFields struct {
	URL                string     `json:"url"`
	Title              string     `json:"title"`
	Authors            []string   `json:"authors"`
	Agencies           []string   `json:"agencies"`
	PublishedAt        *time.Time `json:"published_at"`
	PublishedDate      *string    `json:"published_date"`
	PublishedPrecision *string    `json:"published_precision"`
	SourceName         string     `json:"source_name"`
	Location           string     `json:"location"`
	Sponsors           []string   `json:"sponsors"`
	Paywalled          bool       `json:"paywalled"`
	OriginalPublisher  string     `json:"original_publisher"`
	Language           string     `json:"language"`
	Description        string     `json:"description"`
	Image              string     `json:"image"`
	CanonicalURL       string     `json:"canonical_url"`
	Section            string     `json:"section"`
	Sections           []string   `json:"sections"`
	Tags               []string   `json:"tags"`
	ModifiedAt         *time.Time `json:"modified_at"`
	ModifiedPrecision  *string    `json:"modified_precision"`
	// The body, which can be megabytes, is written by writeStreamed: as
	// "body" (the paragraphs joined by a blank line), and as "paragraphs"
	// only when asked for, so that it goes out once.
	paragraphs []string
}

// bodyText is the body as one JSON string member.
func (f *extractedFields) bodyText() longText {
	return longText{name: "body", parts: f.paragraphs, sep: "\n\n"}
}

// paragraphsArray is the body as a JSON array of paragraphs.
func (f *extractedFields) paragraphsArray() longText {
	return longText{name: "paragraphs", parts: nonNil(f.paragraphs), array: true}
}

func newExtractedFields(md *article.Metadata, paragraphs []string) extractedFields {
	f := extractedFields{
		URL:               md.URL,
		Title:             md.Title,
		Authors:           nonNil(md.Authors),
		Agencies:          nonNil(md.Agencies),
		SourceName:        md.SiteName,
		Location:          md.Location,
		Sponsors:          nonNil(md.Sponsors),
		Paywalled:         md.Paywalled,
		OriginalPublisher: md.OriginalPublisher,
		Language:          md.Language,
		Description:       md.Description,
		Image:             md.Image,
		CanonicalURL:      md.CanonicalURL,
		Section:           md.Section,
		Sections:          nonNil(md.Sections),
		Tags:              nonNil(md.Tags),
		paragraphs:        paragraphs,
	}
	if p := md.Published; !p.IsZero() {
		t := p.Time.UTC()
		day := p.Day()
		prec := string(p.Precision)
		f.PublishedAt, f.PublishedDate, f.PublishedPrecision = &t, &day, &prec
	}
	if m := md.Modified; !m.IsZero() {
		t := m.Time.UTC()
		prec := string(m.Precision)
		if prec == "" {
			prec = string(article.PrecisionSecond)
		}
		f.ModifiedAt, f.ModifiedPrecision = &t, &prec
	}
	return f
}

// articleResponse is the JSON form of an article. Field names are snake_case
// and stable; times are RFC 3339 in UTC.
type articleResponse struct {
	ID     article.ID `json:"id"`
	DumpID article.ID `json:"dump_id"`
	Source string     `json:"source"`
	extractedFields
	WordCount        int                  `json:"word_count"`
	ExtractorVersion int                  `json:"extractor_version"`
	ReceivedAt       time.Time            `json:"received_at"`
	CreatedAt        time.Time            `json:"created_at"`
	UpdatedAt        time.Time            `json:"updated_at"`
	Diagnostics      *article.Diagnostics `json:"diagnostics,omitempty"`
}

func newArticleResponse(a *article.Article) *articleResponse {
	return &articleResponse{
		ID:               a.ID,
		DumpID:           a.DumpID,
		Source:           a.Source,
		extractedFields:  newExtractedFields(&a.Metadata, a.Paragraphs),
		WordCount:        a.WordCount,
		ExtractorVersion: a.ExtractorVersion,
		ReceivedAt:       a.ReceivedAt.UTC(),
		CreatedAt:        a.CreatedAt.UTC(),
		UpdatedAt:        a.UpdatedAt.UTC(),
		Diagnostics:      a.Diagnostics,
	}
}

// markdownBody is the body as Markdown: the one the extractor made from the
// page's structure, or, for text dumps (and HTML extracted before the
// Markdown body existed), which have none, the paragraphs escaped.
func markdownBody(structured string, paragraphs []string) string {
	if structured != "" {
		return structured
	}
	return extract.ParagraphsMarkdown(paragraphs)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// handleCreateArticle ingests one dump: decode, extract, store in one
// transaction. 201 for a new dump, 200 for a repeat of the same bytes from
// the same source, 422 (with the stored dump's id) when nothing could be
// extracted.
func (a *API) handleCreateArticle(w http.ResponseWriter, r *http.Request) error {
	d, err := a.decodeDump(w, r)
	if err != nil {
		a.ingest.CountInvalid(inputFromHeader(r))
		return err
	}
	res, err := a.ingest.Create(r.Context(), d)
	if err != nil {
		return err
	}
	if res.Article == nil {
		return &unextractableError{dumpID: res.Dump.ID, reason: res.Dump.ExtractError}
	}
	status := http.StatusOK
	if res.Created {
		status = http.StatusCreated
	}
	w.Header().Set("Location", "/v1/articles/"+res.Article.ID.String())
	if preferMinimal(r) {
		// RFC 7240: the scraper has the page already; the id is all it needs.
		w.Header().Set("Preference-Applied", "return=minimal")
		writeJSON(w, "application/json", status, struct {
			ID article.ID `json:"id"`
		}{res.Article.ID})
		return nil
	}
	resp := newArticleResponse(res.Article)
	writeStreamed(w, status, resp, resp.bodyText())
	return nil
}

// preferMinimal reports whether the request says Prefer: return=minimal
// (RFC 7240). Preferences are comma-separated and may carry parameters.
func preferMinimal(r *http.Request) bool {
	for _, v := range r.Header.Values("Prefer") {
		for _, pref := range strings.Split(v, ",") {
			name, _, _ := strings.Cut(pref, ";")
			if strings.EqualFold(strings.Join(strings.Fields(name), ""), "return=minimal") {
				return true
			}
		}
	}
	return false
}

// inputFromHeader guesses the input kind of a request that could not be
// decoded from its declared content type, for the ingest metrics.
func inputFromHeader(r *http.Request) string {
	if strings.Contains(r.Header.Get("Content-Type"), "html") {
		return article.InputHTML
	}
	return article.InputText
}

// articleID parses the {id} path parameter. A malformed id names no
// article, so it is a 404 like any unknown id.
func articleID(r *http.Request) (article.ID, error) {
	id, err := article.ParseID(chi.URLParam(r, "id"))
	if err != nil {
		return id, article.ErrNotFound
	}
	return id, nil
}

// handleGetArticle returns one article; ?include=diagnostics adds how each
// field was found, ?include=markdown the body as Markdown (both:
// include=diagnostics,markdown). Articles change only when re-extracted, so
// an ETag lets readers revalidate cheaply.
func (a *API) handleGetArticle(w http.ResponseWriter, r *http.Request) error {
	id, err := articleID(r)
	if err != nil {
		return err
	}
	var (
		parts      store.ArticleParts
		paragraphs bool
	)
	for _, inc := range strings.Split(r.URL.Query().Get("include"), ",") {
		switch inc {
		case "":
		case "diagnostics":
			parts.Diagnostics = true
		case "markdown":
			parts.Markdown = true
		case "paragraphs":
			paragraphs = true
		default:
			return invalidField("include", "unknown value "+truncate(inc, 40)+"; the values are diagnostics, markdown and paragraphs")
		}
	}
	if parts.Diagnostics || parts.Markdown {
		// Re-extracting a dump, or holding a second rendering of a large
		// body, costs many times a plain read: only a few at once.
		release, err := a.expensive.acquire(r.Context())
		if err != nil {
			return err
		}
		defer release()
	}
	ctx, cancel := a.dbContext(r)
	defer cancel()
	art, err := a.store.FindArticleByID(ctx, id, parts)
	if err != nil {
		return err
	}
	etag := articleETag(art, parts, paragraphs)
	h := w.Header()
	h.Set("ETag", etag)
	h.Set("Cache-Control", "private, max-age=60, must-revalidate")
	if etagMatches(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	if parts.Diagnostics && art.Diagnostics == nil {
		if art.Diagnostics, err = a.articleDiagnostics(ctx, art); err != nil {
			return err
		}
	}
	resp := newArticleResponse(art)
	long := []longText{resp.bodyText()}
	if paragraphs {
		long = append(long, resp.paragraphsArray())
	}
	if parts.Markdown {
		long = append(long, longText{name: "body_markdown", parts: []string{markdownBody(art.BodyMarkdown, art.Paragraphs)}})
	}
	writeStreamed(w, http.StatusOK, resp, long...)
	return nil
}

// articleDiagnostics explains a stored article by extracting its stored
// dump again. The extractor is pure (the same dump gives the same result),
// so this is exactly how the article was made when it was made by this
// extractor version; diagnostics are therefore not stored with each
// article, which keeps ~2 KB and its encoding off every ingest. An
// article from another version gets the current version's explanation,
// with a note saying so.
func (a *API) articleDiagnostics(ctx context.Context, art *article.Article) (*article.Diagnostics, error) {
	d, err := a.store.FindDumpByArticleID(ctx, art.ID)
	if err != nil {
		return nil, err
	}
	x := extract.Extract(d)
	diag := x.Diagnostics
	if x.Version != art.ExtractorVersion {
		diag.Notes = append(diag.Notes, fmt.Sprintf("explained by extractor version %d; this article was extracted by version %d, and `pressroom reextract` updates it", x.Version, art.ExtractorVersion))
	}
	if x.Err != nil {
		diag.Notes = append(diag.Notes, "extracting the stored dump again failed: "+x.Err.Error())
	}
	return &diag, nil
}

// articleETag changes whenever the representation can: re-extraction moves
// updated_at and possibly the extractor version.
func articleETag(art *article.Article, parts store.ArticleParts, paragraphs bool) string {
	v := art.ID.String() + "-" + strconv.FormatInt(art.UpdatedAt.UnixMicro(), 36) + "-" + strconv.Itoa(art.ExtractorVersion)
	if parts.Diagnostics {
		// Diagnostics are computed by the running extractor (see
		// articleDiagnostics), so its version is part of them.
		v += "-d" + strconv.Itoa(extract.Version)
	}
	if parts.Markdown {
		v += "-m"
	}
	if paragraphs {
		v += "-p"
	}
	return `"` + v + `"`
}

// etagMatches implements If-None-Match's weak comparison.
func etagMatches(header, etag string) bool {
	if header == "" {
		return false
	}
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == etag {
			return true
		}
	}
	return false
}

// handleDeleteArticle removes an article and the dump it came from
// (takedown): nothing of it remains.
func (a *API) handleDeleteArticle(w http.ResponseWriter, r *http.Request) error {
	id, err := articleID(r)
	if err != nil {
		return err
	}
	ctx, cancel := a.dbContext(r)
	defer cancel()
	if err := a.store.DeleteArticle(ctx, id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// handleGetArticleRaw returns the dump an article was extracted from, byte
// for byte, with its original content type.
func (a *API) handleGetArticleRaw(w http.ResponseWriter, r *http.Request) error {
	id, err := articleID(r)
	if err != nil {
		return err
	}
	ctx, cancel := a.dbContext(r)
	defer cancel()
	d, err := a.store.FindDumpByArticleID(ctx, id)
	if err != nil {
		return err
	}
	writeRaw(w, d)
	return nil
}

// writeRaw sends a dump's bytes. Raw pages are third-party HTML: the
// sandbox policy keeps them from running script on our origin.
func writeRaw(w http.ResponseWriter, d *article.Dump) {
	h := w.Header()
	ct := d.ContentType
	if ct == "" {
		ct = "application/octet-stream"
	}
	h.Set("Content-Type", ct)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	h.Set("Content-Length", strconv.Itoa(len(d.Body)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(d.Body)
}
