// Package page holds what both front-ends, text and web, read off a page
// the same way, whatever its format:
//
//   - the page vocabulary compiled once (boilerplate.go, matched by the
//     Aho–Corasick and trie matcher of phrases.go) and the credit reader
//     that uses it (byline.go, cue.go);
//   - stop words and the language guess (language.go);
//   - what an address says: its slug, year and host (urlinfo.go), its
//     section (section.go), the numeric date order of its locale
//     (date_locale.go);
//   - choosing among stated descriptions, and collecting sections and tags
//     (describe_pick.go, tags.go);
//   - words and sentences: counts, sentence ends, folding, markup stripped
//     (words.go);
//   - the thresholds both front-ends apply alike (limits.go, appendix.go).
//
// It imports neither front-end; they import it.
package page
