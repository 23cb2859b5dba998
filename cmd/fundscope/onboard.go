package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"fundscope/reports"
	"fundscope/synth"

	"fundscope/ingest/layouts"
	"fundscope/ingest/template"
)

func newExportCmd(o *options) *cobra.Command {
	var format, outDir, city, category string
	var year int
	var bom bool
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Export the cleaned dataset (CSV, Parquet, Arrow, JSON Lines) with a data dictionary",
		Long: `Export the cleaned line items, the catalogs and the stated totals (with their
reconciliation) for researchers, beside a Frictionless datapackage.json and a
Markdown DICTIONARY.md generated from data/dictionary.csv.

  csv      UTF-8 with a header; --excel-bom adds the byte-order mark Excel needs for Chinese
  parquet  line_items/ Hive-partitioned by province_code/city_code/year (GB/T 2260 codes),
           provenance in the Parquet footer; catalogs.parquet, stated_totals.parquet
  arrow    Arrow IPC files written from DuckDB's Arrow record batches
  jsonl    JSON Lines

Money: amount_yuan (integer yuan) and amount_wan (exact 万元); an empty amount
means the document states none — never 0.`,
		Example: `  fundscope export --format parquet --out export/
  fundscope export --format csv --excel-bom --city 杭州市 --year 2024 --out hangzhou/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			db, err := o.open(cmd.Context(), true)
			if err != nil {
				return err
			}
			defer db.Close()
			res, err := reports.Export(cmd.Context(), db, reports.ExportOptions{Format: format, Dir: outDir,
				Filter: reports.Filter{City: city, Year: year}, Category: category, ExcelBOM: bom, Now: time.Now()})
			if err != nil {
				return err
			}
			for _, r := range res {
				fmt.Fprintf(cmd.OutOrStdout(), "%-14s %7d rows  %d file(s) in %s\n", r.Table, r.Rows, len(r.Files), outDir)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "datapackage.json and DICTIONARY.md in %s\n", outDir)
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "csv", "csv, parquet, arrow or jsonl")
	cmd.Flags().StringVar(&outDir, "out", "export", "folder to write into")
	cmd.Flags().StringVar(&city, "city", "", "only this city or district")
	cmd.Flags().IntVar(&year, "year", 0, "only this year")
	cmd.Flags().StringVar(&category, "category", "", "only this category (code or Chinese label)")
	cmd.Flags().BoolVar(&bom, "excel-bom", false, "CSV: start with a UTF-8 BOM so Excel shows Chinese correctly")
	return cmd
}

func newTemplateCmd(o *options) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "template",
		Short: "Write an Excel template for entering a new city's catalog without code",
		Long: `Write an .xlsx template: a 目录 Catalog sheet for the catalog's facts
(publisher, province, city, district, GB/T 2260 code, year …), a 项目 Line items
sheet with drop-down lists for category, funding source and amount kind, and
instructions in Chinese. Fill it in, then load it with 'fundscope ingest FILE.xlsx':
every row is validated, and any invalid cell (listed with sheet, row, column
and reason) means nothing is loaded.

The same columns work as a CSV file (one row per line item, catalog columns
repeated; see README), for catalogs produced by other tools.`,
		Example: `  fundscope template --out wenzhou-2024.xlsx
  fundscope ingest wenzhou-2024.xlsx`,
		RunE: func(cmd *cobra.Command, args []string) error {
			v, err := template.LoadVocabulary(o.dataFS())
			if err != nil {
				return err
			}
			if !strings.HasSuffix(strings.ToLower(out), ".xlsx") {
				return fmt.Errorf("--out %s: the template is an .xlsx workbook", out)
			}
			if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
				return err
			}
			if err := writeFile(out, func(f *os.File) error { return template.Write(f, v) }); err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), "wrote "+out)
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "new-catalog.xlsx", "file to write")
	return cmd
}

func newDetectCmd(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "detect FILE",
		Short: "Tell which known layout fits a text catalog",
		Long: `Try every known layout on a text catalog and show, for each, whether it reads
the file and its evidence: how many line items it found, how many with an
amount, how many stated totals — or why it does not fit. The best fit comes
first; put its name in the file's data/manifest.json entry.`,
		Example: `  fundscope detect data/raw/zhoushan-putuo-2023-purchase-summary.txt`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			raw, err := os.ReadFile(args[0])
			if err != nil {
				return err
			}
			fits, err := layouts.Detect(args[0], raw)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			for _, f := range fits {
				mark := "no "
				if f.Fits {
					mark = "YES"
				}
				fmt.Fprintf(out, "%s  %-15s %s\n", mark, f.Layout, f.Evidence)
			}
			if !fits[0].Fits {
				return fmt.Errorf("%s: no known layout fits; enter it with `fundscope template` instead", args[0])
			}
			fmt.Fprintf(out, "best fit: %s — %s\n", fits[0].Layout, layouts.Help(fits[0].Layout))
			return nil
		},
	}
}

func newGenCmd(o *options) *cobra.Command {
	var opt synth.Options
	var out string
	cmd := &cobra.Command{
		Use:   "gen",
		Short: "Generate synthetic catalogs (template CSV) for benchmarks and tests",
		Long: `Write synthetic catalogs in the template CSV format: one catalog per city and
year with --items line items each, for real prefecture-level cities drawn from
the reference data. Categories, funding sources, regions (counties of the city,
全市, or none), amounts in 万元 with 0–3 decimals, 5% unknown amounts, 15% caps
and 5% actual-cost items follow realistic proportions. Every catalog is marked
synthetic. The same --seed gives the same file.`,
		Example: `  fundscope gen --cities 100 --years 10 --items 1000 --seed 1 --out national.csv   # 1,000,000 line items
  fundscope ingest national.csv --db national.duckdb`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
				return err
			}
			var rows int
			err := writeFile(out, func(f *os.File) error {
				var err error
				rows, err = synth.Generate(f, o.dataFS(), opt)
				return err
			})
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s: %d catalogs, %d line items (synthetic)\n", out, opt.Cities*opt.Years, rows)
			return nil
		},
	}
	cmd.Flags().IntVar(&opt.Cities, "cities", 10, "number of cities")
	cmd.Flags().IntVar(&opt.Years, "years", 3, "number of years, ending with --last-year")
	cmd.Flags().IntVar(&opt.Items, "items", 100, "line items per city and year")
	cmd.Flags().Uint64Var(&opt.Seed, "seed", 1, "random seed")
	cmd.Flags().IntVar(&opt.LastYear, "last-year", 2025, "last year generated")
	cmd.Flags().StringVar(&out, "out", "synthetic.csv", "CSV file to write")
	return cmd
}
