package export

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"time"
)

func init() {
	Register(Format{Name: "csv", MediaType: "text/csv", Write: writeCSV,
		Help: "UTF-8 CSV with a header row; NULL is an empty field (--excel-bom for Excel: a BOM, and text starting with = + - @ prefixed with an apostrophe so that it is never a formula)"})
}

// writeCSV writes a staged table as UTF-8 CSV with a header; NULL is an empty field.
func writeCSV(ctx context.Context, conn *sql.Conn, staged, table, dir string, o Options) ([]string, error) {
	name := table + ".csv"
	return []string{name}, writeCSVFile(ctx, conn, staged, filepath.Join(dir, name), o.ExcelBOM)
}

func writeCSVFile(ctx context.Context, conn *sql.Conn, staged, path string, bom bool) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<20)
	if bom {
		bw.WriteString("\ufeff")
	}
	rows, err := conn.QueryContext(ctx, "SELECT * FROM "+staged)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	w := csv.NewWriter(bw)
	w.Write(cols)
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	rec := make([]string, len(cols))
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		for i, v := range vals {
			rec[i] = csvValue(v)
			if _, isText := v.(string); isText && bom {
				rec[i] = formulaSafe(rec[i])
			}
		}
		if err := w.Write(rec); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return f.Close()
}

func csvValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 && x.Nanosecond() == 0 {
			return x.Format("2006-01-02")
		}
		return x.UTC().Format(time.RFC3339)
	case *big.Int:
		return x.String()
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

// formulaSafe keeps a text cell from being taken for a formula by a
// spreadsheet (OWASP CSV injection): text beginning with = + - @, a tab or a
// carriage return gets a leading apostrophe, which Excel shows as text and
// hides. Only for --excel-bom output, which is meant to be opened in Excel;
// plain CSV keeps every value exactly as loaded.
func formulaSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
