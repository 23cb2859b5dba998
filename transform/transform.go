// Package transform loads the reference data and runs the SQL models
// (transform/models/*.sql, in file-name order) that turn the raw tables into
// the cleaned dataset and the marts, then the data tests (transform/tests/*.sql).
package transform

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"

	"fundscope/store"
)

//go:embed models/*.sql tests/*.sql
var sqlFiles embed.FS

// refFiles are the reference tables, loaded as ref_<name> with text columns.
var refFiles = []string{"regions", "towns", "region_aliases", "categories", "category_rules", "funding_sources", "funding_aliases", "t2s"}

var identRe = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// Models lists the model files in the order they run.
func Models() []string { return list("models") }

func list(dir string) []string {
	entries, _ := fs.ReadDir(sqlFiles, dir)
	var names []string
	for _, e := range entries {
		names = append(names, path.Join(dir, e.Name()))
	}
	sort.Strings(names)
	return names
}

// Run loads reference data from refFS (the data folder) and runs every model,
// all in one transaction: a failing model leaves the previous results intact.
func Run(ctx context.Context, db *sql.DB, dataFS fs.FS) error {
	return RunWithProgress(ctx, db, dataFS, nil)
}

// RunWithProgress is Run, telling progress(model, duration) after each model.
func RunWithProgress(ctx context.Context, db *sql.DB, dataFS fs.FS, progress func(step string, d time.Duration)) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	// a model may set a planner option for one statement (06_clean.sql); the
	// pooled connection never keeps it, even when that model fails
	defer func() { _, _ = conn.ExecContext(context.Background(), "RESET disabled_optimizers") }()
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return err
	}
	raw, _, err := store.Generations(ctx, conn)
	if err == nil {
		err = run(ctx, conn, dataFS, progress)
	}
	if err == nil {
		err = store.MarkDerived(ctx, conn, raw)
	}
	if err != nil {
		_, _ = conn.ExecContext(context.Background(), "ROLLBACK")
		return err
	}
	_, err = conn.ExecContext(ctx, "COMMIT")
	return err
}

func run(ctx context.Context, conn *sql.Conn, dataFS fs.FS, progress func(string, time.Duration)) error {
	start := time.Now()
	tell := func(step string) {
		if progress != nil {
			progress(step, time.Since(start))
		}
		start = time.Now()
	}
	for _, name := range refFiles {
		if err := loadRef(ctx, conn, dataFS, name); err != nil {
			return err
		}
	}
	tell("reference data")
	if err := dropRetired(ctx, conn); err != nil {
		return err
	}
	for _, m := range Models() {
		text, err := sqlFiles.ReadFile(m)
		if err != nil {
			return err
		}
		if _, err := conn.ExecContext(ctx, string(text)); err != nil {
			return fmt.Errorf("transform/%s: %w", m, err)
		}
		tell(m)
	}
	return nil
}

// retiredTables were tables in earlier versions of the models and are views
// or gone now; a database made by such a version has them dropped first.
var retiredTables = []string{"item_fact", "stg_item", "item_region", "item_funding", "clean_line_item", "item_category",
	"mart_city_year", "mart_city_year_category", "mart_city_year_funding"}

func dropRetired(ctx context.Context, conn *sql.Conn) error {
	rows, err := conn.QueryContext(ctx, `SELECT table_name FROM duckdb_tables() WHERE NOT temporary AND list_contains(?, table_name)`, retiredTables)
	if err != nil {
		return err
	}
	var drop []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return err
		}
		drop = append(drop, name)
	}
	rows.Close()
	for _, name := range drop {
		if _, err := conn.ExecContext(ctx, "DROP TABLE "+name); err != nil {
			return err
		}
	}
	return nil
}

// loadRef reads ref/<name>.csv and replaces table ref_<name> with its rows.
func loadRef(ctx context.Context, conn *sql.Conn, dataFS fs.FS, name string) error {
	file := "ref/" + name + ".csv"
	f, err := dataFS.Open(file)
	if err != nil {
		return fmt.Errorf("reference data: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		return fmt.Errorf("data/%s: %w", file, err)
	}
	cols := make([]string, len(header))
	for i, h := range header {
		h = strings.TrimPrefix(strings.TrimSpace(h), "\ufeff")
		if !identRe.MatchString(h) {
			return fmt.Errorf("data/%s: column name %q must be lower-case letters, digits and _", file, h)
		}
		cols[i] = h + " VARCHAR"
	}
	table := "ref_" + name
	if _, err := conn.ExecContext(ctx, "CREATE OR REPLACE TABLE "+table+" ("+strings.Join(cols, ", ")+")"); err != nil {
		return err
	}
	return conn.Raw(func(dc any) error {
		a, err := duckdb.NewAppenderFromConn(dc.(driver.Conn), "", table)
		if err != nil {
			return err
		}
		for {
			rec, err := r.Read()
			if err == nil {
				row := make([]driver.Value, len(rec))
				for i, v := range rec {
					if v = strings.TrimSpace(v); v != "" {
						row[i] = v
					}
				}
				if err = a.AppendRow(row...); err == nil {
					continue
				}
			}
			if errors.Is(err, io.EOF) {
				return a.Close()
			}
			a.Close()
			line, _ := r.FieldPos(0)
			return fmt.Errorf("data/%s:%d: %w", file, line, err)
		}
	})
}
