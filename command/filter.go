package command

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"

	"fundscope/cmdutil"
	"fundscope/queries"
)

// checkFilter refuses a --place, --year or --category that selects nothing
// loaded (exit 2, naming the nearest values), so that a typo is never read
// as "no money"; a name several loaded places share is said on errOut.
func checkFilter(ctx context.Context, db *sql.DB, f queries.Filter, errOut io.Writer) error {
	note, err := f.Check(ctx, db)
	var fe *queries.FilterError
	if errors.As(err, &fe) {
		return &cmdutil.UsageError{Err: err}
	}
	if err != nil {
		return err
	}
	if note != "" {
		fmt.Fprintln(errOut, "note: "+note)
	}
	return nil
}
