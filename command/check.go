package command

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"fundscope/cmdutil"
	"fundscope/queries"
	"fundscope/store"
	"fundscope/transform"
)

// CheckOptions are the inputs of `fundscope check`.
type CheckOptions struct {
	Factory *cmdutil.Factory
	Ctx     context.Context
}

// NewCmdCheck builds `fundscope check`.
func NewCmdCheck(f *cmdutil.Factory, runF func(*CheckOptions) error) *cobra.Command {
	opts := &CheckOptions{Factory: f}
	return &cobra.Command{
		Use:   "check",
		Short: "Run the data tests and reconcile every stated total; exit non-zero on any failure",
		Long: `Run every data test of transform/tests (unique item ids, required columns,
accepted categories and funding sources, exact non-negative amounts, resolved
regions, reconciled stated totals, catalogs with items). A test that fails
lists the offending rows with their source file and line. Exit status 3 when
any test fails.

The full reconciliation table: fundscope query reconciliation.`,
		Example: `  fundscope check
  fundscope query reconciliation --format csv > reconciliation.csv`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ctx = cmd.Context()
			if runF != nil {
				return runF(opts)
			}
			return checkRun(opts)
		},
	}
}

func checkRun(opts *CheckOptions) error {
	ctx, out := opts.Ctx, opts.Factory.IO.Out
	db, err := opts.Factory.DB(ctx, store.ReadOnly)
	if err != nil {
		return err
	}
	defer db.Close()
	var stale *store.StaleError
	if err := store.CheckFresh(ctx, db, opts.Factory.DBPath); errors.As(err, &stale) && stale.Derived == 0 {
		// Never transformed: the cleaned tables the other tests read do not exist.
		fmt.Fprintf(out, "FAIL  %-26s %s\n", "derived_up_to_date", err.Error())
		return cmdutil.Mismatchf("1 data test failed: [derived_up_to_date]; the others need the cleaned tables")
	} else if err != nil && stale == nil {
		return err
	}
	results, err := transform.Check(ctx, db)
	if err != nil {
		return err
	}
	var failedNames []string
	for _, r := range results {
		if r.Passed() {
			fmt.Fprintf(out, "PASS  %-26s %s\n", r.Name, r.Description)
			continue
		}
		failedNames = append(failedNames, r.Name)
		fmt.Fprintf(out, "FAIL  %-26s %s — %d offending rows:\n", r.Name, r.Description, len(r.Rows))
		t := &queries.Table{Columns: r.Columns}
		for _, row := range r.Rows {
			vals := make([]any, len(row))
			for i, v := range row {
				vals[i] = v
			}
			t.Rows = append(t.Rows, vals)
		}
		if err := t.Write(out, "table"); err != nil {
			return err
		}
	}
	var stated, ok int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FILTER (WHERE reconciles IS NOT NULL), count(*) FILTER (WHERE reconciles) FROM reconciliation`).Scan(&stated, &ok); err != nil {
		return err
	}
	fmt.Fprintf(out, "%d of %d stated totals reconcile; %d of %d data tests pass\n", ok, stated, len(results)-len(failedNames), len(results))
	if len(failedNames) > 0 {
		return cmdutil.Mismatchf("%d data tests failed: %v", len(failedNames), failedNames)
	}
	return nil
}
