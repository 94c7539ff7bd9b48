package extracttest

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pressroom/pressroom/internal/article"
)

// ReceivedAt is the fixed clock of every test dump.
var ReceivedAt = time.Date(2025, 7, 3, 12, 0, 0, 0, time.UTC)

// CheckGoldenJSON compares got with the JSON golden file at path, or, when
// update is set, rewrites the file from got (flag names the flag that does
// that, for the message when the file is missing).
func CheckGoldenJSON[T any](t *testing.T, path string, got T, update bool, flag string) {
	t.Helper()
	if update {
		b, err := json.MarshalIndent(got, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test %s to create it)", err, flag)
	}
	var want T
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("extraction differs from %s (-want +got):\n%s", path, diff)
	}
}

// PublishedDay is the extraction's publication day, "" when it has none.
func PublishedDay(x article.Extraction) string {
	if p := x.Metadata.Published; !p.IsZero() {
		return p.Time.Format("2006-01-02")
	}
	return ""
}

// LinesDump is a dump of n short lines: prose lines with no blank line
// between them, the most blocks a dump of its size can make.
func LinesDump(n int) []byte {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "Line %d of a very long article body, which goes on and on with words.\n", i)
	}
	return []byte(b.String())
}

// DescribeOf is the richer metadata an extraction holds, and the rule each
// field came from.
type DescribeOf struct {
	Description, Image, Canonical, Section, Modified string
	Tags                                             []string
	Rules                                            map[string]string
}

func DescribeFrom(x article.Extraction) DescribeOf {
	md := x.Metadata
	got := DescribeOf{Description: md.Description, Image: md.Image, Canonical: md.CanonicalURL, Section: md.Section,
		Tags: md.Tags, Rules: map[string]string{}}
	if !md.Modified.IsZero() {
		got.Modified = md.Modified.Time.UTC().Format(time.DateOnly)
	}
	for _, f := range x.Diagnostics.Fields {
		switch f.Field {
		case "description", "image", "canonical_url", "section", "tags", "modified":
			got.Rules[f.Field] = f.Rule
		}
	}
	return got
}

const FixtureProse = "The council voted on Tuesday evening to keep the old swimming pool open for another summer, after a petition signed by more than four thousand residents."
