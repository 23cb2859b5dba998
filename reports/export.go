package reports

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Export formats.
var ExportFormats = []string{"csv", "parquet", "arrow", "jsonl"}

// ExportOptions says what to export where.
type ExportOptions struct {
	Format   string
	Dir      string
	Filter   Filter
	Category string
	ExcelBOM bool // CSV: start with a UTF-8 byte-order mark so that Excel shows Chinese
	Now      time.Time
}

// ExportResult tells what was written for one table.
type ExportResult struct {
	Table string
	Files []string // relative to the export folder
	Rows  int64
}

// Export writes line items, catalogs and stated totals in one format, with
// datapackage.json and DICTIONARY.md beside them. Everything runs on one
// connection: the filtered rows are staged once in temporary tables.
func Export(ctx context.Context, db *sql.DB, o ExportOptions) ([]ExportResult, error) {
	if !contains(ExportFormats, o.Format) {
		return nil, fmt.Errorf("unknown export format %q: use %s", o.Format, strings.Join(ExportFormats, ", "))
	}
	if err := os.MkdirAll(o.Dir, 0o755); err != nil {
		return nil, err
	}
	dir, err := filepath.Abs(o.Dir)
	if err != nil {
		return nil, err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if err := setExportParams(ctx, conn, o.Filter, o.Category); err != nil {
		return nil, err
	}
	// Partitioned Parquet writes buffer per open partition; insertion order
	// is not needed for export files (every row carries its keys).
	if _, err := conn.ExecContext(ctx, "SET preserve_insertion_order = false; SET partitioned_write_flush_threshold = 100000"); err != nil {
		return nil, err
	}
	defer conn.ExecContext(context.Background(), "RESET preserve_insertion_order")
	var results []ExportResult
	for _, table := range Tables {
		q, err := ExportQuery(table)
		if err != nil {
			return nil, err
		}
		// A temp view, not a copy: COPY and the writers stream from the query.
		staged := "export_" + table
		if _, err := conn.ExecContext(ctx, "CREATE OR REPLACE TEMP VIEW "+staged+" AS "+q); err != nil {
			return nil, fmt.Errorf("%s: %w", table, err)
		}
		res := ExportResult{Table: table}
		if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM "+staged).Scan(&res.Rows); err != nil {
			return nil, err
		}
		switch o.Format {
		case "csv":
			res.Files = []string{table + ".csv"}
			err = writeCSV(ctx, conn, staged, filepath.Join(dir, table+".csv"), o.ExcelBOM)
		case "jsonl":
			res.Files = []string{table + ".jsonl"}
			err = execSQL(ctx, conn, "COPY "+staged+" TO "+literal(filepath.Join(dir, table+".jsonl"))+" (FORMAT json)")
		case "parquet":
			res.Files, err = writeParquet(ctx, conn, staged, dir, table, o)
		case "arrow":
			res.Files = []string{table + ".arrow"}
			err = writeArrow(ctx, conn, staged, filepath.Join(dir, table+".arrow"))
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", table, err)
		}
		if _, err := conn.ExecContext(ctx, "DROP VIEW "+staged); err != nil {
			return nil, err
		}
		results = append(results, res)
	}
	if err := writeDataPackage(dir, o, results); err != nil {
		return nil, err
	}
	if err := writeDictionaryMarkdown(filepath.Join(dir, "DICTIONARY.md")); err != nil {
		return nil, err
	}
	return results, nil
}

func execSQL(ctx context.Context, conn *sql.Conn, stmt string) error {
	_, err := conn.ExecContext(ctx, stmt)
	return err
}

// literal quotes a string as an SQL literal. COPY takes its file name and
// metadata only as literals, not as parameters; this is the one place they
// are written into a statement, quoted so that any text stays a string.
func literal(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

func writeParquet(ctx context.Context, conn *sql.Conn, staged, dir, table string, o ExportOptions) ([]string, error) {
	meta := map[string]string{
		"fundscope.table":       table,
		"fundscope.exported_at": o.Now.UTC().Format(time.RFC3339),
		"fundscope.filter":      filterText(o),
		"fundscope.dictionary":  "DICTIONARY.md and datapackage.json beside this folder",
		"fundscope.units":       "amount_yuan: yuan (integer); amount_wan: 10,000 yuan (exact decimal)",
	}
	keys := make([]string, 0, len(meta))
	for k := range meta {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var kv []string
	for _, k := range keys {
		kv = append(kv, literal(k)+": "+literal(meta[k]))
	}
	opts := "FORMAT parquet, KV_METADATA {" + strings.Join(kv, ", ") + "}"
	if table != "line_items" {
		path := filepath.Join(dir, table+".parquet")
		return []string{table + ".parquet"}, execSQL(ctx, conn, "COPY "+staged+" TO "+literal(path)+" ("+opts+")")
	}
	// Hive partitions on ASCII keys (GB/T 2260 codes, year): province_code=330000/city_code=330100/year=2024/.
	target := filepath.Join(dir, table)
	if err := os.RemoveAll(target); err != nil {
		return nil, err
	}
	if err := execSQL(ctx, conn, "COPY "+staged+" TO "+literal(target)+" ("+opts+", PARTITION_BY (province_code, city_code, year))"); err != nil {
		return nil, err
	}
	var files []string
	err := filepath.Walk(target, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && strings.HasSuffix(p, ".parquet") {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return err
	})
	sort.Strings(files)
	return files, err
}

func filterText(o ExportOptions) string {
	var parts []string
	if o.Filter.City != "" {
		parts = append(parts, "city="+o.Filter.City)
	}
	if o.Filter.Year != 0 {
		parts = append(parts, fmt.Sprintf("year=%d", o.Filter.Year))
	}
	if o.Category != "" {
		parts = append(parts, "category="+o.Category)
	}
	if len(parts) == 0 {
		return "all"
	}
	return strings.Join(parts, " ")
}

// writeCSV writes a staged table as UTF-8 CSV with a header; NULL is an empty field.
func writeCSV(ctx context.Context, conn *sql.Conn, staged, path string, bom bool) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<20)
	if bom {
		bw.WriteString("\ufeff")
	}
	rows, err := conn.QueryContext(ctx, "SELECT * FROM "+staged)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	w := csv.NewWriter(bw)
	w.Write(cols)
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	rec := make([]string, len(cols))
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		for i, v := range vals {
			rec[i] = csvValue(v)
		}
		if err := w.Write(rec); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return f.Close()
}

func csvValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 && x.Nanosecond() == 0 {
			return x.Format("2006-01-02")
		}
		return x.UTC().Format(time.RFC3339)
	case *big.Int:
		return x.String()
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

// writeDataPackage writes a Frictionless Tabular Data Package descriptor.
func writeDataPackage(dir string, o ExportOptions, results []ExportResult) error {
	media := map[string]string{"csv": "text/csv", "jsonl": "application/x-ndjson", "parquet": "application/vnd.apache.parquet", "arrow": "application/vnd.apache.arrow.file"}
	var resources []map[string]any
	for _, r := range results {
		fields, err := FieldsOf(r.Table)
		if err != nil {
			return err
		}
		var fs []map[string]any
		var pk []string
		for _, f := range fields {
			fd := map[string]any{"name": f.Name, "type": f.Type, "title": f.DescriptionZH, "description": f.DescriptionEN}
			if f.Unit != "" {
				fd["unit"] = f.Unit
			}
			if f.Type == "date" {
				fd["format"] = "default"
			}
			fs = append(fs, fd)
			if f.PrimaryKey {
				pk = append(pk, f.Name)
			}
		}
		res := map[string]any{
			"name":      r.Table,
			"path":      r.Files,
			"format":    o.Format,
			"mediatype": media[o.Format],
			"encoding":  "utf-8",
			"profile":   "tabular-data-resource",
			"schema":    map[string]any{"fields": fs, "primaryKey": pk, "missingValues": []string{""}},
			"rows":      r.Rows,
		}
		if o.Format == "parquet" && r.Table == "line_items" {
			res["description"] = "Hive-partitioned by province_code/city_code/year (GB/T 2260 codes); read the folder with hive_partitioning."
		}
		resources = append(resources, res)
	}
	pkg := map[string]any{
		"profile":     "tabular-data-package",
		"name":        "fundscope-export",
		"title":       "fundscope: government purchases of services from social organizations (cleaned)",
		"description": "Line items, catalogs and stated totals of Chinese city and district funding catalogs. Money: amount_yuan in yuan (integer), amount_wan in 10,000 yuan (exact). An empty amount means the document states none (never 0). Filter: " + filterText(o) + ".",
		"created":     o.Now.UTC().Format(time.RFC3339),
		"resources":   resources,
	}
	b, err := json.MarshalIndent(pkg, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "datapackage.json"), append(b, '\n'), 0o644)
}

// writeDictionaryMarkdown writes the data dictionary as Markdown, from the
// same definitions as the workbook's 数据字典 sheet and datapackage.json.
func writeDictionaryMarkdown(path string) error {
	var b strings.Builder
	b.WriteString("# fundscope data dictionary\n\nGenerated from data/dictionary.csv, like the 数据字典 sheet of the Excel report and datapackage.json.\nMoney: `amount_yuan` is yuan (integer); `amount_wan` is 万元 (10,000 yuan, exact). An empty amount means the document states none — never 0.\n")
	for _, table := range Tables {
		fields, err := FieldsOf(table)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "\n## %s\n\n| field | type | unit | key | 说明 | description |\n|---|---|---|---|---|---|\n", table)
		for _, f := range fields {
			key := ""
			if f.PrimaryKey {
				key = "primary key"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s |\n", f.Name, f.Type, f.Unit, key, mdCell(f.DescriptionZH), mdCell(f.DescriptionEN))
		}
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

func mdCell(s string) string { return strings.ReplaceAll(s, "|", "\\|") }

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
