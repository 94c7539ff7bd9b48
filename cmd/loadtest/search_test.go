package main

import (
	"strings"
	"testing"
)

func TestParseSearchCounts(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    searchCounts
		wantErr bool
	}{
		{"both", `# HELP pressroom_search_pending Articles not indexed yet.
# TYPE pressroom_search_pending gauge
pressroom_search_pending 1234
# HELP pressroom_search_indexed_total Articles indexed.
# TYPE pressroom_search_indexed_total counter
pressroom_search_indexed_total 5.6789e+04
pressroom_search_pending_other 7
`, searchCounts{pending: 1234, indexed: 56789, ok: true}, false},
		{"a server without the indexer", "pressroom_ingest_total{input=\"text\",outcome=\"created\"} 3\n", searchCounts{}, false},
		{"only one of the two", "pressroom_search_indexed_total 3\n", searchCounts{indexed: 3}, false},
		{"with a timestamp", "pressroom_search_pending 2 1700000000000\npressroom_search_indexed_total 0\n", searchCounts{pending: 2, ok: true}, false},
		{"garbage value", "pressroom_search_pending many\n", searchCounts{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseSearchCounts(strings.NewReader(tt.in))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if !tt.wantErr && got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
