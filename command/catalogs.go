package command

import (
	"context"

	"github.com/spf13/cobra"

	"fundscope/cmdutil"
	"fundscope/queries"
	"fundscope/store"
)

// CatalogsOptions are the inputs of `fundscope catalogs`.
type CatalogsOptions struct {
	Factory *cmdutil.Factory
	Ctx     context.Context
	Format  string
	Filter  queries.Filter
}

// NewCmdCatalogs builds `fundscope catalogs`.
func NewCmdCatalogs(f *cmdutil.Factory, runF func(*CatalogsOptions) error) *cobra.Command {
	opts := &CatalogsOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "catalogs",
		Short: "List loaded catalogs with item counts, totals and reconciliation status",
		Long: `List every loaded catalog: its number of line items, its total in 万元 (table)
or yuan (csv, json), how many items state no amount, and whether every total
the document states about itself reconciles.`,
		Example: `  fundscope catalogs
  fundscope catalogs --format json
  fundscope catalogs --city 杭州市 --year 2024`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ctx = cmd.Context()
			if err := checkFormat(opts.Format); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return catalogsRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "table", "output format: table (万元), csv or json (yuan)")
	addPlaceFlag(cmd.Flags(), &opts.Filter.Place)
	cmd.Flags().IntVar(&opts.Filter.Year, "year", 0, "only this year")
	return cmd
}

func catalogsRun(opts *CatalogsOptions) error {
	db, err := opts.Factory.DB(opts.Ctx, store.ReadOnly)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := checkFilter(opts.Ctx, db, opts.Filter, opts.Factory.IO.ErrOut); err != nil {
		return err
	}
	q, err := queries.Get("catalogs")
	if err != nil {
		return err
	}
	t, err := queries.Run(opts.Ctx, db, q, opts.Filter.Params())
	if err != nil {
		return err
	}
	return t.Write(opts.Factory.IO.Out, opts.Format)
}

// checkFormat refuses an output format the table writers do not know.
func checkFormat(format string) error {
	switch format {
	case "table", "csv", "json":
		return nil
	}
	return cmdutil.Usagef("--format %q: use table, csv or json", format)
}
