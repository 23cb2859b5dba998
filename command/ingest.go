package command

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"fundscope/cmdutil"
	"fundscope/ingest"
	"fundscope/ingest/manifest"
	"fundscope/ingest/template"
	"fundscope/model"
	"fundscope/store"
)

// IngestOptions are the inputs of `fundscope ingest`.
type IngestOptions struct {
	Factory     *cmdutil.Factory
	Ctx         context.Context
	Paths       []string
	Quiet       bool
	NoTransform bool
	Override    model.Catalog // facts for documents without a manifest entry
	Accept      bool          // load readings below the threshold as they are, marked unreviewed
	ReviewDir   string        // where the drafts of readings set aside are written
}

// NewCmdIngest builds `fundscope ingest`; runF replaces ingestRun in tests.
func NewCmdIngest(f *cmdutil.Factory, runF func(*IngestOptions) error) *cobra.Command {
	opts := &IngestOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "ingest [FILE|DIR ...]",
		Short: "Load catalogs into the database (default: every catalog of the data folder)",
		Long: `Load catalog documents into the DuckDB database.

With no arguments, every catalog listed in the data folder's manifest.json is
loaded (the catalogs built into the binary, or those of ./data or --data).
Files and directories given as arguments are matched to manifest entries by
file name. A document without an entry is read for the facts it states
about itself (title, publisher, jurisdiction, level, project year, as
` + "`fundscope extract FILE`" + ` shows them) with the layout that reads it, else the
generic reader. A sidecar beside the document, FILE.facts.json, corrects what
was inferred with any fields of a manifest entry ({"year": 2025, "admin_code":
"330302"}); --year, --admin-code, --title, --phase and --layout win over both. ` + "`fundscope init`" + ` makes a workspace whose
data/manifest.json you can edit to fix facts for good.

A generic reading below confidence 0.5 is set aside for review, never loaded
silently: it stays out of the dataset, its draft (the onboarding template
prefilled with what was read, the cells to check highlighted, each row's
source and evidence beside it) is written under --review (default: review/
beside the database), one line per such document says why, and ingest exits
4. Correct the draft and load it (fundscope ingest DRAFT.xlsx: loaded as
reviewed), or load the reading as it is with --accept (marked unreviewed;
catalogs, the dashboard and the workbook say how much money is unreviewed).

Each document is loaded in one transaction: a document that does not fit its
layout is reported with its file and line and leaves the database as it was;
the other documents are still loaded. Loading the same file again changes
nothing; a changed file replaces that catalog's rows. Every total the document
states about itself is reconciled, and mismatches are printed loudly (exit 3).

Documents are read as published, the format taken from the bytes: .docx,
.xlsx, .html/.htm/.mht, text (UTF-8 with or without BOM, UTF-16 with BOM,
GB18030/GBK), and .doc/.wps/.xls/.et/.rtf/.odt/.ods through LibreOffice when
it is installed, and .pdf with a text layer (ruled tables, paragraphs) through
poppler-utils. Every line item keeps where it is in the source (lines, or
table/row, sheet/cell, page).

An .xlsx or .csv without a manifest entry is taken for the fundscope template
('fundscope template'): it carries its own catalog facts; every row is
validated first and any invalid cell loads nothing.`,
		Example: `  fundscope ingest
  fundscope ingest data/raw/zhoushan-putuo-2023-purchase-summary.txt --db /tmp/putuo.duckdb
  fundscope ingest data/raw/
  fundscope ingest wenzhou-2024.xlsx`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ctx, opts.Paths = cmd.Context(), args
			if runF != nil {
				return runF(opts)
			}
			return ingestRun(opts)
		},
	}
	cmd.Flags().BoolVarP(&opts.Quiet, "quiet", "q", false, "print only the per-document summary and errors")
	cmd.Flags().IntVar(&opts.Override.Year, "year", 0, "project year of documents without a manifest entry, when the inferred one is wrong")
	cmd.Flags().StringVar(&opts.Override.AdminCode, "admin-code", "", "GB/T 2260 code of the publisher, for documents without a manifest entry")
	cmd.Flags().StringVar(&opts.Override.Title, "title", "", "title of a document without a manifest entry")
	cmd.Flags().StringVar(&opts.Override.Phase, "phase", "", "what the amounts of documents without a manifest entry are: budgeted, approved, contracted or paid (default: from the title)")
	cmd.Flags().StringVar(&opts.Override.Layout, "layout", "", "layout to read documents without a manifest entry with (see fundscope detect)")
	cmd.Flags().BoolVar(&opts.Accept, "accept", false, "load readings below the confidence threshold as they are, marked unreviewed (instead of setting them aside)")
	cmd.Flags().StringVar(&opts.ReviewDir, "review", "", "folder for the drafts of readings set aside for review (default: review/ beside the database)")
	cmd.Flags().BoolVar(&opts.NoTransform, "no-transform", false, "skip the transforms (when loading many files, run `fundscope transform` once at the end)")
	return cmd
}

func ingestRun(opts *IngestOptions) error {
	f, ctx, io := opts.Factory, opts.Ctx, opts.Factory.IO
	m, err := manifest.Load(f.DataFS())
	if err != nil {
		return err
	}
	var jobs []ingest.Job
	var templates []string
	var problems []error
	if len(opts.Paths) == 0 {
		root := f.DataLocation()
		if root == "" {
			root = "data" // the copy built into the binary, laid out as a checkout's data/
		}
		jobs, err = ingest.BundledJobs(f.DataFS(), m, root)
	} else {
		if opts.Accept {
			opts.Override.Review = model.ReviewUnreviewed
		}
		jobs, templates, problems, err = ingest.FileJobs(opts.Paths, m, template.IsFile, &opts.Override)
	}
	var noEntry *ingest.NoEntryError
	if errors.As(err, &noEntry) {
		if loc := f.DataLocation(); loc != "" {
			return fmt.Errorf("%w; add an entry to %s/manifest.json", err, loc)
		}
		return fmt.Errorf("%w; this fundscope uses the data built into it: run `fundscope init` for a workspace whose data/manifest.json you can edit, then add the entry there", err)
	}
	if err != nil {
		return err
	}
	var setAside []*ingest.SetAside
	var other []error
	for _, p := range problems {
		var sa *ingest.SetAside
		var sk *ingest.Skipped
		if errors.As(p, &sk) {
			fmt.Fprintln(f.IO.ErrOut, sk.Error())
		} else if errors.As(p, &sa) {
			setAside = append(setAside, sa)
		} else {
			other = append(other, p)
		}
	}
	problems = other
	drafts, err := writeDrafts(f, opts, setAside)
	if err != nil {
		return err
	}
	for i, p := range problems {
		if loc := f.DataLocation(); loc != "" {
			problems[i] = fmt.Errorf("%w; or add an entry to %s/manifest.json", p, loc)
		} else {
			problems[i] = fmt.Errorf("%w; or run `fundscope init` for a workspace whose data/manifest.json you can edit, and add an entry there", p)
		}
	}
	var vocab *template.Vocabulary
	if len(templates) > 0 {
		if vocab, err = template.LoadVocabulary(f.DataFS()); err != nil {
			return err
		}
	}
	db, err := f.DB(ctx, store.ReadWrite)
	if err != nil {
		return err
	}
	defer db.Close()
	progress := io.ShowProgress() && !opts.Quiet
	results, errs := ingest.Run(ctx, db, jobs, func(i, n int, j ingest.Job, res *ingest.Result, err error) {
		if progress {
			fmt.Fprintf(io.ErrOut, "[%d/%d] %s\n", i, n, j.File)
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
		unchecked := 0
		for _, t := range r.Totals {
			if t.Unchecked {
				unchecked++
			}
		}
		status := fmt.Sprintf("%d totals reconcile", len(r.Totals)-unchecked)
		if len(r.Totals) == unchecked {
			status = "no stated totals"
		}
		if unchecked > 0 {
			status += fmt.Sprintf(", %d pool over items whose amounts are not printed (not checkable)", unchecked)
		}
		if mm := r.Mismatches(); len(mm) > 0 {
			mismatched += len(mm)
			status = fmt.Sprintf("%d of %d stated totals DO NOT RECONCILE", len(mm), len(r.Totals))
		}
		fmt.Fprintf(io.Out, "%-9s %-38s %3d items  %s\n", r.Action, r.CatalogID, r.Items, status)
		for _, t := range r.Mismatches() {
			fmt.Fprintf(io.ErrOut, "MISMATCH %s:%d %s: stated %d, computed %d (%s)\n", r.File, t.Line, t.Label, t.Stated, t.Computed, t.Metric)
		}
		if !opts.Quiet && r.Action != "unchanged" { // a no-op load does not replay its warnings
			for _, w := range r.Warnings {
				fmt.Fprintf(io.ErrOut, "warning: %s:%d: %s\n", r.File, w.Line, w.Message)
			}
		}
	}
	changed := false
	for _, r := range results {
		changed = changed || r.Action != "unchanged"
	}
	if len(results) > 0 && !changed && !opts.NoTransform && store.CheckFresh(ctx, db, f.DBPath) == nil {
		fmt.Fprintln(io.ErrOut, "nothing changed: the cleaned tables are up to date and were not rebuilt (after editing reference data, run `fundscope transform`)")
	} else if len(results) > 0 && !opts.NoTransform {
		if err := runTransform(ctx, f, db); err != nil {
			return fmt.Errorf("the catalogs above were loaded, but rebuilding the cleaned tables failed: %w; queries, reports and exports refuse the stale tables until `fundscope transform` succeeds", err)
		}
	}
	errs = append(problems, errs...)
	for _, e := range errs {
		fmt.Fprintln(io.ErrOut, "error: "+e.Error())
	}
	n := len(jobs) + len(templates) + len(problems) + len(setAside)
	for i, sa := range setAside {
		fmt.Fprintf(io.ErrOut, "set aside %s: %s; draft %s\n", sa.File, sa.Reason(), drafts[i])
	}
	if len(errs) > 0 {
		return fmt.Errorf("%d of %d documents failed and were not loaded", len(errs)+len(setAside), n)
	}
	if mismatched > 0 {
		return cmdutil.Mismatchf("stated totals do not reconcile: %d (see MISMATCH lines above)", mismatched)
	}
	if len(setAside) > 0 {
		return cmdutil.SetAsidef("%d of %d documents set aside for review, not loaded: correct each draft and `fundscope ingest DRAFT.xlsx`, or `fundscope ingest --accept FILE` to load a reading as it is, marked unreviewed", len(setAside), n)
	}
	return nil
}

// writeDrafts writes the draft of each reading set aside, under
// --review or review/ beside the database, and returns their paths.
func writeDrafts(f *cmdutil.Factory, opts *IngestOptions, setAside []*ingest.SetAside) ([]string, error) {
	if len(setAside) == 0 {
		return nil, nil
	}
	dir := opts.ReviewDir
	if dir == "" {
		dir = filepath.Join(filepath.Dir(f.DBPath), "review")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("review folder: %w", err)
	}
	vocab, err := template.LoadVocabulary(f.DataFS())
	if err != nil {
		return nil, err
	}
	var out []string
	for _, sa := range setAside {
		base := filepath.Base(sa.File)
		path := filepath.Join(dir, strings.TrimSuffix(base, filepath.Ext(base))+".draft.xlsx")
		if err := cmdutil.WriteFileAtomic(path, func(w *os.File) error { return template.WriteDraft(w, vocab, draftOf(sa.Result)) }); err != nil {
			return nil, fmt.Errorf("%s: writing its draft: %w", sa.File, err)
		}
		out = append(out, path)
	}
	return out, nil
}
