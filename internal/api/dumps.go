package api

import (
	"encoding/hex"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/pressroom/pressroom/internal/article"
)

type dumpResponse struct {
	ID               article.ID         `json:"id"`
	Source           string             `json:"source"`
	URL              string             `json:"url"`
	ContentType      string             `json:"content_type"`
	Size             int                `json:"size"`
	SHA256           string             `json:"sha256"`
	ReceivedAt       time.Time          `json:"received_at"`
	FetchedAt        *time.Time         `json:"fetched_at"`
	Status           article.DumpStatus `json:"status"`
	ExtractError     *string            `json:"extract_error"`
	ExtractorVersion int                `json:"extractor_version"`
	ArticleID        *article.ID        `json:"article_id"`
	Links            map[string]string  `json:"links"`
}

func dumpID(r *http.Request) (article.ID, error) {
	id, err := article.ParseID(chi.URLParam(r, "id"))
	if err != nil {
		return id, article.ErrNotFound
	}
	return id, nil
}

// handleGetDump tells what became of a dump: extracted (and into which
// article) or failed (and why).
func (a *API) handleGetDump(w http.ResponseWriter, r *http.Request) error {
	id, err := dumpID(r)
	if err != nil {
		return err
	}
	ctx, cancel := a.dbContext(r)
	defer cancel()
	d, err := a.store.FindDumpByID(ctx, id, false)
	if err != nil {
		return err
	}
	resp := dumpResponse{
		ID: d.ID, Source: d.Source, URL: d.URL, ContentType: d.ContentType, Size: d.Size,
		SHA256: hex.EncodeToString(d.SHA256[:]), ReceivedAt: d.ReceivedAt.UTC(), Status: d.Status,
		ExtractorVersion: d.ExtractorVersion,
		Links:            map[string]string{"self": "/v1/dumps/" + d.ID.String(), "raw": "/v1/dumps/" + d.ID.String() + "/raw"},
	}
	if !d.FetchedAt.IsZero() {
		t := d.FetchedAt.UTC()
		resp.FetchedAt = &t
	}
	if d.ExtractError != "" {
		resp.ExtractError = &d.ExtractError
	}
	if !d.ArticleID.IsZero() {
		aid := d.ArticleID
		resp.ArticleID = &aid
		resp.Links["article"] = "/v1/articles/" + aid.String()
	}
	writeJSON(w, "application/json", http.StatusOK, resp)
	return nil
}

// handleGetDumpRaw returns a dump's bytes, also for dumps nothing could be
// extracted from.
func (a *API) handleGetDumpRaw(w http.ResponseWriter, r *http.Request) error {
	id, err := dumpID(r)
	if err != nil {
		return err
	}
	ctx, cancel := a.dbContext(r)
	defer cancel()
	d, err := a.store.FindDumpByID(ctx, id, true)
	if err != nil {
		return err
	}
	writeRaw(w, d)
	return nil
}
