package ingest

import (
	"bytes"
	"context"
	"database/sql"
	_ "embed"
	"encoding/csv"
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"fundscope/ingest/document"
	"fundscope/ingest/template"
	"fundscope/internal/trace"
	"fundscope/model"
)

//go:embed template_checks.sql
var templateChecksSQL string

// templateControlSQL lists the cells holding a control character; it joins
// the checks only when the file's bytes hold one.
//
//go:embed template_control.sql
var templateControlSQL string

//go:embed template_insert.sql
var templateInsertSQL string

//go:embed template_warnings.sql
var templateWarningsSQL string

// IngestTemplate loads a filled template (.xlsx from `fundscope template`, or
// .csv with the same columns) as one document: DuckDB reads the rows
// (read_csv), the checks of template_checks.sql validate every cell, and
// only when none fails are all its catalogs written, set-based, in one
// transaction. Any invalid cell: nothing is loaded.
func IngestTemplate(ctx context.Context, db *sql.DB, file string, raw []byte, v *template.Vocabulary) ([]*Result, error) {
	return ingestTemplateAt(ctx, db, file, "", raw, nil, true, v)
}

// IngestTemplateFile is IngestTemplate for a file on disk. A plain UTF-8
// CSV is read by DuckDB where it lies: one streaming pass hashes it and looks
// for what needs decoding, and the file is never held in memory.
func IngestTemplateFile(ctx context.Context, db *sql.DB, path string, v *template.Vocabulary) ([]*Result, error) {
	if err := document.CheckRegular(path); err != nil {
		return nil, err
	}
	if !strings.HasSuffix(strings.ToLower(path), ".xlsx") {
		sha := hashFile(path)
		done := trace.Stage("ingest: byte scan")
		scan, err := scanCSVFile(path)
		done()
		if err != nil {
			return nil, err
		}
		if scan.plain && scan.size > 0 {
			return ingestTemplateAt(ctx, db, path, path, nil, sha, scan.control, v)
		}
	}
	raw, err := document.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ingestTemplateAt(ctx, db, path, "", raw, nil, true, v)
}

// ingestTemplateAt loads a template and logs the outcome. sha, when not nil,
// gives the file's sha256 (computed in the background); else it is raw's.
func ingestTemplateAt(ctx context.Context, db *sql.DB, file, path string, raw []byte, sha func() (string, error), control bool, v *template.Vocabulary) ([]*Result, error) {
	started := time.Now()
	if sha == nil {
		h := sha256Hex(raw)
		sha = func() (string, error) { return h, nil }
	}
	res, err := ingestTemplate(ctx, db, file, path, raw, sha, control, v)
	sum, serr := sha()
	if err == nil {
		err = serr
	}
	if err != nil {
		logIngest(ctx, db, started, file, sum, "", "failed", 0, err.Error())
		return nil, err
	}
	logResults(ctx, db, started, file, sum, res)
	return res, nil
}

// ingestTemplate stages and loads a template. path, when set, is a plain
// UTF-8 CSV that DuckDB reads as it is; otherwise raw is converted to one
// first. control says whether the bytes may hold a control character (the
// cell-by-cell check for one runs only then).
func ingestTemplate(ctx context.Context, db *sql.DB, file, path string, raw []byte, shaOf func() (string, error), control bool, v *template.Vocabulary) ([]*Result, error) {
	var metaRow map[string]int
	sheet := "csv"
	isXLSX := strings.HasSuffix(strings.ToLower(file), ".xlsx")
	csvPath := path
	if path == "" {
		tmp, err := os.CreateTemp("", "fundscope-template-*.csv")
		if err != nil {
			return nil, err
		}
		defer os.Remove(tmp.Name())
		if isXLSX {
			sheet = template.SheetItems
			metaRow, err = xlsxToCSV(file, raw, tmp)
		} else {
			err = plainCSV(file, raw, tmp)
		}
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, err
		}
		csvPath = tmp.Name()
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	defer conn.ExecContext(context.Background(), "DROP VIEW IF EXISTS tpl_amounts; DROP VIEW IF EXISTS tpl; DROP TABLE IF EXISTS tpl_raw; DROP TABLE IF EXISTS tpl_write")
	done := trace.Stage("ingest: read_csv into tpl_raw")
	probs, err := stageTemplate(ctx, conn, file, csvPath, sheet)
	done()
	if err != nil {
		return nil, err
	}
	if len(probs) == 0 {
		done := trace.Stage("ingest: template checks")
		probs, err = checkTemplate(ctx, conn, sheet, metaRow, control, v)
		done()
		if err != nil {
			return nil, err
		}
	}
	if len(probs) > 0 {
		return nil, &template.Error{File: file, Problems: probs}
	}
	done = trace.Stage("ingest: catalogs")
	cats, counts, err := templateCatalogs(ctx, conn, file)
	done()
	if err != nil {
		return nil, err
	}
	loaded, err := loadedCatalogs(ctx, conn)
	if err != nil {
		return nil, err
	}
	sha, err := shaOf()
	if err != nil {
		return nil, err
	}
	var results []*Result
	var changed, replaced []string
	for _, c := range cats {
		r := &Result{CatalogID: c.CatalogID, File: file, Items: counts[c.CatalogID]}
		old, ok := loaded[c.CatalogID]
		switch {
		case ok && old[0] == sha && old[1] == fingerprint(c):
			r.Action = "unchanged"
		case ok:
			r.Action = "replaced"
			replaced = append(replaced, c.CatalogID)
		default:
			r.Action = "loaded"
		}
		if r.Action != "unchanged" {
			changed = append(changed, c.CatalogID)
		}
		results = append(results, r)
	}
	if len(changed) == 0 {
		return results, nil
	}
	done = trace.Stage("ingest: write")
	if err := writeTemplate(ctx, conn, file, sha, cats, changed, replaced, v); err != nil {
		return nil, fmt.Errorf("%s: writing to the database: %w (nothing was changed)", file, err)
	}
	done()
	defer trace.Stage("ingest: warnings and reconciliation read back")()
	warnings, err := catalogWarnings(ctx, conn, changed)
	if err != nil {
		return nil, err
	}
	totals, err := reconcileCatalogs(ctx, conn, changed)
	if err != nil {
		return nil, err
	}
	for _, r := range results {
		if r.Action != "unchanged" {
			r.Warnings, r.Totals = warnings[r.CatalogID], totals[r.CatalogID]
		}
	}
	return results, nil
}

// loadedCatalogs gives the sha256 and manifest fingerprint of the loaded
// catalogs that the staged template names.
func loadedCatalogs(ctx context.Context, conn *sql.Conn) (map[string][2]string, error) {
	rows, err := conn.QueryContext(ctx, `SELECT catalog_id, sha256, entry_sha256 FROM catalog
		WHERE catalog_id IN (SELECT DISTINCT catalog_id FROM tpl)`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][2]string{}
	for rows.Next() {
		var id, sha, entry string
		if err := rows.Scan(&id, &sha, &entry); err != nil {
			return nil, err
		}
		out[id] = [2]string{sha, entry}
	}
	return out, rows.Err()
}

// plainCSV writes the CSV as UTF-8 with LF line ends for DuckDB, decoding
// GB18030/UTF-16, dropping a byte-order mark and turning CRLF and bare CR
// (mixed line ends, a CR inside a quoted cell) into LF.
func plainCSV(file string, raw []byte, out *os.File) error {
	if utf8.Valid(raw) && !bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}) && bytes.IndexByte(raw, '\r') < 0 {
		if len(raw) == 0 {
			return &model.ParseError{File: file, Msg: "file is empty"}
		}
		_, err := out.Write(raw)
		return err
	}
	doc, err := document.Decode(file, raw)
	if err != nil {
		return err
	}
	_, err = out.WriteString(strings.Join(doc.Lines, "\n") + "\n")
	return err
}

// xlsxToCSV writes the line-items sheet as CSV with the catalog facts of the
// 目录 sheet on every row and the sheet row number in _row. It returns the
// row of each catalog fact on the 目录 sheet, to report problems there.
func xlsxToCSV(file string, raw []byte, out *os.File) (map[string]int, error) {
	if err := document.CheckZip(file, raw); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(raw), excelize.Options{UnzipSizeLimit: document.MaxUnzipBytes, UnzipXMLSizeLimit: document.MaxMemberInMemory})
	if err != nil {
		return nil, &model.ParseError{File: file, Msg: "not an .xlsx workbook: " + err.Error()}
	}
	defer f.Close()
	catSheet := template.SheetCatalog
	if idx, _ := f.GetSheetIndex(catSheet); idx < 0 {
		if idx, _ := f.GetSheetIndex(template.FormerSheetCatalog); idx >= 0 {
			catSheet = template.FormerSheetCatalog
		}
	}
	catRows, err := f.GetRows(catSheet)
	if err != nil {
		return nil, &model.ParseError{File: file, Msg: fmt.Sprintf("no sheet %q: is this a fundscope template? (fundscope template --out FILE.xlsx)", template.SheetCatalog)}
	}
	meta := map[string]string{}
	metaRow := map[string]int{}
	for i, r := range catRows {
		if len(r) == 0 {
			continue
		}
		if k := headerRe.FindString(strings.TrimSpace(r[0])); k != "" {
			if len(r) > 1 {
				meta[k] = strings.TrimSpace(r[1])
			}
			metaRow[k] = i + 1
		}
	}
	rows, err := f.Rows(template.SheetItems)
	if err != nil {
		return nil, &model.ParseError{File: file, Msg: fmt.Sprintf("no sheet %q", template.SheetItems)}
	}
	defer rows.Close()
	w := csv.NewWriter(out)
	var header []string
	// Stated totals (the 合计 sheet) go into the same CSV: the columns
	// total_label, total_scope, total_low, total_high and amount, and _sheet
	// naming their sheet.
	extras := []string{"total_label", "total_scope", "total_low", "total_high", "_sheet"}
	rowNo := 0
	for rows.Next() {
		rowNo++
		cells, err := rows.Columns()
		if err != nil {
			return nil, err
		}
		if header == nil {
			for _, h := range cells {
				header = append(header, headerRe.FindString(strings.TrimSpace(h)))
			}
			if !slices.Contains(header, "amount") {
				extras = append(extras, "amount")
			}
			var head []string
			for _, f := range template.CatalogFields {
				head = append(head, f.Key)
			}
			head = append(append(head, header...), extras...)
			w.Write(append(head, "_row"))
			continue
		}
		if blankRow(cells) {
			continue
		}
		var rec []string
		for _, f := range template.CatalogFields {
			rec = append(rec, meta[f.Key])
		}
		for i := range header {
			v := ""
			if i < len(cells) {
				v = cells[i]
			}
			rec = append(rec, v)
		}
		rec = append(rec, "", "", "", "", template.SheetItems)
		if len(extras) > 5 {
			rec = append(rec, "")
		}
		w.Write(append(rec, strconv.Itoa(rowNo)))
	}
	if header == nil {
		return nil, &model.ParseError{File: file, Msg: fmt.Sprintf("sheet %q has no header row", template.SheetItems)}
	}
	if totals, err := f.GetRows(template.SheetTotals); err == nil && len(totals) > 0 {
		col := map[string]int{}
		for i, h := range totals[0] {
			col[headerRe.FindString(strings.TrimSpace(h))] = i
		}
		get := func(r []string, key string) string {
			if i, ok := col[key]; ok && i < len(r) {
				return r[i]
			}
			return ""
		}
		for i, r := range totals[1:] {
			if blankRow(r) {
				continue
			}
			var rec []string
			for _, f := range template.CatalogFields {
				rec = append(rec, meta[f.Key])
			}
			for _, h := range header {
				v := ""
				if h == "amount" {
					v = get(r, "amount")
				}
				rec = append(rec, v)
			}
			label := strings.TrimSpace(get(r, "total_label"))
			if label == "" {
				label = "合计"
			}
			rec = append(rec, label, get(r, "total_scope"), get(r, "total_low"), get(r, "total_high"), template.SheetTotals)
			if len(extras) > 5 {
				rec = append(rec, get(r, "amount"))
			}
			w.Write(append(rec, strconv.Itoa(totalsRowBase+i+2)))
		}
	}
	w.Flush()
	return metaRow, w.Error()
}

// stageTemplate reads the CSV into temp table tpl and checks its columns.
func stageTemplate(ctx context.Context, conn *sql.Conn, file, path, sheet string) ([]template.Problem, error) {
	// The rows land in file order (DuckDB preserves insertion order), so a
	// row's rowid gives its CSV row number without a window over the file.
	// Every cell is trimmed once here, so that the checks and the insert
	// read the staged columns as they are.
	_, err := conn.ExecContext(ctx, `CREATE OR REPLACE TEMP TABLE tpl_raw AS
		SELECT trim(COLUMNS(*)) FROM read_csv($path, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`, sql.Named("path", path))
	if err != nil {
		msg := err.Error()
		if i := strings.Index(msg, "\n"); i > 0 {
			msg = msg[:i]
		}
		return nil, &model.ParseError{File: file, Msg: "not a readable template CSV: " + msg}
	}
	rows, err := conn.QueryContext(ctx, `SELECT column_name FROM (DESCRIBE tpl_raw)`)
	if err != nil {
		return nil, err
	}
	have := map[string]bool{}
	for rows.Next() {
		var c string
		rows.Scan(&c)
		have[c] = true
	}
	rows.Close()
	var probs []template.Problem
	for _, f := range append(template.AllFields(), append(template.LegacyFields, template.Field{Key: "_sheet"})...) {
		if have[f.Key] {
			continue
		}
		if f.Required {
			probs = append(probs, template.Problem{Sheet: sheet, Row: 1, Column: f.Key, Reason: "required column is missing from the header"})
			continue
		}
		if _, err := conn.ExecContext(ctx, "ALTER TABLE tpl_raw ADD COLUMN "+f.Key+" VARCHAR"); err != nil {
			return nil, err
		}
	}
	rowNo := "CAST(rowid + 2 AS INTEGER)" // the header is row 1
	if have["_row"] {
		rowNo = "CAST(_row AS INTEGER)" // the sheet row of an .xlsx template
	}
	if _, err := conn.ExecContext(ctx, "CREATE OR REPLACE TEMP VIEW tpl AS SELECT "+rowNo+" AS row_no, * FROM tpl_raw"); err != nil {
		return nil, err
	}
	var n int
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM tpl`).Scan(&n); err != nil {
		return nil, err
	}
	if n == 0 && len(probs) == 0 {
		probs = append(probs, template.Problem{Sheet: sheet, Row: 2, Column: "name", Reason: "the template has no line items"})
	}
	return probs, nil
}

// checkTemplate runs template_checks.sql. On an .xlsx template, a problem
// with a catalog fact is reported once, on the 目录 sheet.
func checkTemplate(ctx context.Context, conn *sql.Conn, sheet string, metaRow map[string]int, control bool, v *template.Vocabulary) ([]template.Problem, error) {
	checks := templateChecksSQL
	if control {
		checks = strings.Replace(checks, "ORDER BY row_no, column_name", "UNION ALL\n"+templateControlSQL+"ORDER BY row_no, column_name", 1)
	}
	rows, err := conn.QueryContext(ctx, checks, sql.Named("categories", v.Categories))
	if err != nil {
		return nil, fmt.Errorf("template checks: %w", err)
	}
	defer rows.Close()
	isCatalog := map[string]bool{}
	for _, f := range template.CatalogFields {
		isCatalog[f.Key] = true
	}
	var probs []template.Problem
	seen := map[template.Problem]bool{}
	for rows.Next() {
		var p template.Problem
		if err := rows.Scan(&p.Row, &p.Column, &p.Reason); err != nil {
			return nil, err
		}
		p.Sheet = sheet
		if p.Row >= totalsRowBase {
			p.Sheet, p.Row = template.SheetTotals, p.Row-totalsRowBase
		}
		if metaRow != nil && isCatalog[p.Column] && p.Reason != "the catalog columns differ from an earlier row of the same catalog_id" {
			p.Sheet, p.Row = template.SheetCatalog, metaRow[p.Column]
		}
		if !seen[p] {
			seen[p] = true
			probs = append(probs, p)
		}
	}
	sort.SliceStable(probs, func(i, j int) bool {
		return probs[i].Sheet > probs[j].Sheet || probs[i].Sheet == probs[j].Sheet && probs[i].Row < probs[j].Row
	})
	return probs, rows.Err()
}

// templateCatalogs reads the catalog facts of the staged rows.
func templateCatalogs(ctx context.Context, conn *sql.Conn, file string) ([]model.Catalog, map[string]int, error) {
	// The cells were trimmed when staged.
	rows, err := conn.QueryContext(ctx, `SELECT catalog_id, any_value(title), any_value(publisher), any_value(province),
			any_value(coalesce(city, '')), any_value(nullif(coalesce(district, ''), '')), any_value(admin_code), any_value(level),
			CAST(any_value(year) AS INTEGER), any_value(nullif(coalesce(published, ''), '')),
			any_value(coalesce(synthetic, '')) IN ('true', '是'),
			CASE any_value(coalesce(phase, '')) WHEN '预算' THEN 'budgeted' WHEN '批复' THEN 'approved' WHEN '中标' THEN 'contracted'
			     WHEN '拨付' THEN 'paid' WHEN '未明' THEN 'unknown' ELSE any_value(coalesce(phase, '')) END,
			count(*) FILTER (WHERE coalesce(total_label, '') = ''), min(row_no)
		FROM tpl GROUP BY catalog_id ORDER BY min(row_no)`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var cats []model.Catalog
	counts := map[string]int{}
	for rows.Next() {
		c := model.Catalog{Layout: template.Layout, File: file, Review: model.ReviewReviewed}
		var district, published sql.NullString
		var n, first int
		if err := rows.Scan(&c.CatalogID, &c.Title, &c.Publisher, &c.Province, &c.City, &district, &c.AdminCode, &c.Level, &c.Year, &published, &c.Synthetic, &c.Phase, &n, &first); err != nil {
			return nil, nil, err
		}
		if district.Valid {
			c.District = &district.String
		}
		if published.Valid {
			c.Published = &published.String
		}
		cats = append(cats, c)
		counts[c.CatalogID] = n
	}
	return cats, counts, rows.Err()
}

// writeTemplate replaces the changed catalogs in one transaction.
func writeTemplate(ctx context.Context, conn *sql.Conn, file, sha string, cats []model.Catalog, changed, replaced []string, v *template.Vocabulary) error {
	return replaceCatalogs(ctx, conn, replaced, changed[0], func() error {
		if _, err := conn.ExecContext(ctx, `CREATE OR REPLACE TEMP TABLE tpl_write AS SELECT unnest(?::VARCHAR[]) AS catalog_id`, changed); err != nil {
			return err
		}
		isChanged := map[string]bool{}
		for _, id := range changed {
			isChanged[id] = true
		}
		var parts []Part
		for _, c := range cats {
			if isChanged[c.CatalogID] {
				parts = append(parts, Part{Catalog: c})
			}
		}
		format := "template csv"
		if strings.HasSuffix(strings.ToLower(file), ".xlsx") {
			format = "template xlsx"
		}
		if err := insertCatalogs(ctx, conn, file, sha, Source{Encoding: "template", Format: format}, parts); err != nil {
			return err
		}
		for i, stmt := range statements(templateInsertSQL) {
			done := trace.Stage(fmt.Sprintf("ingest: write statement %d", i+1))
			var args []any
			if strings.Contains(stmt, "$section") {
				args = append(args, sql.Named("section", template.SheetItems))
			}
			if _, err := conn.ExecContext(ctx, stmt, args...); err != nil {
				return err
			}
			done()
		}
		_, err := conn.ExecContext(ctx, templateWarningsSQL, sql.Named("section", template.SheetItems), sql.Named("funding", v.Funding))
		return err
	})
}

// totalsRowBase is added to the row numbers of the 合计 sheet's rows in the
// staged CSV, so that one row number names one row of either sheet; a
// problem is reported on the sheet and row a person sees.
const totalsRowBase = 1000000

// headerRe finds the column key at the end of a header cell such as "项目名称 name".
var headerRe = regexp.MustCompile(`[a-z_]+$`)

// statements splits a SQL file into its statements (each ends with ";" at
// the end of a line), dropping comment-only parts.
func statements(text string) []string {
	var out []string
	for _, part := range strings.SplitAfter(text, ";\n") {
		body := strings.TrimSpace(part)
		code := false
		for _, l := range strings.Split(body, "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "--") {
				code = true
			}
		}
		if code {
			out = append(out, body)
		}
	}
	return out
}

// catalogWarnings reads back the warnings written for the catalogs, by catalog.
func catalogWarnings(ctx context.Context, conn *sql.Conn, ids []string) (map[string][]model.Warning, error) {
	rows, err := conn.QueryContext(ctx, `SELECT catalog_id, coalesce(line, 0), message, coalesce(location, '') FROM ingest_warning
		WHERE catalog_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY catalog_id, line`, ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]model.Warning{}
	for rows.Next() {
		var id string
		var w model.Warning
		if err := rows.Scan(&id, &w.Line, &w.Message, &w.Location); err != nil {
			return nil, err
		}
		out[id] = append(out[id], w)
	}
	return out, rows.Err()
}

func blankRow(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
