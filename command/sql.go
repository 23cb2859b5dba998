package command

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"fundscope/cmdutil"
	"fundscope/money"
	"fundscope/queries"
	"fundscope/store"
)

// SQLOptions are the inputs of `fundscope sql`.
type SQLOptions struct {
	Factory   *cmdutil.Factory
	Ctx       context.Context
	Statement string
	Format    string
	Timeout   time.Duration
}

// NewCmdSQL builds `fundscope sql`.
func NewCmdSQL(f *cmdutil.Factory, runF func(*SQLOptions) error) *cobra.Command {
	opts := &SQLOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   `sql "SELECT …"`,
		Short: "Run ad-hoc read-only SQL against the database",
		Long: `Run one read-only statement (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN).
The database is opened read-only with external access off: statements that
write, ATTACH other databases, COPY to files, read local files or INSTALL
extensions are refused. Tables: catalog, line_item, stated_total,
reconciliation, clean_line_item, mart_* (see README).`,
		Example: `  fundscope sql "SELECT city, sum(amount_yuan) FROM clean_line_item GROUP BY city"
  fundscope sql "DESCRIBE clean_line_item" --format csv
  fundscope sql - < long-query.sql     # the statement from standard input (up to 16 MB)`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Ctx = cmd.Context()
			stmt := args[0]
			if stmt == "-" {
				b, err := io.ReadAll(io.LimitReader(f.IO.In, maxStatement+1))
				if err != nil {
					return err
				}
				if len(b) > maxStatement {
					return cmdutil.Usagef("the statement on standard input is longer than %d MB", maxStatement>>20)
				}
				stmt = string(b)
			}
			opts.Statement = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(stmt), ";"))
			if err := checkFormat(opts.Format); err != nil {
				return err
			}
			if err := checkReadOnly(opts.Statement); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return sqlRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "table", "table (*_yuan columns in 万元), csv or json")
	cmd.Flags().DurationVar(&opts.Timeout, "timeout", 0, "stop the statement after this long (e.g. 30s); 0 = no limit (Ctrl-C always stops it)")
	return cmd
}

// maxStatement bounds a statement read from standard input.
const maxStatement = 16 << 20

var readOnlyStart = regexp.MustCompile(`(?is)^\s*(SELECT|WITH|FROM|VALUES|TABLE|DESCRIBE|SHOW|SUMMARIZE|EXPLAIN)\b`)

var explainPrefix = regexp.MustCompile(`(?is)^\s*EXPLAIN\s+(ANALY[SZ]E\s+)?`)

// checkReadOnly refuses anything but one read-only statement before the
// database is opened (the sandboxed connection refuses writes as well).
// EXPLAIN ANALYZE runs its statement, so that statement is checked too.
func checkReadOnly(stmt string) error {
	if strings.Contains(stmt, ";") {
		return cmdutil.Usagef("one statement at a time, please (found ';')")
	}
	if m := explainPrefix.FindString(stmt); m != "" {
		if inner := stmt[len(m):]; !readOnlyStart.MatchString(inner) || explainPrefix.MatchString(inner) {
			return cmdutil.Usagef("EXPLAIN runs only over a read-only statement; got %q", money.Clip(inner, 40))
		}
		return nil
	}
	if !readOnlyStart.MatchString(stmt) {
		return cmdutil.Usagef("only read-only statements are allowed (SELECT, WITH, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN); got %q", money.Clip(stmt, 40))
	}
	return nil
}

func sqlRun(opts *SQLOptions) error {
	ctx, cancel := withTimeout(opts.Ctx, opts.Timeout)
	defer cancel()
	err := sqlExec(ctx, opts)
	return timedOut(ctx, opts.Timeout, err)
}

func sqlExec(ctx context.Context, opts *SQLOptions) error {
	db, err := opts.Factory.DB(ctx, store.Sandboxed)
	if err != nil {
		return err
	}
	defer db.Close()
	var stale *store.StaleError
	if err := store.CheckFresh(ctx, db, opts.Factory.DBPath); errors.As(err, &stale) {
		fmt.Fprintln(opts.Factory.IO.ErrOut, "warning: "+err.Error()+"; clean_line_item and the marts do not show the latest loads")
	} else if err != nil {
		return err
	}
	out := opts.Factory.IO.Out
	if opts.Format != "table" {
		return refused(queries.Stream(ctx, db, out, opts.Format, opts.Statement))
	}
	t, err := queries.Select(ctx, db, opts.Statement)
	if err != nil {
		return refused(err)
	}
	return t.Write(out, opts.Format)
}

// refused explains the sandbox's refusals in plain words.
func refused(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	if strings.Contains(msg, "disabled by configuration") || strings.Contains(msg, "read-only mode") || strings.Contains(msg, "READ_ONLY") {
		first, _, _ := strings.Cut(msg, "\n")
		return fmt.Errorf("refused: fundscope sql and query only read the database; they cannot write, read or write files, attach databases or install extensions (%s)", first)
	}
	return err
}

// withTimeout bounds ctx by d when d > 0.
func withTimeout(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	if d > 0 {
		return context.WithTimeout(ctx, d)
	}
	return context.WithCancel(ctx)
}

// timedOut says plainly that --timeout stopped the statement.
func timedOut(ctx context.Context, d time.Duration, err error) error {
	if err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("stopped after %s (--timeout); narrow the query or raise --timeout", d)
	}
	return err
}
