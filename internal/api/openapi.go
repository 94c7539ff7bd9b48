package api

import (
	_ "embed"
	"net/http"
	"strconv"
)

// OpenAPIDocument is the OpenAPI 3.1 description of the API. A test keeps it
// and the router in step, and validates real responses against it.
//
//go:embed openapi.yaml
var OpenAPIDocument []byte

func serveOpenAPI(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "application/yaml")
	h.Set("Content-Length", strconv.Itoa(len(OpenAPIDocument)))
	h.Set("Cache-Control", "public, max-age=300")
	_, _ = w.Write(OpenAPIDocument)
}
