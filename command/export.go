package command

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"fundscope/cmdutil"
	"fundscope/export"
	"fundscope/store"
)

// ExportOptions are the inputs of `fundscope export`.
type ExportOptions struct {
	Factory *cmdutil.Factory
	Ctx     context.Context
	Export  export.Options
}

// NewCmdExport builds `fundscope export`.
func NewCmdExport(f *cmdutil.Factory, runF func(*ExportOptions) error) *cobra.Command {
	opts := &ExportOptions{Factory: f}
	var formatHelp []string
	for _, name := range export.Formats() {
		formatHelp = append(formatHelp, fmt.Sprintf("  %-8s %s", name, export.Help(name)))
	}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Export the cleaned dataset (" + strings.Join(export.Formats(), ", ") + ") with a data dictionary",
		Long: `Export the cleaned line items, the catalogs and the stated totals (with their
reconciliation) for researchers, beside a Frictionless datapackage.json and a
Markdown DICTIONARY.md generated from data/dictionary.csv.

` + strings.Join(formatHelp, "\n") + `

Money: amount_yuan (integer yuan) and amount_wan (exact 万元); an empty amount
means the document states none — never 0.

The export is written into a staging folder inside --out and moved into place
when complete; files of a previous export (as its datapackage.json lists them)
are replaced, nothing else in the folder is touched.`,
		Example: `  fundscope export --format parquet --out export/
  fundscope export --format csv --excel-bom --city 杭州市 --year 2024 --out hangzhou/`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ctx = cmd.Context()
			opts.Export.Now = time.Now()
			known := false
			for _, n := range export.Formats() {
				known = known || n == opts.Export.Format
			}
			if !known {
				return cmdutil.Usagef("unknown export format %q: use %s", opts.Export.Format, strings.Join(export.Formats(), ", "))
			}
			if runF != nil {
				return runF(opts)
			}
			return exportRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Export.Format, "format", "csv", strings.Join(export.Formats(), ", "))
	fl.StringVar(&opts.Export.Dir, "out", "export", "folder to write into")
	addPlaceFlag(fl, &opts.Export.Filter.Place)
	fl.IntVar(&opts.Export.Filter.Year, "year", 0, "only this year")
	fl.StringVar(&opts.Export.Filter.Category, "category", "", "only this category (code or Chinese label)")
	fl.BoolVar(&opts.Export.ExcelBOM, "excel-bom", false, "CSV: start with a UTF-8 BOM so Excel shows Chinese correctly")
	return cmd
}

func exportRun(opts *ExportOptions) error {
	db, err := opts.Factory.DerivedDB(opts.Ctx, store.ReadOnly)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := checkFilter(opts.Ctx, db, opts.Export.Filter, opts.Factory.IO.ErrOut); err != nil {
		return err
	}
	res, err := export.Export(opts.Ctx, db, opts.Export)
	if err != nil {
		return err
	}
	out, dir := opts.Factory.IO.Out, opts.Export.Dir
	for _, r := range res {
		fmt.Fprintf(out, "%-14s %7d rows  %d file(s) in %s\n", r.Table, r.Rows, len(r.Files), dir)
	}
	fmt.Fprintf(out, "datapackage.json and DICTIONARY.md in %s\n", dir)
	return nil
}
