package command

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"fundscope/cmdutil"
	"fundscope/ingest/eval"
)

// EvalOptions are the inputs of `fundscope eval`.
type EvalOptions struct {
	Factory *cmdutil.Factory
	Dir     string
	Key     string
	Format  string
	Verbose bool
}

// NewCmdEval builds `fundscope eval`.
func NewCmdEval(f *cmdutil.Factory, runF func(*EvalOptions) error) *cobra.Command {
	opts := &EvalOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "eval DIR",
		Short: "Score the readers strictly on real documents against a gold answer key",
		Long: `Run extract on every document of DIR that the answer key names and score
it as ../shared/eval/score.py does. The key is DIR/gold.csv (one row per
project: file, project_name, organization, amount_wan, amount_text, …) and
DIR/totals.csv (every total a document states, with whether it reconciles);
--key names another folder holding them.

A gold row is exact only when one item (each used once) has its name —
equal after folding width, quotes, brackets, punctuation, spaces and
romanization debris such as (xié), or one containing the other with the
shorter at least 80% of the longer — and its amount in exact yuan. Per
document and in total:

  exact              gold rows matched by name and amount
  extra              items that match no gold row
  org                gold rows naming an organization that are exact and carry it
  silent             gold amounts nowhere in the output (not an item, a total or unread)
  documents right    every gold row exact and nothing extra
  confidently wrong  not right, yet confidence at or above the threshold (0.50)
  money              the items' sum against the gold sum, and the absolute error
  totals             stated totals found with the right value and verdict

Then a reliability table: documents by confidence band, and how many of
each band were read right. --verbose lists, per document, the rows missed,
the extra items, the silent misses and the signals that set the confidence.
--format json prints one object with the keys rows, exact, extra, org_rows,
org_ok, silent, documents, documents_right, confidently_wrong, money_yuan,
gold_money_yuan, money_abs_error_yuan, totals, totals_ok and a documents
array with the same keys per file.`,
		Example: `  fundscope eval ../shared/corpus
  fundscope eval data/corpus --key data/corpus/key --format json
  make eval`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = args[0]
			if opts.Format != "table" && opts.Format != "json" {
				return &cmdutil.UsageError{Err: fmt.Errorf("--format %q: expected table or json", opts.Format)}
			}
			if runF != nil {
				return runF(opts)
			}
			rep, err := eval.Run(opts.Dir, opts.Key)
			if err != nil {
				return err
			}
			if opts.Format == "json" {
				enc := json.NewEncoder(opts.Factory.IO.Out)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", " ")
				return enc.Encode(rep.JSON())
			}
			rep.Print(opts.Factory.IO.Out, opts.Verbose)
			return nil
		},
	}
	cmd.Flags().StringVar(&opts.Key, "key", "", "folder holding gold.csv and totals.csv (default: DIR)")
	cmd.Flags().StringVar(&opts.Format, "format", "table", "table (for people) or json")
	cmd.Flags().BoolVarP(&opts.Verbose, "verbose", "v", false, "list the rows missed, the extra items, the silent misses and the confidence signals")
	return cmd
}
