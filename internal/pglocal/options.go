package pglocal

// DefaultDatabase is created on first start; it is the database the
// service uses.
const DefaultDatabase = "pressroom"

// Options configures Start.
type Options struct {
	// DataDir is the persistent cluster directory. "" starts a fresh cluster
	// in a temporary directory that Remove deletes. A directory the server
	// account cannot use is replaced by a stable one under os.TempDir().
	DataDir string
	// Durable keeps PostgreSQL's crash safety. When false (tests), fsync,
	// synchronous_commit and full_page_writes are off and WAL is minimal.
	Durable bool
	// Logf, when set, receives one line per notable event.
	Logf func(format string, args ...any)
}
