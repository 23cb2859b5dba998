package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"fundscope/queries"
	"fundscope/store"
	"fundscope/transform"
)

func newTransformCmd(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "transform",
		Short: "Rebuild the cleaned dataset and marts from the raw tables and reference data",
		Long: `Load the reference data (data/ref/*.csv: regions, aliases, categories and their
rules, funding sources) and run the SQL models of transform/models in order:
staging → regions, categories, funding sources → clean_line_item → marts.
Every model is re-runnable; all run in one transaction. ingest runs this
automatically; run it yourself after editing reference data.`,
		Example: `  fundscope transform
  fundscope transform --data ./my-data   # with edited reference tables`,
		RunE: func(cmd *cobra.Command, args []string) error {
			db, err := o.open(cmd.Context(), false)
			if err != nil {
				return err
			}
			defer db.Close()
			return runTransform(cmd.Context(), o, db)
		},
	}
}

func runTransform(ctx context.Context, o *options, db *sql.DB) error {
	tty := isTerminal(os.Stderr)
	err := transform.RunWithProgress(ctx, db, o.dataFS(), func(step string, d time.Duration) {
		if tty || d > 2*time.Second {
			fmt.Fprintf(os.Stderr, "  %-28s %6.2fs\n", step, d.Seconds())
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
		fmt.Fprintf(os.Stderr, "warning: %s:%d: %s\n", w.File, w.Line, w.Message)
	}
	var items int
	db.QueryRowContext(ctx, `SELECT count(*) FROM clean_line_item`).Scan(&items)
	fmt.Fprintf(os.Stderr, "transformed %d line items (%d models)\n", items, len(transform.Models()))
	return nil
}

func newCheckCmd(o *options) *cobra.Command {
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
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			db, err := o.open(ctx, true)
			if err != nil {
				return err
			}
			defer db.Close()
			results, err := transform.Check(ctx, db)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			failed := 0
			for _, r := range results {
				if r.Passed() {
					fmt.Fprintf(out, "PASS  %-26s %s\n", r.Name, r.Description)
					continue
				}
				failed++
				fmt.Fprintf(out, "FAIL  %-26s %s — %d offending rows:\n", r.Name, r.Description, len(r.Rows))
				t := &queries.Table{Columns: r.Columns}
				for _, row := range r.Rows {
					vals := make([]any, len(row))
					for i, v := range row {
						vals[i] = v
					}
					t.Rows = append(t.Rows, vals)
				}
				t.Write(out, "table")
			}
			var stated, ok int
			db.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE stated_value = computed_value) FROM reconciliation`).Scan(&stated, &ok)
			fmt.Fprintf(out, "%d of %d stated totals reconcile; %d of %d data tests pass\n", ok, stated, len(results)-failed, len(results))
			if failed > 0 {
				return fmt.Errorf("%w: %d data tests failed", errMismatch, failed)
			}
			return nil
		},
	}
}

func newQueryCmd(o *options) *cobra.Command {
	var format, city, category string
	var year int
	cmd := &cobra.Command{
		Use:   "query NAME | query list",
		Short: "Run a named analytical query (see: fundscope query list)",
		Long: `Run one of the named queries of queries/*.sql. Amounts print in 万元 with
exact decimals for people (--format table) and in integer yuan for machines
(csv, json). Filters a query does not take are refused.`,
		Example: `  fundscope query list
  fundscope query totals_by_category --city 杭州市 --year 2024
  fundscope query largest_items --format csv > largest.csv`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			if args[0] == "list" {
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
			q, err := queries.Get(args[0])
			if err != nil {
				return err
			}
			db, err := store.OpenSandboxed(cmd.Context(), o.db)
			if err != nil {
				return err
			}
			defer db.Close()
			params := queries.Params(city, year, category)
			if format != "table" {
				return queries.RunTo(cmd.Context(), db, q, params, out, format)
			}
			t, err := queries.Run(cmd.Context(), db, q, params)
			if err != nil {
				return err
			}
			return t.Write(out, format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "table (万元), csv or json (yuan)")
	cmd.Flags().StringVar(&city, "city", "", "city or district, e.g. 杭州市")
	cmd.Flags().IntVar(&year, "year", 0, "year, e.g. 2024")
	cmd.Flags().StringVar(&category, "category", "", "category code or Chinese label, e.g. elderly or 养老服务")
	return cmd
}

var readOnlyStart = regexp.MustCompile(`(?is)^\s*(SELECT|WITH|FROM|VALUES|TABLE|DESCRIBE|SHOW|SUMMARIZE|EXPLAIN)\b`)

func newSQLCmd(o *options) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   `sql "SELECT …"`,
		Short: "Run ad-hoc read-only SQL against the database",
		Long: `Run one read-only statement (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN).
The database is opened read-only with external access off: statements that
write, ATTACH other databases, COPY to files, read local files or INSTALL
extensions are refused. Tables: catalog, line_item, stated_total,
reconciliation, clean_line_item, mart_* (see README).`,
		Example: `  fundscope sql "SELECT city, sum(amount_yuan) FROM clean_line_item GROUP BY city"
  fundscope sql "DESCRIBE clean_line_item" --format csv`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			stmt := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(args[0]), ";"))
			if !readOnlyStart.MatchString(stmt) {
				return fmt.Errorf("only read-only statements are allowed (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN); got %q", clip(stmt, 40))
			}
			if strings.Contains(stmt, ";") {
				return fmt.Errorf("one statement at a time, please (found ';')")
			}
			db, err := store.OpenSandboxed(cmd.Context(), o.db)
			if err != nil {
				return err
			}
			defer db.Close()
			if format != "table" {
				return refused(queries.Stream(cmd.Context(), db, cmd.OutOrStdout(), format, stmt))
			}
			t, err := queries.Select(cmd.Context(), db, stmt)
			if err != nil {
				return refused(err)
			}
			return t.Write(cmd.OutOrStdout(), format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "table (*_yuan columns in 万元), csv or json")
	return cmd
}

// refused explains the sandbox's refusals in plain words.
func refused(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	if strings.Contains(msg, "disabled by configuration") || strings.Contains(msg, "read-only mode") || strings.Contains(msg, "READ_ONLY") {
		return fmt.Errorf("refused: fundscope sql and query only read the database; they cannot write, read or write files, attach databases or install extensions (%s)", firstLine(msg))
	}
	return err
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
