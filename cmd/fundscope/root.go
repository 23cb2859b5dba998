package main

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"fundscope/data"
	"fundscope/store"
)

type options struct {
	db      string
	dataDir string
	wait    time.Duration
}

// errMismatch marks a run that finished but found totals that do not reconcile.
var errMismatch = errors.New("stated totals do not reconcile")

func exitCode(err error) int {
	if errors.Is(err, errMismatch) {
		return 3
	}
	return 1
}

func newRoot() *cobra.Command {
	o := &options{}
	root := &cobra.Command{
		Use:   "fundscope",
		Short: "Compare public funding catalogs across Chinese cities",
		Long: `fundscope loads the catalogs of services that cities and districts buy from
social organizations (政府向社会组织购买服务项目目录, 公益创投项目发布表, 征集指南)
into a DuckDB database, every row traceable to its source line and every total
a document states about itself reconciled, and produces tables, reports and
exports that compare allocations across cities, categories and years.

Typical session:
  fundscope ingest              # load the bundled catalogs into fundscope.duckdb
  fundscope catalogs            # what is loaded, and whether it reconciles
  fundscope check               # reconciliation and data tests; non-zero exit on failure
  fundscope query list          # the named analytical queries
  fundscope report              # out/report.html (offline dashboard) and out/report.xlsx
  fundscope export --format parquet --out export/   # the cleaned dataset for research

A new city: fundscope detect FILE (a text catalog in a known layout, then a
data/manifest.json entry), or fundscope template to enter it in Excel.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&o.db, "db", "fundscope.duckdb", "DuckDB database file")
	root.PersistentFlags().DurationVar(&o.wait, "wait", 0, "when another fundscope holds the database, wait up to this long (e.g. 30s) instead of failing at once")
	root.PersistentFlags().StringVar(&o.dataDir, "data", "", "data folder with manifest.json, raw/ and ref/ (default: ./data if present, else the copy built into the binary)")
	root.AddCommand(newIngestCmd(o), newTransformCmd(o), newCatalogsCmd(o), newCheckCmd(o), newQueryCmd(o), newSQLCmd(o), newReportCmd(o), newExportCmd(o), newTemplateCmd(o), newDetectCmd(o), newGenCmd(o))
	return root
}

// dataFS is the data folder: --data, ./data when it has a manifest, or the embedded copy.
func (o *options) dataFS() fs.FS {
	if o.dataDir != "" {
		return os.DirFS(o.dataDir)
	}
	if _, err := os.Stat(filepath.Join("data", "manifest.json")); err == nil {
		return os.DirFS("data")
	}
	sub, _ := fs.Sub(data.FS, ".")
	return sub
}

func (o *options) open(ctx context.Context, readOnly bool) (*sql.DB, error) {
	return store.OpenWait(ctx, o.db, readOnly, o.wait)
}

// isTerminal reports whether f is an interactive terminal (progress goes there only).
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
