package dom

import (
	"encoding/json"
	"errors"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// ParseJSONLD reads the text of one <script type="application/ld+json">
// and returns every object in it: top-level objects, members of arrays and
// of "@graph", and "mainEntity" objects, in document order. It tolerates
// what real pages get wrong: CDATA and comment wrappers, several values in
// one script, trailing commas, raw newlines inside strings, invalid escapes
// and HTML-escaped markup. Text it cannot read yields no objects.
func ParseJSONLD(s string) []map[string]any {
	s = unwrapJSONLD(s)
	if s == "" {
		return nil
	}
	vals, err := decodeJSONValues(s)
	if err != nil {
		if vals2, err2 := decodeJSONValues(repairJSON(s)); err2 == nil || len(vals2) > len(vals) {
			vals = vals2
		} else if strings.Contains(s, "&") {
			if vals3, _ := decodeJSONValues(repairJSON(html.UnescapeString(s))); len(vals3) > len(vals) {
				vals = vals3
			}
		}
	}
	var out []map[string]any
	for _, v := range vals {
		out = flattenJSONLD(out, v, 0)
	}
	return out
}

func unwrapJSONLD(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"//<![CDATA[", "<![CDATA[", "<!--"} {
		s = strings.TrimSpace(strings.TrimPrefix(s, p))
	}
	for _, p := range []string{"//]]>", "]]>", "-->"} {
		s = strings.TrimSpace(strings.TrimSuffix(s, p))
	}
	s = strings.TrimSuffix(s, ";")
	return s
}

func decodeJSONValues(s string) ([]any, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var vals []any
	for {
		var v any
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			return vals, nil
		}
		if err != nil {
			return vals, err
		}
		vals = append(vals, v)
	}
}

// repairJSON fixes the common hand-written JSON mistakes in one pass that
// tracks whether it is inside a string: raw control characters in strings
// are escaped, unknown escapes lose their backslash, and commas before a
// closing bracket are dropped.
func repairJSON(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 16)
	inStr := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if inStr {
			switch {
			case c == '\\':
				if i+1 < len(s) && strings.IndexByte(`"\/bfnrtu`, s[i+1]) >= 0 {
					b.WriteByte(c)
					b.WriteByte(s[i+1])
					i++
				}
				continue
			case c == '"':
				inStr = false
			case c == '\n' || c == '\r' || c == '\t':
				b.WriteByte(' ')
				continue
			case c < 0x20:
				continue
			}
			b.WriteByte(c)
			continue
		}
		switch c {
		case '"':
			inStr = true
		case ',':
			j := i + 1
			for j < len(s) && (s[j] == ' ' || s[j] == '\n' || s[j] == '\r' || s[j] == '\t') {
				j++
			}
			if j < len(s) && (s[j] == '}' || s[j] == ']') {
				continue
			}
			if j < len(s) && s[j] == ',' {
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

const maxJSONLDDepth = 8

func flattenJSONLD(out []map[string]any, v any, depth int) []map[string]any {
	if depth > maxJSONLDDepth {
		return out
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			out = flattenJSONLD(out, e, depth+1)
		}
	case map[string]any:
		if _, ok := v["@type"]; ok {
			out = append(out, v)
		}
		if g, ok := v["@graph"]; ok {
			out = flattenJSONLD(out, g, depth+1)
		}
		if m, ok := v["mainEntity"].(map[string]any); ok {
			out = flattenJSONLD(out, m, depth+1)
		}
	}
	return out
}

// LDTypes returns the @type of a JSON-LD object as a list (it may be a
// string or an array), without any "schema:" or URL prefix.
func LDTypes(o map[string]any) []string {
	var ts []string
	add := func(s string) {
		if i := strings.LastIndexAny(s, "/:"); i >= 0 {
			s = s[i+1:]
		}
		ts = append(ts, s)
	}
	switch t := o["@type"].(type) {
	case string:
		add(t)
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok {
				add(s)
			}
		}
	}
	return ts
}

// LDString returns a string-valued property of o: a string, the first
// string of an array, or the "name"/"@value" of an object.
func LDString(o map[string]any, key string) string {
	return ldText(o[key], 0)
}

func ldText(v any, depth int) string {
	if depth > 3 {
		return ""
	}
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case json.Number:
		return v.String()
	case []any:
		for _, e := range v {
			if s := ldText(e, depth+1); s != "" {
				return s
			}
		}
	case map[string]any:
		for _, k := range []string{"name", "@value"} {
			if s := ldText(v[k], depth+1); s != "" {
				return s
			}
		}
	}
	return ""
}
