package export

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
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

// csvOptions: RFC 4180 quoting, NULL as an empty field, dates as
// YYYY-MM-DD and timestamps (stored in UTC) as RFC 3339.
const csvOptions = `FORMAT csv, HEADER, DELIMITER ',', QUOTE '"', ESCAPE '"', NULLSTR '', DATEFORMAT '%Y-%m-%d', TIMESTAMPFORMAT '%Y-%m-%dT%H:%M:%SZ'`

// writeCSVFile streams the rows through DuckDB's own CSV writer (COPY), in
// parallel and never row by row through Go. For Excel, text cells that
// would be taken for a formula are prefixed in SQL, and the byte-order mark
// goes before DuckDB's output.
func writeCSVFile(ctx context.Context, conn *sql.Conn, staged, path string, bom bool) error {
	query := "SELECT * FROM " + staged
	if bom {
		var err error
		if query, err = formulaSafeQuery(ctx, conn, staged); err != nil {
			return err
		}
	}
	target := path
	if bom {
		target = path + ".body"
		defer os.Remove(target)
	}
	if err := execSQL(ctx, conn, "COPY ("+query+") TO "+literal(target)+" ("+csvOptions+")"); err != nil {
		return err
	}
	if !bom {
		return nil
	}
	return prependBOM(target, path)
}

// formulaSafeQuery selects every column of staged, text columns through
// formula_safe: text beginning with = + - @, a tab or a carriage return
// gets a leading apostrophe, which Excel shows as text and hides (OWASP CSV
// injection). Only for --excel-bom output, which is meant to be opened in
// Excel; plain CSV keeps every value exactly as loaded.
func formulaSafeQuery(ctx context.Context, conn *sql.Conn, staged string) (string, error) {
	rows, err := conn.QueryContext(ctx, "SELECT column_name, column_type FROM (DESCRIBE "+staged+")")
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var name, typ string
		if err := rows.Scan(&name, &typ); err != nil {
			return "", err
		}
		id := `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
		if typ == "VARCHAR" {
			cols = append(cols, fmt.Sprintf(`CASE WHEN regexp_matches(%s, '^[=+\-@\t\r]') THEN '''' || %s ELSE %s END AS %s`, id, id, id, id))
		} else {
			cols = append(cols, id)
		}
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	return "SELECT " + strings.Join(cols, ", ") + " FROM " + staged, nil
}

// prependBOM writes a UTF-8 byte-order mark and then the body file to path.
func prependBOM(body, path string) error {
	in, err := os.Open(body)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := out.WriteString("\ufeff"); err != nil {
		out.Close()
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
