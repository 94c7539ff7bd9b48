package pglocal

import (
	"context"
	"errors"
	"path/filepath"
)

// errUnsupported is what every entry point says on Windows, where the
// private server's unix socket, process groups and file ownership checks do
// not exist: the server needs a PostgreSQL of its own there.
var errUnsupported = errors.New("pglocal: the private development PostgreSQL does not run on Windows; set DATABASE_URL to a PostgreSQL server (for example one in Docker or WSL)")

// Cluster is never started on Windows.
type Cluster struct{}

// Start fails on Windows; see errUnsupported.
func Start(context.Context, Options) (*Cluster, error) { return nil, errUnsupported }

// FindBinDir fails on Windows; see errUnsupported.
func FindBinDir() (string, error) { return "", errUnsupported }

// DefaultDataDir is <cwd>/.pgdata, as elsewhere.
func DefaultDataDir(cwd string) string { return filepath.Join(cwd, ".pgdata") }

// URL is never reached: Start fails.
func (c *Cluster) URL(string) string { return "" }

// DataDir is never reached: Start fails.
func (c *Cluster) DataDir() string { return "" }

// Stop is never reached: Start fails.
func (c *Cluster) Stop() error { return errUnsupported }

// Restart is never reached: Start fails.
func (c *Cluster) Restart(context.Context) error { return errUnsupported }

// Remove is never reached: Start fails.
func (c *Cluster) Remove() error { return errUnsupported }
