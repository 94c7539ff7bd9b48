package datetime

import (
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/article"
)

// TestParse: the machine forms of metadata and <time> elements.
func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		prec     article.Precision
		zone     bool
	}{
		{"2024-03-05T14:21:00.000Z", "2024-03-05T14:21:00Z", article.PrecisionSecond, true},
		{"2024-03-06T05:17:42+0000", "2024-03-06T05:17:42Z", article.PrecisionSecond, true},
		{"2024-03-06 12:08:51+08:00", "2024-03-06T12:08:51+08:00", article.PrecisionSecond, true},
		{"2024-03-06T10:33:27+05:30", "2024-03-06T10:33:27+05:30", article.PrecisionSecond, true},
		{"2024-03-06T09:58Z", "2024-03-06T09:58:00Z", article.PrecisionMinute, true},
		{"2024-03-06T09:58", "2024-03-06T09:58:00Z", article.PrecisionMinute, false},
		{"20240305", "2024-03-05T00:00:00Z", article.PrecisionDay, false},
		{"2024/03/05", "2024-03-05T00:00:00Z", article.PrecisionDay, false},
		{"March 5, 2024, 08:26 PM EST", "2024-03-05T20:26:00-05:00", article.PrecisionMinute, true},
		{"5 Mar 2024 06:44 GMT", "2024-03-05T06:44:00Z", article.PrecisionMinute, true},
		{"Mar. 5, 2024 8:26 am ET", "2024-03-05T08:26:00-05:00", article.PrecisionMinute, true},
		{"Tue, 05 Mar 2024 06:44:00 +0000", "2024-03-05T06:44:00Z", article.PrecisionSecond, true},
		{"5 Mar 2024 16:55 IST", "2024-03-05T16:55:00+05:30", article.PrecisionMinute, true},
		{"15 de outubro de 2021", "2021-10-15T00:00:00Z", article.PrecisionDay, false},
		{"1709648580", "2024-03-05T14:23:00Z", article.PrecisionSecond, true},
		{"July 4th, 2021", "2021-07-04T00:00:00Z", article.PrecisionDay, false},
	} {
		d, ok := Parse(tc.in)
		if !ok {
			t.Errorf("Parse(%q) failed", tc.in)
			continue
		}
		if got := d.Time.Format(time.RFC3339); got != tc.want || d.Precision != tc.prec || d.HasZone != tc.zone {
			t.Errorf("Parse(%q) = %s %s zone=%v; want %s %s zone=%v", tc.in, got, d.Precision, d.HasZone, tc.want, tc.prec, tc.zone)
		}
	}
	for _, bad := range []string{"", "yesterday", "2019-13-45", "123", "Nov 2019", "12345678901234", "2019-11-19T25:00", "version 2.26"} {
		if d, ok := Parse(bad); ok {
			t.Errorf("Parse(%q) = %v, want failure", bad, d.Time)
		}
	}
}
