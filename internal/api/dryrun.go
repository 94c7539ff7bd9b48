package api

import (
	"net/http"

	"github.com/pressroom/pressroom/internal/article"
)

// extractResponse is a dry run's result: what would be stored, and why.
type extractResponse struct {
	Input string `json:"input"`
	extractedFields
	WordCount        int                  `json:"word_count"`
	ExtractorVersion int                  `json:"extractor_version"`
	Error            *string              `json:"error"`
	Diagnostics      *article.Diagnostics `json:"diagnostics"`
}

// handleExtract is a dry run: it extracts a dump exactly as POST
// /v1/articles would and returns the result with diagnostics and the
// Markdown body, storing nothing. A dump nothing can be extracted from is
// still a 200 here: the answer to "what would happen" is the error and the
// diagnostics.
func (a *API) handleExtract(w http.ResponseWriter, r *http.Request) error {
	d, err := a.decodeDump(w, r)
	if err != nil {
		return err
	}
	x := a.ingest.Extract(d)
	resp := extractResponse{
		Input:            x.Input,
		extractedFields:  newExtractedFields(&x.Metadata, x.Paragraphs),
		WordCount:        x.WordCount,
		ExtractorVersion: x.Version,
		Diagnostics:      &x.Diagnostics,
	}
	if x.Err != nil {
		msg := x.Err.Error()
		resp.Error = &msg
	}
	writeStreamed(w, http.StatusOK, resp, resp.bodyText(),
		longText{name: "body_markdown", parts: []string{markdownBody(x.BodyMarkdown, x.Paragraphs)}})
	return nil
}
