package text

import (
	"strings"
	"testing"

	"github.com/pressroom/pressroom/internal/article"
)

// TestTableCellNoBarrier checks that a table column headed like a comment
// section, printed as innerText prints cells that hold paragraphs (each
// cell followed by a line of tabs alone), does not split the article: the text on both sides of it stays.
func TestTableCellNoBarrier(t *testing.T) {
	intro := "The scheduler keeps every task in one of four states, and each change of state is written to the store before the worker is told about it, so that a crash in between never loses a task."
	outro := "A task that stays in the claimed state for longer than its timeout is put back in the queue by the controller, which is how the scheduler survives a worker that disappears without a word."
	table := strings.Join([]string{"State", "\t", "Timeout", "\t", "Comment", "", "", "queued", "\t", "one hour", "\t", "waiting for a worker", "", "", "claimed", "\t", "ten minutes", "\t", "a worker took it"}, "\n\n")
	dump := "Scheduler states\n\n" + intro + "\n\n" + table + "\n\n" + outro + "\n"
	x := Extract(&article.Dump{Body: []byte(dump)})
	if x.Err != nil {
		t.Fatalf("Extract: %v", x.Err)
	}
	body := strings.Join(x.Paragraphs, "\n")
	for _, p := range []string{intro, outro} {
		if !strings.Contains(body, p) {
			t.Errorf("body lost %q: %q", p[:40], x.Paragraphs)
		}
	}
}
