package command

import (
	"github.com/spf13/cobra"

	"fundscope/cmdutil"
	"fundscope/ingest/eval"
)

// EvalOptions are the inputs of `fundscope eval`.
type EvalOptions struct {
	Factory *cmdutil.Factory
	Dir     string
	Verbose bool
}

// NewCmdEval builds `fundscope eval`.
func NewCmdEval(f *cmdutil.Factory, runF func(*EvalOptions) error) *cobra.Command {
	opts := &EvalOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "eval DIR",
		Short: "Measure the readers on real documents against a gold answer key",
		Long: `Run extract on every document of DIR that DIR/gold.csv names and compare
with the answer key (one row per project: file, project_name, organization,
amount_wan, amount_text, …; DIR/totals.csv: every total a document states,
with whether it reconciles). Per document and in total it prints:

  exact/gold  gold rows with an amount found with exactly that amount
  named       … of which the name found shares words with the gold name
  extra       items found that are in no gold row
  no-amount   gold rows the document gives no amount for, found by name
  totals ok   stated totals found and reconciling, of those that reconcile
  silent      gold amounts neither extracted nor listed as unread

--verbose lists the rows missed and the silent misses.`,
		Example: `  fundscope eval ../shared/corpus
  make eval`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = args[0]
			if runF != nil {
				return runF(opts)
			}
			rep, err := eval.Run(opts.Dir)
			if err != nil {
				return err
			}
			rep.Print(opts.Factory.IO.Out, opts.Verbose)
			return nil
		},
	}
	cmd.Flags().BoolVarP(&opts.Verbose, "verbose", "v", false, "list the rows missed and the silent misses")
	return cmd
}
