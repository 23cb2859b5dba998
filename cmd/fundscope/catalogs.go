package main

import (
	"github.com/spf13/cobra"

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
			params := queries.Params(city, year, "")
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
