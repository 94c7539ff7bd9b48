package datetime

import (
	"testing"
	"time"
)

// TestFindLanguages: the written and numeric date forms of each
// language, read by the one parser both front-ends use.
func TestFindLanguages(t *testing.T) {
	ref := time.Date(2025, 7, 3, 12, 0, 0, 0, time.UTC)
	tests := []struct{ lang, in, want string }{
		{"en", "Published July 2, 2025", "2025-07-02"},
		{"en", "02/07/2025", "2025-02-07"}, // US order
		{"de", "31. Mai 2012", "2012-05-31"},
		{"de", "Freitag, 4. Juli 2025, 10:15 Uhr", "2025-07-04"},
		{"de", "02.07.2025", "2025-07-02"},
		{"de", "Veröffentlicht am 19. Dezember 202219. Dezember 2022", "2022-12-19"},
		{"fr", "2 juillet 2025", "2025-07-02"},
		{"fr", "mercredi 1er octobre 2025 à 09h08", "2025-10-01"},
		{"fr", "02/07/2025", "2025-07-02"},
		{"es", "2 de julio de 2025", "2025-07-02"},
		{"es", "3 de mayo de 202221:25", "2022-05-03"},
		{"it", "2 luglio 2025", "2025-07-02"},
		{"pt", "2 de julho de 2025", "2025-07-02"},
		{"nl", "2 juli 2025", "2025-07-02"},
		{"nl", "12 mrt 2024", "2024-03-12"},
		{"pl", "2 lipca 2025", "2025-07-02"},
		{"pl", "2.07.2025", "2025-07-02"},
		{"cs", "2. listopadu 2021", "2021-11-02"},
		{"cs", "15. září 2020", "2020-09-15"},
		{"sv", "2 juli 2025", "2025-07-02"},
		{"da", "2. marts 2025", "2025-03-02"},
		{"nb", "2. desember 2024", "2024-12-02"},
		{"fi", "2. heinäkuuta 2025", "2025-07-02"},
		{"hu", "2025. július 2.", "2025-07-02"},
		{"hu", "2025. márc. 14.", "2025-03-14"},
		{"ru", "2 июля 2025", "2025-07-02"},
		{"uk", "2 липня 2025", "2025-07-02"},
		{"ar", "2 يوليو 2025", "2025-07-02"},
		{"zh", "2025年7月2日", "2025-07-02"},
		{"ja", "2025年7月2日 10時", "2025-07-02"},
		{"ko", "2025년 7월 2일", "2025-07-02"},
		{"tr", "2 Temmuz 2025", "2025-07-02"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.in, func(t *testing.T) {
			m, ok := Find(tt.in, Context{Ref: ref, Lang: tt.lang})
			if !ok {
				t.Fatalf("Find(%q) found no date, want %s", tt.in, tt.want)
			}
			if got := m.Date.Time.Format("2006-01-02"); got != tt.want {
				t.Errorf("Find(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}
