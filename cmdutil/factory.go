package cmdutil

import (
	"context"
	"database/sql"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"fundscope/data"
	"fundscope/store"
)

// DefaultMemoryLimit is --memory-limit when it is not given: DuckDB's
// memory_limit. Measured on synthetic catalogs (2 cores), a limit this low
// was no slower than 4GB and often faster (less memory to manage; past it
// DuckDB spills to the database's .tmp folder): at 10M items ingest took
// 67 s and 1.5 GB at 1GB against 80 s and 4.3 GB at 4GB, the CSV export
// 1.2 GB against 4.1 GB. 768MB kept the 1M-item ingest under 1 GB (0.97 GB)
// but a partitioned Parquet export of 1M items then ran out of memory in one
// run of three.
const DefaultMemoryLimit = "1GB"

// Factory gives commands their dependencies, made when first asked for.
// The root command's persistent flags fill DBPath, Wait and DataDir.
type Factory struct {
	IO          *IOStreams
	DBPath      string
	Wait        time.Duration
	DataDir     string
	MemoryLimit string // DuckDB memory_limit, e.g. "2GB"; "" leaves DuckDB's default (80% of RAM)
}

// DataFS is the data folder: --data, ./data when it has a manifest (a
// checkout or a workspace from `fundscope init`), else the copy built into
// the binary.
func (f *Factory) DataFS() fs.FS {
	if f.DataDir != "" {
		return os.DirFS(f.DataDir)
	}
	if _, err := os.Stat(filepath.Join("data", "manifest.json")); err == nil {
		return os.DirFS("data")
	}
	return data.FS
}

// DataLocation says where DataFS comes from, for messages that tell a user
// which file to edit.
func (f *Factory) DataLocation() string {
	if f.DataDir != "" {
		return f.DataDir
	}
	if _, err := os.Stat(filepath.Join("data", "manifest.json")); err == nil {
		return "data"
	}
	return ""
}

// DB opens the database in the mode the command needs, waiting up to --wait
// while another process holds it. Every command opens it here.
func (f *Factory) DB(ctx context.Context, mode store.Mode) (*sql.DB, error) {
	db, err := store.OpenWait(ctx, f.DBPath, mode, f.Wait)
	if err != nil || f.MemoryLimit == "" {
		return db, err
	}
	// memory_limit is a setting of the database instance, so one SET covers
	// every connection of the pool; past it DuckDB spills or fails the query.
	if _, err := db.ExecContext(ctx, "SET memory_limit = ?", f.MemoryLimit); err != nil {
		db.Close()
		return nil, UsageErrorf("--memory-limit %q: %v", f.MemoryLimit, err)
	}
	return db, nil
}

// DerivedDB is DB for commands that read the cleaned tables and marts
// (query, report, export): it refuses, naming the fix, when they were built
// from an older state of the raw tables than the one loaded now.
func (f *Factory) DerivedDB(ctx context.Context, mode store.Mode) (*sql.DB, error) {
	db, err := f.DB(ctx, mode)
	if err != nil {
		return nil, err
	}
	if err := store.CheckFresh(ctx, db, f.DBPath); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}
