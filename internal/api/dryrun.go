package api

import (
	"net/http"
	"strings"
	"time"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract"
)

// extractResponse is a dry run's result: what would be stored, and why.
type extractResponse struct {
	Input              string               `json:"input"`
	URL                string               `json:"url"`
	Title              string               `json:"title"`
	Authors            []string             `json:"authors"`
	Agencies           []string             `json:"agencies"`
	PublishedAt        *time.Time           `json:"published_at"`
	PublishedDate      *string              `json:"published_date"`
	PublishedPrecision *string              `json:"published_precision"`
	SourceName         string               `json:"source_name"`
	Location           string               `json:"location"`
	Sponsors           []string             `json:"sponsors"`
	Paywalled          bool                 `json:"paywalled"`
	OriginalPublisher  string               `json:"original_publisher"`
	Language           string               `json:"language"`
	Body               string               `json:"body"`
	Paragraphs         []string             `json:"paragraphs"`
	BodyMarkdown       string               `json:"body_markdown"`
	WordCount          int                  `json:"word_count"`
	ExtractorVersion   int                  `json:"extractor_version"`
	Error              *string              `json:"error"`
	Diagnostics        *article.Diagnostics `json:"diagnostics"`
}

// handleExtract is a dry run: it extracts a dump exactly as POST
// /v1/articles would and returns the result with diagnostics and the
// Markdown body, storing nothing. A dump nothing can be extracted from is still a 200 here: the
// answer to "what would happen" is the error and the diagnostics.
func (a *API) handleExtract(w http.ResponseWriter, r *http.Request) error {
	d, err := a.decodeDump(w, r)
	if err != nil {
		return err
	}
	x := a.extract(d)
	md := &x.Metadata
	resp := extractResponse{
		Input: x.Input, URL: md.URL, Title: md.Title, Authors: nonNil(md.Authors), Agencies: nonNil(md.Agencies),
		SourceName: md.SiteName, Location: md.Location, Sponsors: nonNil(md.Sponsors), Paywalled: md.Paywalled,
		OriginalPublisher: md.OriginalPublisher, Language: md.Language, Body: strings.Join(x.Paragraphs, "\n\n"),
		Paragraphs: nonNil(x.Paragraphs), WordCount: x.WordCount, ExtractorVersion: x.Version, Diagnostics: &x.Diagnostics,
	}
	// As GET ?include=markdown would show it once stored: the page's
	// structure for HTML, the escaped paragraphs otherwise.
	resp.BodyMarkdown = x.BodyMarkdown
	if resp.BodyMarkdown == "" {
		resp.BodyMarkdown = extract.ParagraphsMarkdown(x.Paragraphs)
	}
	if p := md.Published; !p.IsZero() {
		t := p.Time.UTC()
		day, prec := p.Day(), string(p.Precision)
		resp.PublishedAt, resp.PublishedDate, resp.PublishedPrecision = &t, &day, &prec
	}
	if x.Err != nil {
		msg := x.Err.Error()
		resp.Error = &msg
	}
	writeJSON(w, "application/json", http.StatusOK, resp)
	return nil
}
