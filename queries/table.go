package queries

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/width"

	"fundscope/money"
)

// Table is a query result held in memory (results here are summaries).
type Table struct {
	Columns []string
	Rows    [][]any
}

// Select runs any SELECT and collects the result.
func Select(ctx context.Context, db *sql.DB, query string, args ...any) (*Table, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	t := &Table{Columns: cols}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		t.Rows = append(t.Rows, vals)
	}
	return t, rows.Err()
}

// Col returns the index of a column, or -1.
func (t *Table) Col(name string) int {
	for i, c := range t.Columns {
		if c == name {
			return i
		}
	}
	return -1
}

// Write prints the table as "table" (for people: *_yuan columns in 万元 with
// exact decimals), "csv" or "json" (for machines: yuan as integers).
func (t *Table) Write(w io.Writer, format string) error {
	if format == "table" || format == "" {
		return t.writeText(w)
	}
	sw, err := newStreamWriter(w, format, t.Columns)
	if err != nil {
		return err
	}
	for _, r := range t.Rows {
		if err := sw.row(r); err != nil {
			return err
		}
	}
	return sw.close()
}

// Stream runs a query and writes its rows as they come, csv or json: for
// results too large to hold (every line item of a national dataset).
func Stream(ctx context.Context, db *sql.DB, w io.Writer, format, query string, args ...any) error {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	sw, err := newStreamWriter(w, format, cols)
	if err != nil {
		return err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		if err := sw.row(vals); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return sw.close()
}

type streamWriter struct {
	format string
	cols   []string
	bw     *bufio.Writer
	cw     *csv.Writer
	n      int
	rec    []string
}

func newStreamWriter(w io.Writer, format string, cols []string) (*streamWriter, error) {
	sw := &streamWriter{format: format, cols: cols, bw: bufio.NewWriterSize(w, 1<<16), rec: make([]string, len(cols))}
	switch format {
	case "csv":
		sw.cw = csv.NewWriter(sw.bw)
		return sw, sw.cw.Write(cols)
	case "json":
		_, err := sw.bw.WriteString("[")
		return sw, err
	}
	return nil, fmt.Errorf("unknown format %q: use table, csv or json", format)
}

func (sw *streamWriter) row(r []any) error {
	if sw.cw != nil {
		for i, v := range r {
			sw.rec[i] = plain(v)
		}
		return sw.cw.Write(sw.rec)
	}
	m := make(map[string]any, len(r))
	for i, v := range r {
		m[sw.cols[i]] = jsonValue(v)
	}
	b, err := marshalNoEscape(m)
	if err != nil {
		return err
	}
	sep := ",\n  "
	if sw.n == 0 {
		sep = "\n  "
	}
	sw.n++
	sw.bw.WriteString(sep)
	_, err = sw.bw.Write(b)
	return err
}

func (sw *streamWriter) close() error {
	if sw.cw != nil {
		sw.cw.Flush()
		if err := sw.cw.Error(); err != nil {
			return err
		}
	} else {
		end := "\n]\n"
		if sw.n == 0 {
			end = "]\n"
		}
		sw.bw.WriteString(end)
	}
	return sw.bw.Flush()
}

func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

func (t *Table) writeText(w io.Writer) error {
	head := make([]string, len(t.Columns))
	money := make([]bool, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = c
		if strings.HasSuffix(c, "_yuan") {
			money[i] = true
			head[i] = strings.TrimSuffix(c, "_yuan") + " (万元)"
		}
	}
	cells := [][]string{head}
	for _, r := range t.Rows {
		line := make([]string, len(r))
		for i, v := range r {
			if money[i] {
				line[i] = wan(v)
			} else {
				line[i] = plain(v)
			}
			line[i] = strings.ReplaceAll(line[i], "\n", " ")
		}
		cells = append(cells, line)
	}
	widths := make([]int, len(t.Columns))
	for _, r := range cells {
		for i, c := range r {
			widths[i] = max(widths[i], DisplayWidth(c))
		}
	}
	for ri, r := range cells {
		var b strings.Builder
		for i, c := range r {
			pad := widths[i] - DisplayWidth(c)
			if money[i] || isNumeric(t.Rows, ri-1, i) {
				b.WriteString(strings.Repeat(" ", pad) + c)
			} else {
				b.WriteString(c + strings.Repeat(" ", pad))
			}
			if i < len(r)-1 {
				b.WriteString("  ")
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
		if ri == 0 {
			var sep []string
			for _, wd := range widths {
				sep = append(sep, strings.Repeat("-", wd))
			}
			fmt.Fprintln(w, strings.Join(sep, "  "))
		}
	}
	fmt.Fprintf(w, "(%d rows)\n", len(t.Rows))
	return nil
}

func isNumeric(rows [][]any, r, c int) bool {
	if r < 0 {
		return false
	}
	switch v := rows[r][c].(type) {
	case int64, int32, int, float64, *big.Int:
		return true
	case fmt.Stringer:
		return isDecimal(v.String())
	}
	return false
}

// DisplayWidth counts East Asian wide characters as two columns.
func DisplayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	_ = utf8.RuneError
	return n
}

// wan prints an integer number of yuan as 万元 with exact decimals.
func wan(v any) string {
	y, ok := AsInt64(v)
	if !ok {
		return plain(v)
	}
	return money.FormatWan(y)
}

// AsInt64 reads an integer column value (BIGINT, INTEGER or HUGEINT).
func AsInt64(v any) (int64, bool) {
	switch x := v.(type) {
	case int64:
		return x, true
	case int32:
		return int64(x), true
	case int:
		return int64(x), true
	case *big.Int:
		if x.IsInt64() {
			return x.Int64(), true
		}
	}
	return 0, false
}

func plain(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 {
			return x.Format("2006-01-02")
		}
		return x.Format(time.RFC3339)
	case []byte:
		return string(x)
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

func jsonValue(v any) any {
	switch x := v.(type) {
	case time.Time:
		return plain(x)
	case *big.Int:
		return json.Number(x.String())
	case []byte:
		return string(x)
	}
	if s, ok := v.(fmt.Stringer); ok {
		if isDecimal(s.String()) {
			return json.Number(s.String())
		}
		return s.String()
	}
	return v
}

func isDecimal(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil && s != "" && !strings.ContainsAny(s, "eEnN")
}
