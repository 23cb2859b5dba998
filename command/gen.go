package command

import (
	"context"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"fundscope/cmdutil"
	"fundscope/synth"
)

// GenOptions are the inputs of `fundscope gen`.
type GenOptions struct {
	Factory *cmdutil.Factory
	Ctx     context.Context
	Synth   synth.Options
	Out     string
}

// NewCmdGen builds `fundscope gen`.
func NewCmdGen(f *cmdutil.Factory, runF func(*GenOptions) error) *cobra.Command {
	opts := &GenOptions{Factory: f}
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
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return genRun(opts)
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&opts.Synth.Cities, "cities", 10, "number of cities")
	fl.IntVar(&opts.Synth.Years, "years", 3, "number of years, ending with --last-year")
	fl.IntVar(&opts.Synth.Items, "items", 100, "line items per city and year")
	fl.Uint64Var(&opts.Synth.Seed, "seed", 1, "random seed")
	fl.IntVar(&opts.Synth.LastYear, "last-year", 2025, "last year generated")
	fl.StringVar(&opts.Out, "out", "synthetic.csv", "CSV file to write")
	return cmd
}

func genRun(opts *GenOptions) error {
	var rows int
	err := cmdutil.WriteFileAtomic(opts.Out, func(f *os.File) error {
		var err error
		rows, err = synth.Generate(f, opts.Factory.DataFS(), opts.Synth)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.Factory.IO.Out, "wrote %s: %d catalogs, %d line items (synthetic)\n", opts.Out, opts.Synth.Cities*opts.Synth.Years, rows)
	return nil
}
