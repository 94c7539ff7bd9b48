package store

// Test hooks for group commit.

// SetFlushHook makes s call f, on the writer goroutine, before it writes
// each group of n calls. It must be set before the first SaveIngest.
func SetFlushHook(s *Store, f func(n int)) { s.commit.flushHook = f }

// QueueLen is the number of SaveIngest calls waiting for a writer.
func QueueLen(s *Store) int {
	s.commit.mu.Lock()
	defer s.commit.mu.Unlock()
	return len(s.commit.queue)
}
