package article

import (
	"errors"
	"testing"
	"time"
)

func TestNewID_VersionOrderAndRoundTrip(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	prev := NewID(now)
	for i := 0; i < 10000; i++ {
		id := NewID(now)
		if id[6]>>4 != 7 {
			t.Fatalf("version nibble = %x, want 7", id[6]>>4)
		}
		if id[8]>>6 != 2 {
			t.Fatalf("variant bits = %b, want 10", id[8]>>6)
		}
		if id.String() <= prev.String() {
			t.Fatalf("ids not increasing: %s then %s", prev, id)
		}
		back, err := ParseID(id.String())
		if err != nil || back != id {
			t.Fatalf("ParseID(%s) = %s, %v", id, back, err)
		}
		prev = id
	}
}

func TestParseID_Invalid(t *testing.T) {
	for _, s := range []string{
		"", "x", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5gg",
		"0190a1b2c3d47e5f8a9b0c1d2e3f4a5b", "{0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b}",
		"0190a1b2-c3d4-7e5f-8a9b_0c1d2e3f4a5b", "../../../../etc/passwd/aaaaaaaaaaaaa",
	} {
		if _, err := ParseID(s); !errors.Is(err, ErrInvalid) {
			t.Errorf("ParseID(%q) err = %v, want ErrInvalid", s, err)
		}
	}
}
