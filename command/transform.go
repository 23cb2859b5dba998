package command

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"fundscope/cmdutil"
	"fundscope/store"
	"fundscope/transform"
)

// TransformOptions are the inputs of `fundscope transform`.
type TransformOptions struct {
	Factory *cmdutil.Factory
	Ctx     context.Context
}

// NewCmdTransform builds `fundscope transform`.
func NewCmdTransform(f *cmdutil.Factory, runF func(*TransformOptions) error) *cobra.Command {
	opts := &TransformOptions{Factory: f}
	return &cobra.Command{
		Use:   "transform",
		Short: "Rebuild the cleaned dataset and marts from the raw tables and reference data",
		Long: `Load the reference data (ref/*.csv of the data folder: regions, aliases,
categories and their rules, funding sources) and run the SQL models of
transform/models in order: staging → regions, categories, funding sources →
clean_line_item → marts. Every model is re-runnable; all run in one
transaction. ingest runs this automatically; run it yourself after editing
reference data.`,
		Example: `  fundscope transform
  fundscope transform --data ./my-data   # with edited reference tables`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return transformRun(opts)
		},
	}
}

func transformRun(opts *TransformOptions) error {
	db, err := opts.Factory.DB(opts.Ctx, store.ReadWrite)
	if err != nil {
		return err
	}
	defer db.Close()
	return runTransform(opts.Ctx, opts.Factory, db)
}

// runTransform rebuilds the derived tables and prints the warnings the
// resolution of regions and funding sources raised.
func runTransform(ctx context.Context, f *cmdutil.Factory, db *sql.DB) error {
	io := f.IO
	err := transform.RunWithProgress(ctx, db, f.DataFS(), func(step string, d time.Duration) {
		if io.ShowProgress() || d > 2*time.Second {
			fmt.Fprintf(io.ErrOut, "  %-28s %6.2fs\n", step, d.Seconds())
		}
	})
	if err != nil {
		return err
	}
	ws, err := transform.Warnings(ctx, db)
	if err != nil {
		return err
	}
	for _, w := range ws {
		fmt.Fprintf(io.ErrOut, "warning: %s:%d: %s\n", w.File, w.Line, w.Message)
	}
	var items int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM item_code`).Scan(&items); err != nil {
		return err
	}
	fmt.Fprintf(io.ErrOut, "transformed %d line items (%d models)\n", items, len(transform.Models()))
	return nil
}
