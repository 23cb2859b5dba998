package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"fundscope/reports"
	"fundscope/store"
)

func newReportCmd(o *options) *cobra.Command {
	var formats, outDir, city string
	var year int
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Write the HTML dashboard and the Excel workbook",
		Long: `Write the reports that compare allocations across cities and years:

  report.html  one self-contained page (ECharts inlined, opens offline): headline
               figures, reconciliation of every catalog, totals by city and year,
               category mix, funding sources, regions, coverage, largest items
  report.xlsx  sheets 概览 Summary (with native Excel charts), 按类别, 按资金来源,
               按地区, 明细 Line items, 对账 Reconciliation, 数据字典 Data dictionary

Every number comes from the named queries (fundscope query list). ECharts is
built into the binary: the page opens offline, with no request to anywhere.`,
		Example: `  fundscope report
  fundscope report --format html --out /tmp/reports --city 杭州市 --year 2024`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			want := map[string]bool{}
			for _, f := range strings.Split(formats, ",") {
				f = strings.TrimSpace(f)
				if f != "html" && f != "xlsx" {
					return fmt.Errorf("unknown report format %q: use html, xlsx or html,xlsx", f)
				}
				want[f] = true
			}
			db, err := store.OpenSandboxed(ctx, o.db)
			if err != nil {
				return err
			}
			defer db.Close()
			ds, err := reports.Load(ctx, db, reports.Filter{City: city, Year: year})
			if err != nil {
				return err
			}
			if err := os.MkdirAll(outDir, 0o755); err != nil {
				return err
			}
			now := time.Now()
			if want["html"] {
				path := filepath.Join(outDir, "report.html")
				if err := writeFile(path, func(f *os.File) error { return reports.WriteHTML(f, ds, now) }); err != nil {
					return err
				}
				fmt.Fprintln(cmd.OutOrStdout(), "wrote "+path)
			}
			if want["xlsx"] {
				path := filepath.Join(outDir, "report.xlsx")
				if err := writeFile(path, func(f *os.File) error { return reports.WriteXLSX(ctx, f, db, ds, now) }); err != nil {
					return err
				}
				fmt.Fprintln(cmd.OutOrStdout(), "wrote "+path)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&formats, "format", "html,xlsx", "html, xlsx or both, comma-separated")
	cmd.Flags().StringVar(&outDir, "out", "out", "folder to write the reports to")
	cmd.Flags().StringVar(&city, "city", "", "only this city or district")
	cmd.Flags().IntVar(&year, "year", 0, "only this year")
	cmd.Flags().IntVar(&reports.DetailLimit, "detail-limit", reports.DetailLimit, "most line items listed on the workbook's 明细 sheet (0 = all, split at Excel's row limit)")
	return cmd
}

// writeFile writes through a temporary file and renames it, so a failed
// report never leaves a half-written file where the old one was.
func writeFile(path string, write func(*os.File) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path))
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
