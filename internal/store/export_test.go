package store

// Test hooks for package store_test: migrations from another file system.
var (
	MigrateFS     = migrate
	CheckSchemaFS = checkSchema
)
