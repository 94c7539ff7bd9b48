package api

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pressroom/pressroom/internal/article"
)

// TestSettleLater_RetriesUntilTheDatabaseTakesIt: a key whose outcome the
// database refused is settled in the background once it answers, and is
// then no longer owed.
func TestSettleLater_RetriesUntilTheDatabaseTakesIt(t *testing.T) {
	a := &API{}
	var calls atomic.Int32
	a.settleLater("scope", "key", func(context.Context) error {
		if calls.Add(1) < 3 {
			return article.ErrUnavailable
		}
		return nil
	})
	if _, owed := a.unsettled.Load(unsettledID("scope", "key")); !owed {
		t.Fatal("the key is not recorded as owed")
	}
	for i := 0; ; i++ {
		if _, owed := a.unsettled.Load(unsettledID("scope", "key")); !owed {
			break
		}
		if i == 1000 {
			t.Fatal("the key is still owed")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if n := calls.Load(); n != 3 {
		t.Fatalf("settled after %d attempts, want 3 (two refusals, then done)", n)
	}
}
