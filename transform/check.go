package transform

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"path"
	"strings"
)

// TestResult is the outcome of one data test: the rows that break its rule.
type TestResult struct {
	Name        string
	Description string
	Columns     []string
	Rows        [][]string
}

// Passed reports whether the test found no offending rows.
func (r TestResult) Passed() bool { return len(r.Rows) == 0 }

// Check runs every data test (transform/tests/*.sql). Each test is a SELECT
// of the rows that break its rule.
func Check(ctx context.Context, db *sql.DB) ([]TestResult, error) {
	var out []TestResult
	for _, f := range list("tests") {
		text, err := sqlFiles.ReadFile(f)
		if err != nil {
			return nil, err
		}
		r := TestResult{Name: strings.TrimSuffix(path.Base(f), ".sql"), Description: description(string(text))}
		rows, err := db.QueryContext(ctx, string(text))
		if err != nil {
			return nil, fmt.Errorf("data test %s: %w (run `fundscope transform` first?)", r.Name, err)
		}
		r.Columns, _ = rows.Columns()
		for rows.Next() {
			vals := make([]any, len(r.Columns))
			ptrs := make([]any, len(vals))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return nil, err
			}
			rec := make([]string, len(vals))
			for i, v := range vals {
				rec[i] = fmt.Sprint(v)
				if v == nil {
					rec[i] = "NULL"
				}
			}
			r.Rows = append(r.Rows, rec)
		}
		rows.Close()
		out = append(out, r)
	}
	return out, nil
}

func description(sqlText string) string {
	sc := bufio.NewScanner(strings.NewReader(sqlText))
	for sc.Scan() {
		if d, ok := strings.CutPrefix(sc.Text(), "-- description:"); ok {
			return strings.TrimSpace(d)
		}
	}
	return ""
}

// Warning is something a transform noticed that names a source line.
type Warning struct {
	File    string
	Line    int
	Message string
}

// Warnings lists the region misprints, funding sources outside the
// reference list and similar notes of the last transform.
func Warnings(ctx context.Context, db *sql.DB) ([]Warning, error) {
	rows, err := db.QueryContext(ctx, `SELECT source_file, coalesce(line, 0), message FROM region_warning
		UNION ALL SELECT source_file, coalesce(line, 0), message FROM funding_warning ORDER BY 1, 2`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Warning
	for rows.Next() {
		var w Warning
		if err := rows.Scan(&w.File, &w.Line, &w.Message); err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, rows.Err()
}
