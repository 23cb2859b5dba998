package reports

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"time"
)

// WriteXLSX writes the Excel workbook.
func WriteXLSX(ctx context.Context, w io.Writer, db *sql.DB, ds *Dataset, generated time.Time) error {
	return errors.New("not yet")
}
