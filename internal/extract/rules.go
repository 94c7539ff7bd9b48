package extract

// Rule is a layout rule for one source or template family. Rules run after
// the blocks are scored and before the body span is chosen; a rule may only
// move scores, relabel blocks or add metadata candidates, and the core still
// validates the result. Adding one means a rule_<family>.go file, a line in
// rules below and fixtures under testdata/rules/<family>/ (STYLE §3.3).
//
// Match on structure or on the host, never on a document's text.
type Rule interface {
	Name() string
	Match(doc *document) bool
	Apply(doc *document)
}

// rules lists the layout rules, alphabetically. The general pipeline has
// been enough so far; none is registered.
var rules = []Rule{}

// applyRules runs the matching rules and notes their names in diagnostics.
func applyRules(doc *document) {
	for _, r := range rules {
		if r.Match(doc) {
			r.Apply(doc)
			doc.notes = append(doc.notes, "rule "+r.Name())
		}
	}
}
