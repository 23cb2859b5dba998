package command

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"fundscope/cmdutil"
	"fundscope/queries"
	"fundscope/store"
)

// QueryOptions are the inputs of `fundscope query`.
type QueryOptions struct {
	Factory *cmdutil.Factory
	Ctx     context.Context
	Name    string
	Format  string
	Filter  queries.Filter
	Timeout time.Duration
}

// NewCmdQuery builds `fundscope query`.
func NewCmdQuery(f *cmdutil.Factory, runF func(*QueryOptions) error) *cobra.Command {
	opts := &QueryOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "query NAME | query list",
		Short: "Run a named analytical query (see: fundscope query list)",
		Long: `Run one of the named queries of queries/*.sql. Amounts print in 万元 with
exact decimals for people (--format table) and in integer yuan for machines
(csv, json). Filters a query does not take are refused.`,
		Example: `  fundscope query list
  fundscope query totals_by_category --city 杭州市 --year 2024
  fundscope query largest_items --format csv > largest.csv`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ctx, opts.Name = cmd.Context(), args[0]
			if err := checkFormat(opts.Format); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return queryRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "table", "table (万元), csv or json (yuan)")
	addPlaceFlag(cmd.Flags(), &opts.Filter.Place)
	cmd.Flags().IntVar(&opts.Filter.Year, "year", 0, "year, e.g. 2024")
	cmd.Flags().StringVar(&opts.Filter.Category, "category", "", "category code or Chinese label, e.g. elderly or 养老服务")
	cmd.Flags().DurationVar(&opts.Timeout, "timeout", 0, "stop the query after this long (e.g. 30s); 0 = no limit (Ctrl-C always stops it)")
	return cmd
}

func queryRun(opts *QueryOptions) error {
	out := opts.Factory.IO.Out
	if opts.Name == "list" {
		all, err := queries.All()
		if err != nil {
			return err
		}
		for _, q := range all {
			params := ""
			if len(q.Params) > 0 {
				params = " [--" + strings.Join(q.Params, " --") + "]"
			}
			fmt.Fprintf(out, "%-26s %s%s\n", q.Name, q.Description, params)
		}
		return nil
	}
	q, err := queries.Get(opts.Name)
	if err != nil {
		return &cmdutil.UsageError{Err: err}
	}
	ctx, cancel := withTimeout(opts.Ctx, opts.Timeout)
	defer cancel()
	return timedOut(ctx, opts.Timeout, runNamed(ctx, opts, q))
}

func runNamed(ctx context.Context, opts *QueryOptions, q queries.Query) error {
	out := opts.Factory.IO.Out
	db, err := opts.Factory.DerivedDB(ctx, store.Sandboxed)
	if err != nil {
		return err
	}
	defer db.Close()
	params := opts.Filter.Params()
	if err := q.Takes(params); err != nil {
		return &cmdutil.UsageError{Err: err}
	}
	if err := checkFilter(ctx, db, opts.Filter, opts.Factory.IO.ErrOut); err != nil {
		return err
	}
	if opts.Format != "table" {
		return queries.RunTo(ctx, db, q, params, out, opts.Format)
	}
	t, err := queries.Run(ctx, db, q, params)
	if err != nil {
		return err
	}
	return t.Write(out, opts.Format)
}
