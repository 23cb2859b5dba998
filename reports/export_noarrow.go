//go:build !duckdb_arrow

package reports

import (
	"context"
	"database/sql"
	"errors"
)

// writeArrow needs DuckDB's Arrow interface, which duckdb-go compiles only
// with the duckdb_arrow build tag (the Makefile sets it).
func writeArrow(ctx context.Context, conn *sql.Conn, staged, path string) error {
	return errors.New("this fundscope was built without Arrow support: build with -tags duckdb_arrow (make build does)")
}
