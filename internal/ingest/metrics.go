package ingest

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/store"
)

// Ingest outcomes: the values of pressroom_ingest_total's outcome label.
const (
	outcomeCreated       = "created"
	outcomeDuplicate     = "duplicate"
	outcomeUnextractable = "unextractable"
	outcomeInvalid       = "invalid"
	outcomeError         = "error"
)

var (
	ingestOutcomes = []string{outcomeCreated, outcomeDuplicate, outcomeUnextractable, outcomeInvalid, outcomeError}
	inputKinds     = []string{article.InputText, article.InputHTML}
	// coverageFields are the metadata fields whose coverage the dashboard
	// tracks: a drop in one of them usually means a site changed its layout.
	coverageFields = []string{"title", "authors", "published", "location", "language", "site",
		"description", "image", "canonical_url", "section", "tags", "modified"}
)

// metrics are the ingest metrics. Their names are a contract with the
// dashboard and the alert rules in deploy/.
type metrics struct {
	ingest      *prometheus.CounterVec
	extractTime *prometheus.HistogramVec
	fieldFound  *prometheus.CounterVec
	dumpBytes   *prometheus.HistogramVec
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		ingest: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "pressroom_ingest_total",
			Help: "Dumps received for ingestion, by outcome and input kind.",
		}, []string{"outcome", "input"}),
		extractTime: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "pressroom_extract_duration_seconds",
			Help:    "Time to extract an article from a dump, by input kind.",
			Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, 1},
		}, []string{"input"}),
		fieldFound: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "pressroom_extract_field_found_total",
			Help: "Extractions by metadata field and whether the field was found.",
		}, []string{"field", "found"}),
		dumpBytes: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "pressroom_dump_bytes",
			Help:    "Size of raw dumps in bytes, by input kind.",
			Buckets: prometheus.ExponentialBuckets(512, 4, 9), // 512 B … 32 MiB
		}, []string{"input"}),
	}
	reg.MustRegister(m.ingest, m.extractTime, m.fieldFound, m.dumpBytes)
	// Known label values start at zero so that rates and ratios exist from
	// the first scrape (a missing series is not a zero).
	for _, in := range inputKinds {
		for _, o := range ingestOutcomes {
			m.ingest.WithLabelValues(o, in)
		}
		m.extractTime.WithLabelValues(in)
		m.dumpBytes.WithLabelValues(in)
	}
	for _, f := range coverageFields {
		m.fieldFound.WithLabelValues(f, "true")
		m.fieldFound.WithLabelValues(f, "false")
	}
	return m
}

// countStored counts the outcome of one stored dump.
func (m *metrics) countStored(input string, res *store.Ingest, err error) {
	outcome := outcomeError
	switch {
	case err != nil:
	case res.Article == nil:
		outcome = outcomeUnextractable
	case res.Created:
		outcome = outcomeCreated
	default:
		outcome = outcomeDuplicate
	}
	m.ingest.WithLabelValues(outcome, input).Inc()
}

// observeExtraction counts which metadata fields an extraction found.
func (m *metrics) observeExtraction(x *article.Extraction) {
	md := &x.Metadata
	found := map[string]bool{
		"title":     md.Title != "",
		"authors":   len(md.Authors) > 0,
		"published": !md.Published.IsZero(),
		"location":  md.Location != "",
		"language":  md.Language != "",
		"site":      md.SiteName != "",
		// The richer metadata of extractor version 4.
		"description":   md.Description != "",
		"image":         md.Image != "",
		"canonical_url": md.CanonicalURL != "",
		"section":       md.Section != "",
		"tags":          len(md.Tags) > 0,
		"modified":      !md.Modified.IsZero(),
	}
	for _, f := range coverageFields {
		v := "false"
		if found[f] {
			v = "true"
		}
		m.fieldFound.WithLabelValues(f, v).Inc()
	}
}
