package export

import (
	"encoding/json"
	"fmt"
	"fundscope/tables"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// writeDataPackage writes a Frictionless Tabular Data Package descriptor.
func writeDataPackage(dir string, f Format, o Options, results []Result) error {
	var resources []map[string]any
	for _, r := range results {
		fields, err := tables.FieldsOf(r.Table)
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
			"mediatype": f.MediaType,
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
		"description": "Line items, catalogs and stated totals of Chinese city and district funding catalogs. Money: amount_yuan in yuan (integer), amount_wan in 10,000 yuan (exact). An empty amount means the document states none (never 0). Filter: " + o.Filter.String() + ".",
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
	b.WriteString("# fundscope data dictionary\n\nGenerated from data/dictionary.csv, like the 数据字典 sheet of the Excel report and datapackage.json.\nMoney: `amount_yuan` is yuan (integer); `amount_wan` is 万元 (10,000 yuan, exact). An empty amount means the document states none — never 0.\nRow order: line_items rows come in no promised order (sorting a million wide rows costs more than writing them); sort by year, place, catalog_id, line_start for the documents' order. catalogs and stated_totals are sorted by year and place.\n")
	for _, table := range tables.Names {
		fields, err := tables.FieldsOf(table)
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
