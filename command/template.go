package command

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"fundscope/cmdutil"
	"fundscope/ingest/template"
)

// TemplateOptions are the inputs of `fundscope template`.
type TemplateOptions struct {
	Factory *cmdutil.Factory
	Ctx     context.Context
	Out     string
}

// NewCmdTemplate builds `fundscope template`.
func NewCmdTemplate(f *cmdutil.Factory, runF func(*TemplateOptions) error) *cobra.Command {
	opts := &TemplateOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "template",
		Short: "Write an Excel template for entering a new city's catalog without code",
		Long: `Write an .xlsx template: a 目录 Catalog sheet for the catalog's facts
(publisher, province, city, district, GB/T 2260 code, level from national to
street, year, the unit the document prints — 元, 万元 or 亿元 — and the phase),
a 项目 Line items sheet (organization and its credit code, drop-down lists for
category, funding source and amount kind), a 合计 Stated totals sheet for the
totals the document states, and instructions in Chinese. Fill it in, then load
it with 'fundscope ingest FILE.xlsx': every row is validated, and any invalid
cell (listed with sheet, row, column and reason) means nothing is loaded;
cells that load but look wrong are listed as warnings.

With --out FILE.csv it writes the header of the same columns as a CSV (one
row per line item, catalog columns repeated; a row with total_label is a
stated total), for catalogs produced by other tools.`,
		Example: `  fundscope template --out wenzhou-2024.xlsx
  fundscope ingest wenzhou-2024.xlsx
  fundscope template --out columns.csv`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ctx = cmd.Context()
			if o := strings.ToLower(opts.Out); !strings.HasSuffix(o, ".xlsx") && !strings.HasSuffix(o, ".csv") {
				return cmdutil.Usagef("--out %s: the template is an .xlsx workbook or the header of a .csv", opts.Out)
			}
			if runF != nil {
				return runF(opts)
			}
			return templateRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Out, "out", "new-catalog.xlsx", "file to write")
	return cmd
}

func templateRun(opts *TemplateOptions) error {
	v, err := template.LoadVocabulary(opts.Factory.DataFS())
	if err != nil {
		return err
	}
	write := func(f *os.File) error { return template.Write(f, v) }
	if strings.HasSuffix(strings.ToLower(opts.Out), ".csv") {
		write = func(f *os.File) error {
			_, err := f.WriteString(strings.Join(template.Columns(), ",") + "\n")
			return err
		}
	}
	if err := cmdutil.WriteFileAtomic(opts.Out, write); err != nil {
		return err
	}
	fmt.Fprintln(opts.Factory.IO.Out, "wrote "+opts.Out)
	return nil
}
