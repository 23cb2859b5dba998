//go:build !duckdb_arrow

package export

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
)

func init() {
	Register(Format{Name: "arrow", MediaType: "application/vnd.apache.arrow.file", Write: writeArrow,
		Help: "Arrow IPC file, record batches straight from DuckDB"})
}

func writeArrow(ctx context.Context, conn *sql.Conn, staged, table, dir string, o Options) ([]string, error) {
	name := table + ".arrow"
	return []string{name}, writeArrowFile(ctx, conn, staged, filepath.Join(dir, name))
}

// writeArrow needs DuckDB's Arrow interface, which duckdb-go compiles only
// with the duckdb_arrow build tag (the Makefile sets it).
func writeArrowFile(ctx context.Context, conn *sql.Conn, staged, path string) error {
	return errors.New("this fundscope was built without Arrow support: build with -tags duckdb_arrow (make build does)")
}
