package article

import "errors"

// Error kinds. Every layer wraps one of these with context
// (fmt.Errorf("store: find article %s: %w", id, ErrNotFound)); the API maps
// them to HTTP statuses in one place.
var (
	// ErrInvalid means the caller sent something malformed.
	ErrInvalid = errors.New("invalid")
	// ErrNotFound means the thing asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrConflict means the request clashes with the current state.
	ErrConflict = errors.New("conflict")
	// ErrUnextractable means no article could be extracted from a dump.
	ErrUnextractable = errors.New("unextractable")
	// ErrUnavailable means a dependency (the database) cannot serve now; the
	// caller may retry later.
	ErrUnavailable = errors.New("unavailable")
	// ErrKeyReused means an Idempotency-Key came back with a different
	// request than the one it was first used for.
	ErrKeyReused = errors.New("idempotency key reused")
)

// FieldError is an ErrInvalid that names the request field at fault, so
// that a client is told which field to fix in words meant for it, not in
// the chain of layers the error passed through.
type FieldError struct {
	Field  string // the request's name for it: "cursor", "q", "since"
	Detail string
}

// InvalidField returns an ErrInvalid naming field.
func InvalidField(field, detail string) error { return &FieldError{Field: field, Detail: detail} }

func (e *FieldError) Error() string { return ErrInvalid.Error() + ": " + e.Field + ": " + e.Detail }

// Unwrap makes a FieldError an ErrInvalid.
func (e *FieldError) Unwrap() error { return ErrInvalid }
