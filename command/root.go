// Package command holds fundscope's commands, one file each, built the way
// cli/cli builds them: an options struct, NewCmdX(f, runF) that parses flags
// into it, and xRun(opts) that does the work. Tests call NewCmdX with a runF
// to check flag parsing alone, or run the whole command against IO buffers.
package command

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"fundscope/cmdutil"
)

// NewCmdRoot is the fundscope command with every subcommand.
func NewCmdRoot(f *cmdutil.Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "fundscope",
		Short: "Compare public funding catalogs across Chinese cities",
		Long: `fundscope loads the catalogs of services that cities and districts buy from
social organizations (政府向社会组织购买服务项目目录, 公益创投项目发布表, 征集指南)
into a DuckDB database, every row traceable to its source line and every total
a document states about itself reconciled, and produces tables, reports and
exports that compare allocations across cities, categories and years.

The binary carries everything it needs (reference data, the bundled catalogs,
ECharts for the offline page): copy it anywhere and run it.

Typical session:
  fundscope init myfunds && cd myfunds   # an editable workspace (optional)
  fundscope ingest              # load the catalogs into fundscope.duckdb
  fundscope catalogs            # what is loaded, and whether it reconciles
  fundscope check               # reconciliation and data tests; non-zero exit on failure
  fundscope query list          # the named analytical queries
  fundscope report              # out/report.html (offline dashboard) and out/report.xlsx
  fundscope export --format parquet --out export/   # the cleaned dataset for research

A new city: fundscope detect FILE (a text catalog in a known layout, then an
entry in the workspace's data/manifest.json), or fundscope template to enter
it in Excel.

Exit status: 0 success, 1 error, 2 wrong usage (an unknown command or flag, a
filter that selects nothing loaded), 3 stated totals or data tests that do not
reconcile, 4 readings set aside for review (see ingest --help), 130 interrupted.`,
		Version:                    Version(),
		SuggestionsMinimumDistance: 2,
		SilenceUsage:               true,
		SilenceErrors:              true,
		// With no command, the help; with an unknown one, a usage error
		// (exit 2) that suggests the nearest commands.
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return nil
			}
			msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
			if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
				msg += "; did you mean " + strings.Join(s, " or ") + "?"
			}
			return cmdutil.Usagef("%s", msg)
		},
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &cmdutil.UsageError{Err: err} })
	pf := root.PersistentFlags()
	pf.StringVar(&f.DBPath, "db", "fundscope.duckdb", "DuckDB database file")
	pf.DurationVar(&f.Wait, "wait", 0, "when another fundscope holds the database, wait up to this long (e.g. 30s) instead of failing at once")
	pf.StringVar(&f.MemoryLimit, "memory-limit", cmdutil.DefaultMemoryLimit, "most memory DuckDB may use (e.g. 2GB); past it large work spills to disk or fails with a message, never takes the machine")
	pf.StringVar(&f.DataDir, "data", "", "data folder with manifest.json, raw/ and ref/ (default: ./data if present, else the copy built into the binary)")
	root.AddCommand(
		NewCmdInit(f, nil),
		NewCmdIngest(f, nil),
		NewCmdTransform(f, nil),
		NewCmdCatalogs(f, nil),
		NewCmdCheck(f, nil),
		NewCmdQuery(f, nil),
		NewCmdSQL(f, nil),
		NewCmdReport(f, nil),
		NewCmdExport(f, nil),
		NewCmdTemplate(f, nil),
		NewCmdDetect(f, nil),
		NewCmdExtract(f, nil),
		NewCmdEval(f, nil),
		NewCmdGen(f, nil),
	)
	return root
}

// exactArgs is cobra.ExactArgs reporting a usage error.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := cobra.ExactArgs(n)(cmd, args); err != nil {
			return &cmdutil.UsageError{Err: err}
		}
		return nil
	}
}

// UsageLine is the one line a usage error prints under its message: the
// command's use line, or for the root the commands it knows.
func UsageLine(cmd *cobra.Command) string {
	if cmd.HasParent() {
		return cmd.UseLine()
	}
	var names []string
	for _, c := range cmd.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	return cmd.Name() + " COMMAND [flags], COMMAND one of: " + strings.Join(names, " ")
}
