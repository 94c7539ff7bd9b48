package store_test

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pressroom/pressroom/internal/article"
	"github.com/pressroom/pressroom/internal/dbtest"
	"github.com/pressroom/pressroom/internal/store"
)

func TestMain(m *testing.M) { os.Exit(dbtest.Main(m)) }

// newStore returns a Store on a fresh database.
func newStore(t *testing.T) *store.Store {
	t.Helper()
	return store.New(dbtest.New(t))
}

// mustSaveIngest saves and fails the test on error.
func mustSaveIngest(t *testing.T, s *store.Store, d *article.Dump, x *article.Extraction) *store.Ingest {
	t.Helper()
	ing, err := s.SaveIngest(context.Background(), d, x)
	if err != nil {
		t.Fatalf("SaveIngest: %v", err)
	}
	return ing
}

// sameTime compares instants and the zone offset they are shown in, which
// is what a reader of the page sees.
var sameTime = cmp.Comparer(func(a, b time.Time) bool {
	_, oa := a.Zone()
	_, ob := b.Zone()
	return a.Equal(b) && oa == ob
})

var received = time.Date(2026, 3, 4, 5, 6, 7, 891011000, time.UTC)

// extraction is a successful extraction with every field set.
func extraction() *article.Extraction {
	return &article.Extraction{
		Input: article.InputText,
		Metadata: article.Metadata{
			Title:             "Council approves the river bridge",
			Authors:           []string{"Ada Lovelace", "Alan Turing"},
			Agencies:          []string{"Example Wire"},
			Published:         &article.Date{Time: time.Date(2025, 7, 2, 23, 30, 0, 0, time.FixedZone("EDT", -4*3600)), Precision: article.PrecisionMinute, HasZone: true},
			SiteName:          "The Daily Example",
			Location:          "SPRINGFIELD",
			Sponsors:          []string{"Acme"},
			Paywalled:         true,
			OriginalPublisher: "Example Times",
			Language:          "en",
			URL:               "https://example.com/news/bridge",
			Description:       "The river bridge will be built next spring.",
			Image:             "https://example.com/img/bridge.jpg",
			CanonicalURL:      "https://example.com/news/2025/bridge",
			Section:           "Local",
			Sections:          []string{"Local", "Politics"},
			Tags:              []string{"Bridges", "Council", `Say "no"\`},
			// Stored as an instant: it comes back in UTC.
			Modified: &article.Date{Time: time.Date(2025, 7, 3, 8, 15, 0, 123000, time.UTC), Precision: article.PrecisionSecond, HasZone: true},
		},
		Paragraphs: []string{"The council voted on Tuesday.", "Work starts\nnext spring."},
		WordCount:  9,
		Version:    3,
		Diagnostics: article.Diagnostics{
			Input:   article.InputText,
			Fields:  []article.FieldSource{{Field: "title", Value: "Council approves the river bridge", Line: 3, Rule: "headline-before-body", Confidence: 0.9}},
			Dropped: []article.DroppedBlock{{Line: 1, Label: "navigation", Text: "Home | News"}},
			Notes:   []string{"a note"},
		},
	}
}

func dump(source, body string) *article.Dump {
	d := article.NewDump(source, "https://example.com/news/bridge", "text/plain; charset=utf-8", []byte(body), received)
	d.FetchedAt = received.Add(-time.Minute)
	return d
}

func isKind(err, kind error) bool { return err != nil && errors.Is(err, kind) }
