//go:build duckdb_arrow

package export

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"os"
	"path/filepath"

	"github.com/apache/arrow-go/v18/arrow/ipc"
	duckdb "github.com/duckdb/duckdb-go/v2"
)

func init() {
	Register(Format{Name: "arrow", MediaType: "application/vnd.apache.arrow.file", Write: writeArrow,
		Help: "Arrow IPC file, record batches straight from DuckDB"})
}

func writeArrow(ctx context.Context, conn *sql.Conn, staged, table, dir string, o Options) ([]string, error) {
	name := table + ".arrow"
	return []string{name}, writeArrowFile(ctx, conn, staged, filepath.Join(dir, name))
}

// writeArrow writes a staged table as an Arrow IPC file, record batch by
// record batch straight from DuckDB's Arrow results.
func writeArrowFile(ctx context.Context, conn *sql.Conn, staged, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	err = conn.Raw(func(dc any) error {
		ar, err := duckdb.NewArrowFromConn(dc.(driver.Conn))
		if err != nil {
			return err
		}
		rr, err := ar.QueryContext(ctx, "SELECT * FROM "+staged)
		if err != nil {
			return err
		}
		defer rr.Release()
		w, err := ipc.NewFileWriter(f, ipc.WithSchema(rr.Schema()))
		if err != nil {
			return err
		}
		for rr.Next() {
			if err := w.Write(rr.RecordBatch()); err != nil {
				w.Close()
				return err
			}
		}
		if err := rr.Err(); err != nil {
			w.Close()
			return err
		}
		return w.Close()
	})
	if err != nil {
		return err
	}
	return f.Close()
}
