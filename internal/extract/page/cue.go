package page

import (
	"strings"

	"github.com/pressroom/pressroom/internal/extract/datetime"
)

// CreditBefore reports a credit opening the words before a date ("Von
// Ann Lee am", "by jdoe on").
func CreditBefore(before string, ctx datetime.Context) bool {
	before = strings.TrimSpace(before)
	if before == "" || len(before) > 80 {
		return false
	}
	m, ok := ParseByline(before, ctx)
	return ok && (m.Cue || m.Prep) && len(m.Authors) > 0
}
