package api_test

import (
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/pb33f/libopenapi"
	"github.com/pb33f/libopenapi/datamodel"
	"go.yaml.in/yaml/v3"

	"github.com/pressroom/pressroom/internal/api"
)

// TestOpenAPI_Lint is the lint step of make test: it fails on the errors a
// standard OpenAPI linter reports and that schema validation lets through,
// because JSON Schema allows unknown keywords. Its rules:
//   - no key without a value: an unquoted comma in a flow mapping
//     (`{description: a, b}`) splits the text into a stray key;
//   - schema objects use only JSON Schema and OpenAPI keywords;
//   - the model builds with every $ref resolved;
//   - every operation has an operationId, a summary and responses, and
//     every error response is a problem.
func TestOpenAPI_Lint(t *testing.T) {
	for _, e := range lintOpenAPI(api.OpenAPIDocument) {
		t.Error(e)
	}
}

// TestOpenAPI_LintCatches keeps the lint able to fail. Each document is
// the head below plus its own paths or components.
func TestOpenAPI_LintCatches(t *testing.T) {
	const head = "openapi: 3.1.0\ninfo: {title: t, version: \"1\"}\n"
	const getX = "paths:\n  /x:\n    get:\n      operationId: x\n      summary: x\n      responses:\n"
	for _, tc := range []struct{ name, doc, want string }{
		{"split description", "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n" +
			"        x: {type: string, description: one, two.}\n", "has no value"},
		{"unknown keyword", "paths: {}\ncomponents:\n  schemas:\n    A: {type: object, nulable: true}\n",
			`unknown schema keyword "nulable"`},
		{"dangling ref", getX + `        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Missing"}}}}` + "\n",
			"model"},
		{"error response without problem", getX + `        "404": {description: gone}` + "\n", "not application/problem+json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			errs := lintOpenAPI([]byte(head + tc.doc))
			if !strings.Contains(strings.Join(errs, "\n"), tc.want) {
				t.Fatalf("lint errors %q, want one containing %q", errs, tc.want)
			}
		})
	}
}

func lintOpenAPI(doc []byte) []string {
	var errs []string
	var root yaml.Node
	if err := yaml.Unmarshal(doc, &root); err != nil {
		return []string{"yaml: " + err.Error()}
	}
	walkYAML(&root, "", func(path string, key, value *yaml.Node) {
		if value.Kind == yaml.ScalarNode && value.Tag == "!!null" && value.Value == "" {
			errs = append(errs, fmt.Sprintf("line %d: %s has no value (an unquoted comma in a flow mapping?)", key.Line, path))
		}
	})
	walkSchemas(&root, func(path string, schema *yaml.Node) {
		for i := 0; i+1 < len(schema.Content); i += 2 {
			k := schema.Content[i]
			if !schemaKeywords[k.Value] && !strings.HasPrefix(k.Value, "x-") {
				errs = append(errs, fmt.Sprintf("line %d: %s: unknown schema keyword %q", k.Line, path, k.Value))
			}
		}
	})
	d, err := libopenapi.NewDocumentWithConfiguration(doc, &datamodel.DocumentConfiguration{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return append(errs, "document: "+err.Error())
	}
	m, err := d.BuildV3Model()
	if err != nil {
		return append(errs, "model: "+err.Error())
	}
	if m.Model.Paths == nil {
		return errs
	}
	for path, item := range m.Model.Paths.PathItems.FromOldest() {
		for method, op := range item.GetOperations().FromOldest() {
			where := strings.ToUpper(method) + " " + path
			if op.OperationId == "" || op.Summary == "" {
				errs = append(errs, where+": operationId and summary are required")
			}
			if op.Responses == nil || op.Responses.Codes.Len() == 0 {
				errs = append(errs, where+": no responses")
				continue
			}
			for code, resp := range op.Responses.Codes.FromOldest() {
				if code[0] != '4' && code[0] != '5' {
					continue
				}
				if resp.Content == nil || resp.Content.GetOrZero("application/problem+json") == nil {
					errs = append(errs, where+" "+code+": error response is not application/problem+json")
				}
			}
		}
	}
	return errs
}

// walkYAML calls f for every key and value of every mapping under n.
func walkYAML(n *yaml.Node, path string, f func(path string, key, value *yaml.Node)) {
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for i, c := range n.Content {
			walkYAML(c, fmt.Sprintf("%s[%d]", path, i), f)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			p := path + "." + n.Content[i].Value
			f(p, n.Content[i], n.Content[i+1])
			walkYAML(n.Content[i+1], p, f)
		}
	}
}

// walkSchemas calls f for every schema object: the components' schemas,
// every `schema`, and the subschemas inside them.
func walkSchemas(root *yaml.Node, f func(path string, schema *yaml.Node)) {
	var visit func(path string, s *yaml.Node)
	visit = func(path string, s *yaml.Node) {
		if s.Kind != yaml.MappingNode {
			return
		}
		f(path, s)
		for i := 0; i+1 < len(s.Content); i += 2 {
			k, v := s.Content[i].Value, s.Content[i+1]
			switch k {
			case "items", "additionalProperties", "not", "contains":
				visit(path+"."+k, v)
			case "properties", "patternProperties", "$defs":
				for j := 0; j+1 < len(v.Content); j += 2 {
					visit(path+"."+k+"."+v.Content[j].Value, v.Content[j+1])
				}
			case "oneOf", "anyOf", "allOf", "prefixItems":
				for j, c := range v.Content {
					visit(fmt.Sprintf("%s.%s[%d]", path, k, j), c)
				}
			}
		}
	}
	walkYAML(root, "", func(path string, key, value *yaml.Node) {
		switch {
		case key.Value == "schema":
			visit(path, value)
		case strings.HasSuffix(path, ".components.schemas."+key.Value) && strings.Count(path, ".") == 3:
			visit(path, value)
		}
	})
}

var schemaKeywords = map[string]bool{}

func init() {
	for _, k := range strings.Fields(`$ref $id $schema $anchor $defs $comment type enum const format title description
		default examples example deprecated readOnly writeOnly nullable discriminator xml externalDocs
		properties additionalProperties patternProperties required minProperties maxProperties propertyNames
		unevaluatedProperties dependentRequired dependentSchemas
		items prefixItems contains minContains maxContains minItems maxItems uniqueItems unevaluatedItems
		minLength maxLength pattern contentEncoding contentMediaType contentSchema
		minimum maximum exclusiveMinimum exclusiveMaximum multipleOf
		allOf anyOf oneOf not if then else`) {
		schemaKeywords[k] = true
	}
}
