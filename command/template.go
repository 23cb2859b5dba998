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
(publisher, province, city, district, GB/T 2260 code, year …), a 项目 Line items
sheet with drop-down lists for category, funding source and amount kind, and
instructions in Chinese. Fill it in, then load it with 'fundscope ingest FILE.xlsx':
every row is validated, and any invalid cell (listed with sheet, row, column
and reason) means nothing is loaded.

The same columns work as a CSV file (one row per line item, catalog columns
repeated; see README), for catalogs produced by other tools.`,
		Example: `  fundscope template --out wenzhou-2024.xlsx
  fundscope ingest wenzhou-2024.xlsx`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ctx = cmd.Context()
			if !strings.HasSuffix(strings.ToLower(opts.Out), ".xlsx") {
				return cmdutil.Usagef("--out %s: the template is an .xlsx workbook", opts.Out)
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
	if err := cmdutil.WriteFileAtomic(opts.Out, func(f *os.File) error { return template.Write(f, v) }); err != nil {
		return err
	}
	fmt.Fprintln(opts.Factory.IO.Out, "wrote "+opts.Out)
	return nil
}
