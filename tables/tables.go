// Package tables defines the published tables of the cleaned dataset: their
// columns (data/dictionary.csv) and the SQL that selects each (sql/NAME.sql).
// The workbook's detail and dictionary sheets and every export read them here.
package tables

import (
	"context"
	"database/sql"
	"embed"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"

	"fundscope/data"

	"fundscope/queries"
)

//go:embed sql/*.sql sql/ids/*.sql
var exportSQL embed.FS

// Field is one column of an exported table, as data/dictionary.csv defines it.
// The Excel 数据字典 sheet, datapackage.json and the Markdown dictionary are
// all generated from these definitions.
type Field struct {
	Table, Name, Type, Unit string
	PrimaryKey              bool
	DescriptionZH           string
	DescriptionEN           string
}

// Names are the published tables, in order.
var Names = []string{"line_items", "catalogs", "stated_totals"}

// Dictionary reads the field definitions of every exported table.
func Dictionary() ([]Field, error) {
	f, err := data.FS.Open("dictionary.csv")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("data/dictionary.csv: %w", err)
	}
	var out []Field
	for i, r := range recs[1:] {
		if len(r) != 7 {
			return nil, fmt.Errorf("data/dictionary.csv:%d: want 7 columns", i+2)
		}
		out = append(out, Field{Table: r[0], Name: r[1], Type: r[2], Unit: r[3], PrimaryKey: r[4] == "yes", DescriptionZH: r[5], DescriptionEN: r[6]})
	}
	return out, nil
}

// FieldsOf returns the fields of one exported table.
func FieldsOf(table string) ([]Field, error) {
	all, err := Dictionary()
	if err != nil {
		return nil, err
	}
	var out []Field
	for _, f := range all {
		if f.Table == table {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("data/dictionary.csv defines no table %q", table)
	}
	return out, nil
}

// Query returns the SQL (tables/sql/TABLE.sql) that selects an exported table.
func Query(table string) (string, error) {
	b, err := exportSQL.ReadFile("sql/" + table + ".sql")
	if err != nil {
		return "", fmt.Errorf("no export query for table %q", table)
	}
	return string(b), nil
}

// SetParams fills the one-row temp table export_params that the export
// queries filter by (COPY cannot take parameters, so the filter is data) and
// the temp view export_ids of the items it selects (sql/ids/all.sql).
func SetParams(ctx context.Context, conn *sql.Conn, f queries.Filter) error {
	return setParams(ctx, conn, f, 0)
}

// setParams is SetParams; limit > 0 selects only the limit largest items
// (sql/ids/largest.sql).
func setParams(ctx context.Context, conn *sql.Conn, f queries.Filter, limit int) error {
	if _, err := conn.ExecContext(ctx, `CREATE OR REPLACE TEMP TABLE export_params AS
		SELECT CAST($place AS VARCHAR) AS p_place, CAST($year AS INTEGER) AS p_year, CAST($category AS VARCHAR) AS p_category,
		       CAST($limit AS BIGINT) AS p_limit`,
		sql.Named("place", nilIfEmpty(f.Place)), sql.Named("year", nilIfZero(f.Year)), sql.Named("category", nilIfEmpty(f.Category)),
		sql.Named("limit", nilIfZero(limit))); err != nil {
		return err
	}
	ids := "sql/ids/all.sql"
	if limit > 0 {
		ids = "sql/ids/largest.sql"
	}
	b, err := exportSQL.ReadFile(ids)
	if err != nil {
		return err
	}
	// the limit as a number (a LIMIT that is a subquery sorts every row)
	_, err = conn.ExecContext(ctx, strings.ReplaceAll(string(b), "{{limit}}", strconv.Itoa(limit)))
	return err
}

// Open runs the export query of a table with the filter's parameters.
func Open(ctx context.Context, conn *sql.Conn, table string, f queries.Filter) (*sql.Rows, error) {
	return open(ctx, conn, table, f, 0, "")
}

// OpenLargest runs the export query of line_items for at most limit items of
// the filter's selection, the largest, in the order orderBy names (columns of
// the table, as in an ORDER BY clause); limit 0 is every item.
func OpenLargest(ctx context.Context, conn *sql.Conn, f queries.Filter, limit int, orderBy string) (*sql.Rows, error) {
	return open(ctx, conn, "line_items", f, limit, orderBy)
}

func open(ctx context.Context, conn *sql.Conn, table string, f queries.Filter, limit int, orderBy string) (*sql.Rows, error) {
	q, err := Query(table)
	if err != nil {
		return nil, err
	}
	if err := setParams(ctx, conn, f, limit); err != nil {
		return nil, err
	}
	if orderBy != "" {
		q = "SELECT * FROM (" + q + ") ORDER BY " + orderBy
	}
	return conn.QueryContext(ctx, q)
}

// Selected counts the items of the filter's selection.
func Selected(ctx context.Context, conn *sql.Conn, f queries.Filter) (int64, error) {
	if err := SetParams(ctx, conn, f); err != nil {
		return 0, err
	}
	var n int64
	err := conn.QueryRowContext(ctx, `SELECT count(*) FROM export_ids`).Scan(&n)
	return n, err
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nilIfZero(n int) any {
	if n == 0 {
		return nil
	}
	return n
}
