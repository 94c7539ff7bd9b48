package api_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"
	"github.com/pb33f/libopenapi-validator/helpers"
	"go.yaml.in/yaml/v3"

	"github.com/pressroom/pressroom/internal/api"
)

// TestOpenAPI_RoutesMatchDocument fails when the router serves a route the
// document lacks, or the document names one the router does not serve.
func TestOpenAPI_RoutesMatchDocument(t *testing.T) {
	var doc struct {
		Paths map[string]map[string]any `yaml:"paths"`
	}
	if err := yaml.Unmarshal(api.OpenAPIDocument, &doc); err != nil {
		t.Fatal(err)
	}
	documented := map[string]bool{}
	for path, item := range doc.Paths {
		for method := range item {
			switch method {
			case "get", "post", "put", "patch", "delete":
				documented[strings.ToUpper(method)+" "+path] = true
			}
		}
	}
	served := map[string]bool{}
	a := api.New(api.Config{})
	err := chi.Walk(a.Router(), func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		served[method+" "+strings.TrimSuffix(strings.ReplaceAll(route, "/*/", "/"), "/*")] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var missing, extra []string
	for r := range served {
		if !documented[r] {
			missing = append(missing, r)
		}
	}
	for r := range documented {
		if !served[r] {
			extra = append(extra, r)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 || len(extra) > 0 {
		t.Fatalf("routes not in openapi.yaml: %v\nroutes in openapi.yaml but not served: %v", missing, extra)
	}
	if len(served) < 10 {
		t.Fatalf("only %d routes walked: %v", len(served), served)
	}
}

func TestOpenAPI_DocumentIsValid(t *testing.T) {
	v := newValidator(t)
	if ok, errs := v.ValidateDocument(); !ok {
		for _, e := range errs {
			t.Errorf("%s: %s", e.Message, e.Reason)
		}
	}
}

var (
	validatorOnce sync.Once
	sharedValid   validator.Validator
	validatorErr  error
)

func newValidator(t testing.TB) validator.Validator {
	t.Helper()
	validatorOnce.Do(func() {
		doc, err := libopenapi.NewDocument(api.OpenAPIDocument)
		if err != nil {
			validatorErr = err
			return
		}
		v, errs := validator.NewValidator(doc)
		if len(errs) > 0 {
			validatorErr = fmt.Errorf("%v", errs)
			return
		}
		sharedValid = v
	})
	if validatorErr != nil {
		t.Fatal(validatorErr)
	}
	return sharedValid
}

// conformingTransport checks every response the tests receive against the
// OpenAPI document, so each API test is also a conformance test.
type conformingTransport struct {
	t    testing.TB
	base http.RoundTripper
	mu   *sync.Mutex
	v    validator.Validator
}

func (c conformingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := c.base.RoundTrip(req)
	if err != nil || req.URL.Path == "/openapi.yaml" {
		return resp, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	check := *resp
	check.Body = io.NopCloser(bytes.NewReader(body))
	c.mu.Lock()
	ok, errs := c.v.ValidateHttpResponse(req, &check)
	c.mu.Unlock()
	// Requests to routes the document does not have (probes for 404 and
	// 405) have no response to conform to; the route test covers the rest.
	if !ok && len(errs) > 0 && errs[0].ValidationType == helpers.PathValidation {
		ok = true
	}
	if !ok {
		var msgs []string
		for _, e := range errs {
			msgs = append(msgs, e.Message+": "+e.Reason)
		}
		c.t.Errorf("%s %s → %d does not conform to openapi.yaml:\n  %s\n  body: %.300s", req.Method, req.URL.Path, resp.StatusCode, strings.Join(msgs, "\n  "), body)
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}

var validatorMu sync.Mutex

func conformingClient(t testing.TB, base *http.Client) *http.Client {
	c := *base
	tr := c.Transport
	if tr == nil {
		tr = http.DefaultTransport
	}
	c.Transport = conformingTransport{t: t, base: tr, mu: &validatorMu, v: newValidator(t)}
	return &c
}
