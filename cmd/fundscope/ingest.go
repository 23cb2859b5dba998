package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"fundscope/ingest"

	"fundscope/ingest/manifest"
	"fundscope/ingest/template"
)

func newIngestCmd(o *options) *cobra.Command {
	var quiet, noTransform bool
	cmd := &cobra.Command{
		Use:   "ingest [FILE|DIR ...]",
		Short: "Load catalogs into the database (default: every bundled catalog)",
		Long: `Load catalog documents into the DuckDB database.

With no arguments, every catalog listed in data/manifest.json is loaded. Files
and directories given as arguments must each have a manifest entry (matched by
file name) that says which layout the document uses.

Each document is loaded in one transaction: a document that does not fit its
layout is reported with its file and line and leaves the database as it was;
the other documents are still loaded. Loading the same file again changes
nothing; a changed file replaces that catalog's rows. Every total the document
states about itself is reconciled, and mismatches are printed loudly.

Text may be UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.

Catalogs entered in the fundscope template (.xlsx from 'fundscope template', or
.csv with the same columns) carry their own catalog facts and need no manifest
entry; every row is validated first and any invalid cell loads nothing.`,
		Example: `  fundscope ingest
  fundscope ingest data/raw/zhoushan-putuo-2023-purchase-summary.txt --db /tmp/putuo.duckdb
  fundscope ingest data/raw/
  fundscope ingest wenzhou-2024.xlsx`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			m, err := manifest.Load(o.dataFS())
			if err != nil {
				return err
			}
			var jobs []ingest.Job
			var templates []string
			var texts []string
			for _, a := range args {
				if template.IsFile(a) {
					templates = append(templates, a)
				} else {
					texts = append(texts, a)
				}
			}
			switch {
			case len(args) == 0:
				jobs, err = ingest.BundledJobs(o.dataFS(), m)
			case len(texts) > 0:
				jobs, err = ingest.FileJobs(texts, m)
			}
			if err != nil {
				return err
			}
			var vocab *template.Vocabulary
			if len(templates) > 0 {
				if vocab, err = template.LoadVocabulary(o.dataFS()); err != nil {
					return err
				}
			}
			db, err := o.open(ctx, false)
			if err != nil {
				return err
			}
			defer db.Close()
			tty := isTerminal(os.Stderr) && !quiet
			out := cmd.OutOrStdout()
			results, errs := ingest.Run(ctx, db, jobs, func(i, n int, j ingest.Job, res *ingest.Result, err error) {
				if tty {
					fmt.Fprintf(os.Stderr, "[%d/%d] %s\n", i, n, j.File)
				}
			})
			for _, t := range templates {
				rs, err := ingest.IngestTemplateFile(ctx, db, t, vocab)
				if err != nil {
					errs = append(errs, err)
				}
				results = append(results, rs...)
			}
			mismatched := 0
			for _, r := range results {
				status := fmt.Sprintf("%d totals reconcile", len(r.Totals))
				if len(r.Totals) == 0 {
					status = "no stated totals"
				}
				if mm := r.Mismatches(); len(mm) > 0 {
					mismatched += len(mm)
					status = fmt.Sprintf("%d of %d stated totals DO NOT RECONCILE", len(mm), len(r.Totals))
				}
				fmt.Fprintf(out, "%-9s %-38s %3d items  %s\n", r.Action, r.CatalogID, r.Items, status)
				for _, t := range r.Mismatches() {
					fmt.Fprintf(os.Stderr, "MISMATCH %s:%d %s: stated %d, computed %d (%s)\n", r.File, t.Line, t.Label, t.Stated, t.Computed, t.Metric)
				}
				if !quiet {
					for _, w := range r.Warnings {
						fmt.Fprintf(os.Stderr, "warning: %s:%d: %s\n", r.File, w.Line, w.Message)
					}
				}
			}
			if len(results) > 0 && !noTransform {
				if err := runTransform(ctx, o, db); err != nil {
					return fmt.Errorf("transform after ingest: %w", err)
				}
			}
			for _, e := range errs {
				fmt.Fprintln(os.Stderr, "error: "+e.Error())
			}
			if len(errs) > 0 {
				return fmt.Errorf("%d of %d documents failed and were not loaded", len(errs), len(jobs)+len(templates))
			}
			if mismatched > 0 {
				return fmt.Errorf("%w: %d stated totals (see MISMATCH lines above)", errMismatch, mismatched)
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "print only the per-document summary and errors")
	cmd.Flags().BoolVar(&noTransform, "no-transform", false, "skip the transforms (when loading many files, run `fundscope transform` once at the end)")
	return cmd
}
