// Package migrations holds Pressroom's forward-only SQL migrations,
// NNNN_name.sql, embedded into the binary.
package migrations

import "embed"

// FS holds the migration files at its root.
//
//go:embed *.sql
var FS embed.FS
