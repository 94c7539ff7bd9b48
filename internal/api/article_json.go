package api

import (
	"strconv"
	"time"
)

// An article's head (every member but the long ones) is written by hand:
// encoding/json's reflection over its 29 members was a tenth of a GET's
// handler CPU (docs/performance.md, fifth pass). The output is encoding/
// json's, byte for byte (TestArticleResponse_JSONAsEncodingJSON); what
// the hand-written code does not cover (diagnostics, a time encoding/json
// would refuse) goes through encoding/json as before.

// articleResponseMembers is the number of members writeJSONHead writes;
// TestArticleResponse_JSONAsEncodingJSON fails when a field is added to
// articleResponse or extractedFields without it.
const articleResponseMembers = 29

// jsonHead is a head encodeStreamed can write without encoding/json.
type jsonHead interface {
	// handWritten reports whether writeJSONHead writes this value as
	// encoding/json would.
	handWritten() bool
	// writeJSONHead writes the object's members, at least one, without
	// its braces.
	writeJSONHead(w streamWriter)
}

func (r *articleResponse) handWritten() bool {
	return r.Diagnostics == nil && jsonTimeOK(r.ReceivedAt) && jsonTimeOK(r.CreatedAt) && jsonTimeOK(r.UpdatedAt) &&
		(r.PublishedAt == nil || jsonTimeOK(*r.PublishedAt)) && (r.ModifiedAt == nil || jsonTimeOK(*r.ModifiedAt))
}

func (r *articleResponse) writeJSONHead(w streamWriter) {
	j := jsonMembers{w: w, es: escaper{w: w}}
	j.text("id", r.ID.String())
	j.text("dump_id", r.DumpID.String())
	j.text("source", r.Source)
	f := &r.extractedFields
	j.text("url", f.URL)
	j.text("title", f.Title)
	j.list("authors", f.Authors)
	j.list("agencies", f.Agencies)
	j.timeOrNull("published_at", f.PublishedAt)
	j.textOrNull("published_date", f.PublishedDate)
	j.textOrNull("published_precision", f.PublishedPrecision)
	j.text("source_name", f.SourceName)
	j.text("location", f.Location)
	j.list("sponsors", f.Sponsors)
	j.name("paywalled")
	_, _ = w.WriteString(strconv.FormatBool(f.Paywalled))
	j.text("original_publisher", f.OriginalPublisher)
	j.text("language", f.Language)
	j.text("description", f.Description)
	j.text("image", f.Image)
	j.text("canonical_url", f.CanonicalURL)
	j.text("section", f.Section)
	j.list("sections", f.Sections)
	j.list("tags", f.Tags)
	j.timeOrNull("modified_at", f.ModifiedAt)
	j.textOrNull("modified_precision", f.ModifiedPrecision)
	j.name("word_count")
	_, _ = w.WriteString(strconv.Itoa(r.WordCount))
	j.name("extractor_version")
	_, _ = w.WriteString(strconv.Itoa(r.ExtractorVersion))
	j.time("received_at", r.ReceivedAt)
	j.time("created_at", r.CreatedAt)
	j.time("updated_at", r.UpdatedAt)
}

// jsonTimeOK reports whether encoding/json encodes t: it refuses years
// outside 0–9999.
func jsonTimeOK(t time.Time) bool { return t.Year() >= 0 && t.Year() <= 9999 }

// jsonMembers writes an object's members, with commas between them.
type jsonMembers struct {
	w  streamWriter
	es escaper
	n  int
}

func (j *jsonMembers) name(name string) {
	if j.n > 0 {
		_ = j.w.WriteByte(',')
	}
	j.n++
	_ = j.w.WriteByte('"')
	_, _ = j.w.WriteString(name) // names are plain ASCII
	_, _ = j.w.WriteString(`":`)
}

func (j *jsonMembers) text(name, s string) {
	j.name(name)
	j.es.quoted(s)
}

func (j *jsonMembers) textOrNull(name string, s *string) {
	if s == nil {
		j.name(name)
		_, _ = j.w.WriteString("null")
		return
	}
	j.text(name, *s)
}

func (j *jsonMembers) list(name string, l []string) {
	j.name(name)
	if l == nil {
		_, _ = j.w.WriteString("null")
		return
	}
	_ = j.w.WriteByte('[')
	for i, s := range l {
		if i > 0 {
			_ = j.w.WriteByte(',')
		}
		j.es.quoted(s)
	}
	_ = j.w.WriteByte(']')
}

func (j *jsonMembers) time(name string, t time.Time) {
	j.name(name)
	var buf [len(`"`+time.RFC3339Nano+`"`) + 8]byte
	b := append(buf[:0], '"')
	b = t.AppendFormat(b, time.RFC3339Nano)
	b = append(b, '"')
	_, _ = j.w.Write(b)
}

func (j *jsonMembers) timeOrNull(name string, t *time.Time) {
	if t == nil {
		j.name(name)
		_, _ = j.w.WriteString("null")
		return
	}
	j.time(name, *t)
}
