package datetime

import (
	"fmt"
	"testing"
	"time"
)

// checkLine compares Line.Find with Find on every prefix of s.
func checkLine(t *testing.T, s string) {
	ctx := Context{Ref: time.Date(2025, 7, 2, 12, 0, 0, 0, time.UTC), Lang: "en"}
	l := NewLine(s, ctx)
	defer l.Release()
	// Each prefix twice in a row: the second answer comes from the memo.
	for k := 0; k < 2*(len(s)+1); k++ {
		end := k / 2
		if end == len(s) {
			got, gok := l.FindString(s)
			want, wok := Find(s, ctx)
			if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) || gok != wok {
				t.Fatalf("Line(%q).FindString = %+v, %v; Find = %+v, %v", s, got, gok, want, wok)
			}
		}
		got, gok := l.Find(end)
		want, wok := Find(s[:end], ctx)
		// Zones are built per call: compare what they print.
		if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) || gok != wok {
			t.Fatalf("Line(%q).Find(%d) = %+v, %v; Find(%q) = %+v, %v", s, end, got, gok, s[:end], want, wok)
		}
	}
}

func TestLineFind(t *testing.T) {
	for _, s := range []string{
		"Posted on 3 May 2021 by Ann Lee",
		"Updated 8:03 am ET, Jul 2, 2025 by Ann Lee and 3 others",
		"22. Dezember 2019 von Ann Lee",
		"2021年4月9日 记者 张三",
		"yesterday by Ann",
		"no date here by anyone",
		"19/11/2019 \xff\xfe by 12:30",
		"  3  hours   ago  ",
		"",
	} {
		checkLine(t, s)
	}
}

func FuzzLineFind(f *testing.F) {
	for _, s := range []string{"Jul 2, 2025 by Ann", "2. Mai 20212. Mai 2021Author Ann Lee", "\xc3 5 May\x80 2020 x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 200 {
			s = s[:200]
		}
		checkLine(t, s)
	})
}
