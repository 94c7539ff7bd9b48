package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/extract"
)

// extractOutput is the JSON the extract subcommand prints per document. Its
// first fields follow the evaluation scorer's protocol
// (../shared/eval/README.md); the rest carry the other extracted facts.
type extractOutput struct {
	Title             *string              `json:"title"`
	Authors           []string             `json:"authors"`
	PublishedAt       *string              `json:"published_at"`
	Body              string               `json:"body"`
	Site              *string              `json:"site"`
	Agencies          []string             `json:"agencies,omitempty"`
	Location          string               `json:"location,omitempty"`
	Sponsors          []string             `json:"sponsors,omitempty"`
	Paywalled         bool                 `json:"paywalled"`
	OriginalPublisher string               `json:"original_publisher,omitempty"`
	Language          string               `json:"language,omitempty"`
	Description       string               `json:"description,omitempty"`
	Image             string               `json:"image,omitempty"`
	CanonicalURL      string               `json:"canonical_url,omitempty"`
	Section           string               `json:"section,omitempty"`
	Categories        []string             `json:"categories,omitempty"` // every section named, Section first
	Tags              []string             `json:"tags,omitempty"`
	ModifiedAt        string               `json:"modified_at,omitempty"`
	Paragraphs        []string             `json:"paragraphs"`
	WordCount         int                  `json:"word_count"`
	Input             string               `json:"input"`
	ExtractorVersion  int                  `json:"extractor_version"`
	Error             string               `json:"error,omitempty"`
	Diagnostics       *article.Diagnostics `json:"diagnostics,omitempty"`
	ElapsedMS         float64              `json:"elapsed_ms"`
	CPUMS             float64              `json:"cpu_ms"`
}

// batchInput is one line of the scorer's --batch protocol.
type batchInput struct {
	ID    string `json:"id"`
	URL   string `json:"url"`
	Input string `json:"input"`
}

// runExtract implements `pressroom extract [--url URL] [--content-type T]
// [--explain] [--batch] [FILE]`: offline extraction, printing JSON.
func runExtract(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	url := fs.String("url", "", "page `URL` the dump came from")
	contentType := fs.String("content-type", "", "media type of the dump (sniffed when empty)")
	explain := fs.Bool("explain", false, "include diagnostics: where each field came from, why each line was dropped")
	batch := fs.Bool("batch", false, "read JSON lines {id,url,input} on stdin, write one JSON result per line")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: pressroom extract [--url URL] [--content-type TYPE] [--explain] [FILE]")
		fmt.Fprintln(stderr, "       pressroom extract --batch < lines.jsonl")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	now := time.Now()
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)

	if *batch {
		in := bufio.NewReader(stdin)
		w := bufio.NewWriter(stdout)
		enc = json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for {
			line, err := in.ReadBytes('\n')
			if len(line) > 0 {
				var bi batchInput
				if jerr := json.Unmarshal(line, &bi); jerr != nil {
					return fmt.Errorf("extract: batch line: %w", jerr)
				}
				d := article.NewDump("", bi.URL, *contentType, []byte(bi.Input), now)
				if err := enc.Encode(extractOne(d, *explain)); err != nil {
					return err
				}
				if err := w.Flush(); err != nil {
					return err
				}
			}
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return fmt.Errorf("extract: read batch: %w", err)
			}
		}
	}

	var body []byte
	var err error
	switch fs.NArg() {
	case 0:
		body, err = io.ReadAll(stdin)
	case 1:
		body, err = os.ReadFile(fs.Arg(0))
	default:
		fs.Usage()
		return errors.New("extract: at most one FILE")
	}
	if err != nil {
		return fmt.Errorf("extract: read dump: %w", err)
	}
	d := article.NewDump("", *url, *contentType, body, now)
	enc.SetIndent("", "  ")
	return enc.Encode(extractOne(d, *explain))
}

// extractOne runs the extractor on d and measures its wall and CPU time.
func extractOne(d *article.Dump, explain bool) extractOutput {
	// The thread is locked so that the thread's CPU clock measures this
	// extraction and nothing else the runtime does meanwhile.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0 := threadCPU()
	t0 := time.Now()
	x := extract.Extract(d)
	elapsed := time.Since(t0)
	cpu := threadCPU() - cpu0

	out := extractOutput{
		Authors:           x.Metadata.Authors,
		Agencies:          x.Metadata.Agencies,
		Location:          x.Metadata.Location,
		Sponsors:          x.Metadata.Sponsors,
		Paywalled:         x.Metadata.Paywalled,
		OriginalPublisher: x.Metadata.OriginalPublisher,
		Language:          x.Metadata.Language,
		Description:       x.Metadata.Description,
		Image:             x.Metadata.Image,
		CanonicalURL:      x.Metadata.CanonicalURL,
		Section:           x.Metadata.Section,
		Tags:              x.Metadata.Tags,
		Paragraphs:        x.Paragraphs,
		WordCount:         x.WordCount,
		Input:             x.Input,
		ExtractorVersion:  x.Version,
		ElapsedMS:         float64(elapsed.Microseconds()) / 1000,
		CPUMS:             float64(cpu.Microseconds()) / 1000,
	}
	if out.Paragraphs == nil {
		out.Paragraphs = []string{}
	}
	out.Body = joinParagraphs(x.Paragraphs)
	if x.Metadata.Title != "" {
		out.Title = &x.Metadata.Title
	}
	if x.Metadata.SiteName != "" {
		out.Site = &x.Metadata.SiteName
	}
	if p := x.Metadata.Published; !p.IsZero() {
		s := formatPublished(p)
		out.PublishedAt = &s
	}
	out.Categories = x.Metadata.Sections
	if len(out.Categories) == 0 && x.Metadata.Section != "" {
		out.Categories = []string{x.Metadata.Section}
	}
	if m := x.Metadata.Modified; !m.IsZero() {
		out.ModifiedAt = formatPublished(m)
	}
	if x.Err != nil {
		out.Error = x.Err.Error()
	}
	if explain {
		out.Diagnostics = &x.Diagnostics
	}
	return out
}

// formatPublished writes a date with as much precision as the page stated:
// a calendar day alone, or an RFC 3339 time in the stated offset.
func formatPublished(p *article.Date) string {
	if p.Precision == article.PrecisionDay {
		return p.Day()
	}
	return p.Time.Format(time.RFC3339)
}

// joinParagraphs joins body paragraphs with a blank line between them.
func joinParagraphs(ps []string) string {
	n := 0
	for _, p := range ps {
		n += len(p) + 2
	}
	b := make([]byte, 0, n)
	for i, p := range ps {
		if i > 0 {
			b = append(b, '\n', '\n')
		}
		b = append(b, p...)
	}
	return string(b)
}
