package command

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"fundscope/cmdutil"
	"fundscope/internal/stage"
	"fundscope/internal/trace"
	"fundscope/queries"
	"fundscope/reports"
	"fundscope/store"
)

// ReportOptions are the inputs of `fundscope report`.
type ReportOptions struct {
	Factory     *cmdutil.Factory
	Ctx         context.Context
	Formats     []string
	OutDir      string
	Filter      queries.Filter
	DetailLimit int
}

// NewCmdReport builds `fundscope report`.
func NewCmdReport(f *cmdutil.Factory, runF func(*ReportOptions) error) *cobra.Command {
	opts := &ReportOptions{Factory: f}
	var formats string
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Write the HTML dashboard and the Excel workbook",
		Long: `Write the reports that compare allocations across cities and years:

  report.html  one self-contained page (ECharts built in, opens offline with no
               request to anywhere): headline figures, then every report
               section — catalogs and reconciliation, totals by city and year,
               category mix, funding sources, regions, coverage, largest items,
               stated totals — each chart with the numbers behind it
  report.xlsx  a 概览 Summary sheet with native Excel charts, one sheet per
               section, 明细 Line items and 数据字典 Data dictionary

Every number comes from the named queries (fundscope query list). Files are
written beside their target and moved into place when complete.`,
		Example: `  fundscope report
  fundscope report --format html --out /tmp/reports --city 杭州市 --year 2024`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ctx = cmd.Context()
			opts.Formats = nil
			for _, s := range strings.Split(formats, ",") {
				s = strings.TrimSpace(s)
				if s != "html" && s != "xlsx" {
					return cmdutil.Usagef("unknown report format %q: use html, xlsx or html,xlsx", s)
				}
				opts.Formats = append(opts.Formats, s)
			}
			if runF != nil {
				return runF(opts)
			}
			return reportRun(opts)
		},
	}
	cmd.Flags().StringVar(&formats, "format", "html,xlsx", "html, xlsx or both, comma-separated")
	cmd.Flags().StringVar(&opts.OutDir, "out", "out", "folder to write the reports to")
	addPlaceFlag(cmd.Flags(), &opts.Filter.Place)
	cmd.Flags().IntVar(&opts.Filter.Year, "year", 0, "only this year")
	cmd.Flags().IntVar(&opts.DetailLimit, "detail-limit", reports.DetailLimit, "most line items listed on the workbook's 明细 sheet: a larger selection lists its largest, with a note pointing to fundscope export (0 = all, split at Excel's row limit)")
	return cmd
}

func reportRun(opts *ReportOptions) error {
	ctx, out := opts.Ctx, opts.Factory.IO.Out
	reports.DetailLimit = opts.DetailLimit
	db, err := opts.Factory.DerivedDB(ctx, store.Sandboxed)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := checkFilter(ctx, db, opts.Filter, opts.Factory.IO.ErrOut); err != nil {
		return err
	}
	done := trace.Stage("report: named queries")
	ds, err := reports.Load(ctx, db, opts.Filter)
	done()
	if err != nil {
		return err
	}
	now := time.Now()
	// The page and the workbook are a pair: both are written into a stage
	// (a hidden folder in --out, removed by the next report if this one is
	// killed) and moved into place only when both are complete, so a failure
	// in either leaves the earlier pair as it was.
	stageDir, err := stage.New(opts.OutDir, "report")
	if err != nil {
		return err
	}
	defer os.RemoveAll(stageDir)
	// The two are written side by side: both only read the loaded dataset
	// (and the workbook's detail the database); the page's own queries (the
	// data its filters work on) run while the workbook is written.
	errs := make([]error, len(opts.Formats))
	var wg sync.WaitGroup
	for i, format := range opts.Formats {
		wg.Add(1)
		go func() {
			defer wg.Done()
			path := filepath.Join(stageDir, "report."+format)
			defer trace.Stage("report: write " + format)()
			errs[i] = writeReportFile(path, func(f *os.File) error {
				if format == "html" {
					page, err := ds.With(ctx, db, reports.PageQueries...)
					if err != nil {
						return err
					}
					return reports.WriteHTML(f, page, now)
				}
				return reports.WriteXLSX(ctx, f, db, ds, now)
			})
		}()
	}
	wg.Wait()
	for i, format := range opts.Formats {
		if errs[i] != nil {
			return fmt.Errorf("%s: %w (no report replaced)", filepath.Join(opts.OutDir, "report."+format), errs[i])
		}
	}
	for _, format := range opts.Formats { // nothing is moved unless every move can succeed
		path := filepath.Join(opts.OutDir, "report."+format)
		if st, err := os.Lstat(path); err == nil && !st.Mode().IsRegular() {
			return fmt.Errorf("%s is not a regular file: not replaced, and neither is the rest of the pair; move it away and run report again", path)
		}
	}
	for _, format := range opts.Formats {
		path := filepath.Join(opts.OutDir, "report."+format)
		if err := os.Rename(filepath.Join(stageDir, "report."+format), path); err != nil {
			return err
		}
		fmt.Fprintln(out, "wrote "+path)
	}
	return nil
}

// writeReportFile writes one report of the pair into the stage.
func writeReportFile(path string, write func(*os.File) error) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
