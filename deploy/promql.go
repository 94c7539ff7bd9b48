package deploy

// This file finds the metric selectors in PromQL as Grafana stores it. It is
// a lexer, not a parser: enough to tell a metric name from a function, a
// keyword, a label name or a Grafana variable, and to read the label names a
// selector matches on. Whether an expression is valid PromQL is promtool's
// job (see deploy_test.go).

// A selector is a metric name and the label names of its matchers.
type selector struct {
	name   string
	labels []string
}

// keywords are identifiers that are never metric names when not followed by
// "(": binary operators, modifiers, and aggregations written as
// "sum by (x) (…)".
var keywords = map[string]bool{
	"and": true, "or": true, "unless": true, "atan2": true,
	"offset": true, "bool": true, "start": true, "end": true,
	"sum": true, "min": true, "max": true, "avg": true, "group": true,
	"stddev": true, "stdvar": true, "count": true, "count_values": true,
	"bottomk": true, "topk": true, "quantile": true,
	"limitk": true, "limit_ratio": true,
}

// groupingKeywords take a parenthesised list of label names.
var groupingKeywords = map[string]bool{
	"by": true, "without": true, "on": true, "ignoring": true,
	"group_left": true, "group_right": true,
}

// selectors returns the metric selectors of a PromQL expression in order.
func selectors(s string) []selector {
	var out []selector
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\'' || c == '`':
			i = skipString(s, i)
		case c == '#':
			i = skipPast(s, i, '\n')
		case c == '$':
			i = skipVariable(s, i)
		case c == '[':
			// A range, a subquery resolution or a Grafana [[var]]: durations
			// and variables, never a metric.
			i = skipPast(s, i, ']')
		case c == '{':
			// A selector without a name ({__name__=~"…"}): its name is a
			// regular expression this lexer does not expand.
			_, i = labelNames(s, i)
		case isDigit(c) || c == '.':
			for i++; i < len(s) && (isIdentChar(s[i]) || s[i] == '.'); i++ {
			}
		case isIdentStart(c):
			j := i + 1
			for j < len(s) && isIdentChar(s[j]) {
				j++
			}
			word := s[i:j]
			k := skipSpace(s, j)
			next := byte(0)
			if k < len(s) {
				next = s[k]
			}
			switch {
			case groupingKeywords[word]:
				i = j
				if next == '(' {
					i = skipPast(s, k, ')')
				}
			case next == '(' || keywords[word]:
				i = j
			default:
				sel := selector{name: word}
				i = j
				if next == '{' {
					sel.labels, i = labelNames(s, k)
				}
				out = append(out, sel)
			}
		default:
			i++
		}
	}
	return out
}

// labelNames reads the matchers of the selector whose "{" is at s[i] and
// returns their label names and the index after the closing "}".
func labelNames(s string, i int) ([]string, int) {
	var names []string
	i++ // '{'
	for i < len(s) {
		i = skipSpace(s, i)
		if i >= len(s) {
			break
		}
		switch c := s[i]; {
		case c == '}':
			return names, i + 1
		case c == '"' || c == '\'' || c == '`':
			i = skipString(s, i) // a quoted (UTF-8) name or a stray value
		case isIdentStart(c):
			j := i + 1
			for j < len(s) && isIdentChar(s[j]) {
				j++
			}
			names = append(names, s[i:j])
			i = skipSpace(s, j)
			for i < len(s) && (s[i] == '=' || s[i] == '!' || s[i] == '~') {
				i++
			}
			i = skipSpace(s, i)
			if i < len(s) && (s[i] == '"' || s[i] == '\'' || s[i] == '`') {
				i = skipString(s, i)
			}
		default:
			i++ // ',' or anything malformed
		}
	}
	return names, i
}

// skipString returns the index after the string literal opening at s[i].
func skipString(s string, i int) int {
	q := s[i]
	for i++; i < len(s); i++ {
		switch {
		case s[i] == '\\' && q != '`':
			i++
		case s[i] == q:
			return i + 1
		}
	}
	return len(s)
}

// skipVariable returns the index after the Grafana variable at s[i]:
// $name or ${name} or ${name:format}.
func skipVariable(s string, i int) int {
	i++
	if i < len(s) && s[i] == '{' {
		return skipPast(s, i, '}')
	}
	for i < len(s) && isIdentChar(s[i]) {
		i++
	}
	return i
}

// skipPast returns the index after the first c at or after s[i], or len(s).
func skipPast(s string, i int, c byte) int {
	for ; i < len(s); i++ {
		if s[i] == c {
			return i + 1
		}
	}
	return len(s)
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isIdentStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c == ':'
}

func isIdentChar(c byte) bool { return isIdentStart(c) || isDigit(c) }
