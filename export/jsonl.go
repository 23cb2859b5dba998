package export

import (
	"context"
	"database/sql"
	"path/filepath"
)

func init() {
	Register(Format{Name: "jsonl", MediaType: "application/x-ndjson", Write: writeJSONL,
		Help: "JSON Lines, one object per row, written by DuckDB's COPY"})
}

func writeJSONL(ctx context.Context, conn *sql.Conn, staged, table, dir string, o Options) ([]string, error) {
	name := table + ".jsonl"
	return []string{name}, execSQL(ctx, conn, "COPY "+staged+" TO "+literal(filepath.Join(dir, name))+" (FORMAT json)")
}
