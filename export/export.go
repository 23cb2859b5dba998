// Package export writes the cleaned dataset (the published tables of package
// tables) for research: one file per format in this folder, each registering
// itself, with datapackage.json and DICTIONARY.md beside the data. Everything
// is written into a staging folder first and moved into place at the end, so
// an interrupted export leaves the previous one as it was.
package export

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"fundscope/internal/stage"
	"fundscope/queries"
	"fundscope/tables"
)

// Format writes one staged table (a temp view on the export connection) into
// dir and returns the files it wrote, relative to dir.
type Format struct {
	Name      string
	MediaType string
	Help      string
	Write     func(ctx context.Context, conn *sql.Conn, staged, table, dir string, o Options) ([]string, error)
}

var formats = map[string]Format{}

// Register makes a format available; a duplicate name panics.
func Register(f Format) {
	if _, dup := formats[f.Name]; dup || f.Name == "" || f.Write == nil {
		panic("export: bad or duplicate format " + f.Name)
	}
	formats[f.Name] = f
}

// Formats lists the registered format names in order.
func Formats() []string {
	var names []string
	for n := range formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Help describes a format in one line.
func Help(name string) string { return formats[name].Help }

// Options says what to export where.
type Options struct {
	Format   string
	Dir      string
	Filter   queries.Filter
	ExcelBOM bool // CSV: a UTF-8 byte-order mark and formula-safe cells, for opening in Excel
	Now      time.Time
}

// Result tells what was written for one table.
type Result struct {
	Table string
	Files []string // relative to the export folder
	Rows  int64
}

// Export writes every published table in one format, with datapackage.json
// and DICTIONARY.md beside them. All rows are read on one connection, from
// temp views over the filtered tables.
func Export(ctx context.Context, db *sql.DB, o Options) ([]Result, error) {
	f, ok := formats[o.Format]
	if !ok {
		return nil, fmt.Errorf("unknown export format %q: use %s", o.Format, strings.Join(Formats(), ", "))
	}
	if err := os.MkdirAll(o.Dir, 0o755); err != nil {
		return nil, err
	}
	dir, err := filepath.Abs(o.Dir)
	if err != nil {
		return nil, err
	}
	stageDir, err := stage.New(dir, "export") // removes what a killed export left behind
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(stageDir)
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if err := tables.SetParams(ctx, conn, o.Filter); err != nil {
		return nil, err
	}
	// Partitioned Parquet writes buffer rows per partition until a flush
	// threshold, and keep files open: at the defaults (or 100,000 rows) a
	// million items of a thousand partitions were all held at once (1.4 GB);
	// at 10,000 rows and 10 open files, 0.8 GB, and no slower. Insertion
	// order is not needed for export files (every row carries its keys).
	if _, err := conn.ExecContext(ctx, "SET preserve_insertion_order = false; SET partitioned_write_flush_threshold = 10000; SET partitioned_write_max_open_files = 10"); err != nil {
		return nil, err
	}
	defer conn.ExecContext(context.Background(), "RESET preserve_insertion_order; RESET partitioned_write_flush_threshold; RESET partitioned_write_max_open_files")
	var results []Result
	for _, table := range tables.Names {
		q, err := tables.Query(table)
		if err != nil {
			return nil, err
		}
		// A temp view, not a copy: COPY and the writers stream from the query.
		staged := "export_" + table
		if _, err := conn.ExecContext(ctx, "CREATE OR REPLACE TEMP VIEW "+staged+" AS "+q); err != nil {
			return nil, fmt.Errorf("%s: %w", table, err)
		}
		res := Result{Table: table}
		if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM "+staged).Scan(&res.Rows); err != nil {
			return nil, err
		}
		if res.Files, err = f.Write(ctx, conn, staged, table, stageDir, o); err != nil {
			return nil, fmt.Errorf("%s: %w", table, err)
		}
		if _, err := conn.ExecContext(ctx, "DROP VIEW "+staged); err != nil {
			return nil, err
		}
		results = append(results, res)
	}
	if err := writeDataPackage(stageDir, f, o, results); err != nil {
		return nil, err
	}
	if err := writeDictionaryMarkdown(filepath.Join(stageDir, "DICTIONARY.md")); err != nil {
		return nil, err
	}
	if err := publish(stageDir, dir, results); err != nil {
		return nil, err
	}
	return results, nil
}

// publish moves what was staged into dir. Files a previous export wrote (as
// its datapackage.json lists them) are removed first; nothing else in dir is
// touched. datapackage.json goes last: it names a complete export.
func publish(stage, dir string, results []Result) error {
	for _, old := range previousFiles(dir) {
		p := filepath.Join(dir, filepath.FromSlash(old))
		if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
			return err
		}
		removeEmptyParents(filepath.Dir(p), dir)
	}
	var files []string
	for _, r := range results {
		files = append(files, r.Files...)
	}
	files = append(files, "DICTIONARY.md", "datapackage.json")
	for _, rel := range files {
		src, dst := filepath.Join(stage, filepath.FromSlash(rel)), filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.Rename(src, dst); err != nil {
			return err
		}
	}
	return nil
}

// previousFiles lists the data files of the export already in dir.
func previousFiles(dir string) []string {
	b, err := os.ReadFile(filepath.Join(dir, "datapackage.json"))
	if err != nil {
		return nil
	}
	var pkg struct {
		Resources []struct {
			Path []string `json:"path"`
		} `json:"resources"`
	}
	if json.Unmarshal(b, &pkg) != nil {
		return nil
	}
	var out []string
	for _, r := range pkg.Resources {
		for _, p := range r.Path {
			if clean := filepath.ToSlash(filepath.Clean(p)); !strings.HasPrefix(clean, "..") && !filepath.IsAbs(p) {
				out = append(out, clean)
			}
		}
	}
	return out
}

// removeEmptyParents removes empty partition folders up to (not including) top.
func removeEmptyParents(d, top string) {
	for d != top && strings.HasPrefix(d, top) {
		if os.Remove(d) != nil {
			return
		}
		d = filepath.Dir(d)
	}
}

// literal quotes a string as an SQL literal. COPY takes its file name and
// metadata only as literals, not as parameters; this is the one place they
// are written into a statement, quoted so that any text stays a string.
func literal(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

func execSQL(ctx context.Context, conn *sql.Conn, stmt string) error {
	_, err := conn.ExecContext(ctx, stmt)
	return err
}
