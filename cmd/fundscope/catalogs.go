package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"fundscope/ingest"
	"fundscope/queries"
)

func newCatalogsCmd(o *options) *cobra.Command {
	var format, city string
	var year int
	cmd := &cobra.Command{
		Use:   "catalogs",
		Short: "List loaded catalogs with item counts, totals and reconciliation status",
		Long: `List every loaded catalog: its number of line items, its total in 万元 (table)
or yuan (csv, json), how many items state no amount, and whether every total
the document states about itself reconciles.`,
		Example: `  fundscope catalogs
  fundscope catalogs --format json
  fundscope catalogs --city 杭州市 --year 2024`,
		RunE: func(cmd *cobra.Command, args []string) error {
			db, err := o.open(cmd.Context(), true)
			if err != nil {
				return err
			}
			defer db.Close()
			q, err := queries.Get("catalogs")
			if err != nil {
				return err
			}
			params := map[string]any{"city": nilIfEmpty(city), "year": nilIfZero(year)}
			t, err := queries.Run(cmd.Context(), db, q, params)
			if err != nil {
				return err
			}
			return t.Write(cmd.OutOrStdout(), format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table (万元), csv or json (yuan)")
	cmd.Flags().StringVar(&city, "city", "", "only this city or district (e.g. 杭州市, 普陀区)")
	cmd.Flags().IntVar(&year, "year", 0, "only this year")
	return cmd
}

func newCheckCmd(o *options) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Reconcile every stated total; exit non-zero on any mismatch",
		Long: `Print every total the loaded documents state about themselves (合计, funding
pools such as 福彩金87万元, counts such as 共10个单位、26个项目, and the amounts a
release form repeats) next to the value recomputed from the line items, and
exit with status 3 when any of them does not reconcile.`,
		Example: `  fundscope check
  fundscope check --format csv > reconciliation.csv`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			db, err := o.open(ctx, true)
			if err != nil {
				return err
			}
			defer db.Close()
			t, err := queries.Select(ctx, db, `SELECT catalog_id, label, metric, stated_value, computed_value,
				stated_value = computed_value AS reconciled, source_line FROM reconciliation ORDER BY catalog_id, total_no`)
			if err != nil {
				return err
			}
			if err := t.Write(cmd.OutOrStdout(), format); err != nil {
				return err
			}
			bad := 0
			for _, r := range t.Rows {
				if ok, _ := r[t.Col("reconciled")].(bool); !ok {
					bad++
				}
			}
			if bad > 0 {
				fmt.Fprintf(os.Stderr, "%d of %d stated totals do not reconcile\n", bad, len(t.Rows))
				return fmt.Errorf("%w: %d", errMismatch, bad)
			}
			fmt.Fprintf(os.Stderr, "all %d stated totals reconcile\n", len(t.Rows))
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, csv or json")
	_ = ingest.KindCap
	return cmd
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nilIfZero(n int) any {
	if n == 0 {
		return nil
	}
	return n
}
