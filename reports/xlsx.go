package reports

import (
	"archive/zip"
	"compress/flate"
	"context"
	"database/sql"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/xuri/excelize/v2"

	"fundscope/internal/trace"
	"fundscope/queries"

	"fundscope/money"

	"fundscope/tables"
)

// Sheet names of the workbook.
const (
	SheetSummary    = "概览 Summary"
	SheetDetail     = "明细 Line items"
	SheetDictionary = "数据字典 Dictionary"
)

// excelMaxRows is the last row number Excel can hold; the detail sheet
// continues on a further sheet beyond it.
var excelMaxRows = 1048576

// DetailLimit is the most line items the 明细 sheet lists, at every size: a
// selection of more lists its DetailLimit largest items, and a note on the
// sheet and on the summary points to `fundscope export` for the rest (a
// workbook of a million rows is neither quick to write nor usable; at this
// cap the workbook stays a few MB and is written in about a second). 0 means
// no limit.
var DetailLimit = 10000

// detailOrder is the order of the 明细 sheet: as the catalogs list their
// items, or, when the sheet holds only the largest, largest first.
const (
	detailOrderAll     = "year, place, catalog_id, line_start, item_id"
	detailOrderLargest = "amount_yuan DESC NULLS LAST, item_id"
)

// detailNote says what a capped 明细 sheet leaves out; "" when it lists every item.
func detailNote(items int64) string {
	if DetailLimit <= 0 || items <= int64(DetailLimit) {
		return ""
	}
	return fmt.Sprintf("明细表列出金额最大的 %d 个条目（共 %d 个）；完整明细请用 fundscope export 导出（CSV、Parquet、Arrow、JSON Lines）。"+
		"The 明细 sheet lists the %d largest of %d line items; export them all with fundscope export --format csv|parquet|arrow|jsonl (or fundscope report --detail-limit 0).",
		DetailLimit, items, DetailLimit, items)
}

// fastZip compresses the workbook's parts at deflate's fastest level: about
// a third of the time of the default level, for a file some 15% larger.
func fastZip(w io.Writer) excelize.ZipWriter { return zipAt(w, flate.BestSpeed) }

// smallZip compresses them at deflate's default level, for a workbook whose
// sheets hold more than compactRows rows: at ten million items (94,000 rows
// of place × year × category beside the 明细 sheet) the fastest level wrote
// 13.2 MB, the default 9.9 MB, for a second more.
func smallZip(w io.Writer) excelize.ZipWriter { return zipAt(w, flate.DefaultCompression) }

// compactRows is the most rows the section sheets hold together before the
// workbook is compressed at the default level (1M items: 31,600 rows, 6.7 MB
// at the fastest level).
var compactRows = 50000

func zipAt(w io.Writer, level int) excelize.ZipWriter {
	z := zip.NewWriter(w)
	z.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, level)
	})
	return z
}

// column kinds of a sheet written from a query result.
const (
	kText = iota
	kInt
	kWan // *_yuan integer shown in 万元
	kPct
	kBool
	kPlain      // an integer shown without thousands separators (years, line numbers)
	kStatus     // a reconciliation status ("ok n/n", "MISMATCH …"), flagged in the page
	kAmountKind // fixed | cap | actuals | unknown, shown with its Chinese term
	kPhase      // budgeted | approved | contracted | paid | unknown, with its Chinese term
	kLevel      // national … street, with its Chinese term
	kBasis      // firm | cap | actuals: what a share or chart is of
)

type column struct {
	field, header string
	kind          int
}

type styles struct {
	header, title, wan, integer, pct, date, wrap int
}

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	font := "Noto Sans CJK SC"
	mk := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		if st.Font == nil {
			st.Font = &excelize.Font{Family: font, Size: 10}
		}
		var id int
		id, err = f.NewStyle(st)
		return id
	}
	wanFmt, pctFmt, dateFmt := "#,##0.00##", "0.00", "yyyy-mm-dd"
	s.header = mk(&excelize.Style{Font: &excelize.Font{Family: font, Size: 10, Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"DCE6F1"}, Pattern: 1},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	s.title = mk(&excelize.Style{Font: &excelize.Font{Family: font, Size: 16, Bold: true}})
	s.wan = mk(&excelize.Style{CustomNumFmt: &wanFmt})
	s.integer = mk(&excelize.Style{NumFmt: 3}) // #,##0
	s.pct = mk(&excelize.Style{CustomNumFmt: &pctFmt})
	s.date = mk(&excelize.Style{CustomNumFmt: &dateFmt})
	s.wrap = mk(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	return s, err
}

// WriteXLSX writes the workbook: summary with native charts, the marts, every
// line item (streamed), the reconciliation and the data dictionary.
func WriteXLSX(ctx context.Context, w io.Writer, db *sql.DB, ds *Dataset, generated time.Time) error {
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(fastZip)
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", SheetSummary); err != nil {
		return err
	}
	doneSummary := trace.Stage("xlsx: sheet " + SheetSummary)
	if err := writeSummary(f, st, ds, generated); err != nil {
		return fmt.Errorf("sheet %s: %w", SheetSummary, err)
	}
	doneSummary()
	rows := 0
	for _, sec := range Sections() {
		if _, err := f.NewSheet(sec.Sheet); err != nil {
			return err
		}
		rows += len(ds.Table(sec.Query).Rows)
		done := trace.Stage("xlsx: sheet " + sec.Query)
		if err := writeSection(f, st, sec, ds.Table(sec.Query)); err != nil {
			return fmt.Errorf("sheet %s: %w", sec.Sheet, err)
		}
		done()
	}
	done := trace.Stage("xlsx: sheet " + SheetDetail)
	if err := writeDetail(ctx, f, st, db, ds.Filter, ds.Summary().Items); err != nil {
		return fmt.Errorf("sheet %s: %w", SheetDetail, err)
	}
	done()
	if err := writeDictionary(f, st); err != nil {
		return fmt.Errorf("sheet %s: %w", SheetDictionary, err)
	}
	if err := printReady(f); err != nil {
		return err
	}
	if rows > compactRows {
		f.SetZipWriter(smallZip)
	}
	// The summary, the first sheet, is the active one from NewFile on
	// (SetActiveSheet would read every streamed sheet back to unselect it).
	defer trace.Stage("xlsx: zip and write")()
	return f.Write(w)
}

// printReady sets every sheet to print as an analyst would hand it on: A4
// landscape, fitted to one page wide, and on every sheet but the summary
// (which holds several tables) the header row repeated on each page.
func printReady(f *excelize.File) error {
	for _, sheet := range f.GetSheetList() {
		if err := printSetup(f, sheet); err != nil {
			return err
		}
	}
	return nil
}

// printSetup is printReady for one sheet. A sheet written by a stream writer
// gets it before the writer starts: the writer copies it then.
func printSetup(f *excelize.File, sheet string) error {
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" && d.Scope == sheet {
			return nil // set up already, before a stream writer
		}
	}
	a4, landscape, one, any := 9, "landscape", 1, 0
	fit := true
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &any}); err != nil {
		return fmt.Errorf("sheet %s: %w", sheet, err)
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return fmt.Errorf("sheet %s: %w", sheet, err)
	}
	if sheet == SheetSummary {
		return nil
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!$1:$1", Scope: sheet}); err != nil {
		return fmt.Errorf("sheet %s: %w", sheet, err)
	}
	return nil
}

// sheetChartRows is the most rows a sheet's chart draws (the table has them all).
const sheetChartRows = 40

// writeSheetChart puts the section's chart beside its table: a label column
// right of the table (the bars' names), and a bar chart of the first
// sheetChartRows rows of the Value column next to it. The sheet is being
// written by sw: the label column comes with its rows (labels), and the
// chart is added before the writer is flushed.
func sheetChartLabels(sec Section, t *queries.Table) ([]string, error) {
	sc := sec.SheetChart
	if sc == nil || len(t.Rows) == 0 {
		return nil, nil
	}
	if chartValueCol(sec) < 0 {
		return nil, fmt.Errorf("chart column %s is not a column of the table", sc.Value)
	}
	labels := make([]string, len(t.Rows))
	for r := range t.Rows {
		var parts []string
		for _, l := range sc.Label {
			if v := text(value(t, r, l)); v != "" {
				parts = append(parts, termText(kPhase, v))
			}
		}
		labels[r] = strings.Join(parts, " ")
	}
	return labels, nil
}

func chartValueCol(sec Section) int {
	for i, c := range sec.Columns {
		if c.field == sec.SheetChart.Value {
			return i + 1
		}
	}
	return -1
}

const chartLabelHeader = "图表标签 Chart label"

func addSheetChart(f *excelize.File, sec Section, rows int) error {
	labelCol := len(sec.Columns) + 1
	lc, _ := excelize.ColumnNumberToName(labelCol)
	vc, _ := excelize.ColumnNumberToName(chartValueCol(sec))
	n := min(rows, sheetChartRows)
	ref := func(col string) string { return fmt.Sprintf("'%s'!$%s$2:$%s$%d", sec.Sheet, col, col, n+1) }
	anchor, _ := excelize.CoordinatesToCellName(labelCol+2, 2)
	title := sec.TitleZH + " " + sec.TitleEN
	if rows > n {
		title += fmt.Sprintf("（前 %d 行 first %d rows）", n, n)
	}
	return f.AddChart(sec.Sheet, anchor, &excelize.Chart{
		Type:      excelize.Bar,
		Series:    []excelize.ChartSeries{{Name: fmt.Sprintf("'%s'!$%s$1", sec.Sheet, vc), Categories: ref(lc), Values: ref(vc)}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title}}},
		Legend:    excelize.ChartLegend{Position: "none"},
		Dimension: excelize.ChartDimension{Width: 560, Height: uint(120 + 18*n)},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		XAxis:     excelize.ChartAxis{ReverseOrder: true},
	})
}

// writeSection writes a section's sheet: its table, and its chart with the
// label column beside it.
func writeSection(f *excelize.File, st styles, sec Section, t *queries.Table) error {
	labels, err := sheetChartLabels(sec, t)
	if err != nil {
		return err
	}
	var chart func() error
	if labels != nil {
		chart = func() error { return addSheetChart(f, sec, len(t.Rows)) }
	}
	return streamTable(f, st, sec.Sheet, t, sec.Columns, labels, chart)
}

// streamTable writes a sheet of its own through a stream writer (cell by
// cell, a sheet of ten thousand rows took a second; streamed, a tenth): the
// header frozen, the rows an Excel table with filter buttons, then, when
// labels is not nil, a column of chart labels right of the table, and
// before the writer is flushed, whatever else draws on the sheet (chart).
func streamTable(f *excelize.File, st styles, sheet string, t *queries.Table, cols []column, labels []string, chart func() error) error {
	idx := make([]int, len(cols))
	widths := make([]int, len(cols))
	for i, c := range cols {
		if idx[i] = t.Col(c.field); idx[i] < 0 {
			return fmt.Errorf("query result has no column %s", c.field)
		}
		widths[i] = queries.DisplayWidth(c.header)
	}
	rows := make([][]any, len(t.Rows))
	for r := range t.Rows {
		cells := make([]any, len(cols), len(cols)+1)
		for i, c := range cols {
			val, style := cellValue(t.Rows[r][idx[i]], c.kind, st)
			if val == nil {
				continue
			}
			cells[i] = excelize.Cell{StyleID: style, Value: val}
			widths[i] = max(widths[i], queries.DisplayWidth(fmt.Sprint(val)))
		}
		if labels != nil {
			cells = append(cells, labels[r])
		}
		rows[r] = cells
	}
	if err := printSetup(f, sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, colWidth(wd)); err != nil {
			return err
		}
	}
	head := make([]any, len(cols), len(cols)+1)
	for i, c := range cols {
		head[i] = excelize.Cell{StyleID: st.header, Value: c.header}
	}
	if labels != nil {
		wd := 12
		for _, l := range labels {
			wd = max(wd, queries.DisplayWidth(l))
		}
		if err := sw.SetColWidth(len(cols)+1, len(cols)+1, colWidth(wd)); err != nil {
			return err
		}
		head = append(head, chartLabelHeader)
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	for r, cells := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(cell, cells); err != nil {
			return err
		}
	}
	lastCell, _ := excelize.CoordinatesToCellName(len(cols), max(len(rows)+1, 2))
	idxSheet, _ := f.GetSheetIndex(sheet)
	name := fmt.Sprintf("sheet%d_table", idxSheet+1) // Excel table names are ASCII and unique in the workbook
	if err := sw.AddTable(&excelize.Table{Range: "A1:" + lastCell, Name: name, StyleName: "TableStyleLight1"}); err != nil {
		return err
	}
	if chart != nil {
		if err := chart(); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// writeTable writes a header and the rows of t from row `top` on.
func writeTable(f *excelize.File, st styles, sheet string, top int, t *queries.Table, cols []column, freeze bool) error {
	widths := make([]int, len(cols))
	for i, c := range cols {
		cell, _ := excelize.CoordinatesToCellName(i+1, top)
		if err := f.SetCellStr(sheet, cell, c.header); err != nil {
			return err
		}
		widths[i] = queries.DisplayWidth(c.header)
		if t.Col(c.field) < 0 {
			return fmt.Errorf("query result has no column %s", c.field)
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(cols), top)
	first, _ := excelize.CoordinatesToCellName(1, top)
	f.SetCellStyle(sheet, first, last, st.header)
	for r := range t.Rows {
		for i, c := range cols {
			cell, _ := excelize.CoordinatesToCellName(i+1, top+1+r)
			v := t.Rows[r][t.Col(c.field)]
			val, style := cellValue(v, c.kind, st)
			if val == nil {
				continue
			}
			if err := f.SetCellValue(sheet, cell, val); err != nil {
				return err
			}
			if style != 0 {
				f.SetCellStyle(sheet, cell, cell, style)
			}
			widths[i] = max(widths[i], queries.DisplayWidth(fmt.Sprint(val)))
		}
	}
	for i, wd := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		f.SetColWidth(sheet, col, col, colWidth(wd))
	}
	if freeze {
		lastCell, _ := excelize.CoordinatesToCellName(len(cols), top+len(t.Rows))
		if err := f.AutoFilter(sheet, first+":"+lastCell, nil); err != nil {
			return err
		}
		return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: top, TopLeftCell: "A" + strconv.Itoa(top+1), ActivePane: "bottomLeft"})
	}
	return nil
}

// cellValue converts a query value for a cell of the given kind.
func cellValue(v any, kind int, st styles) (any, int) {
	if v == nil {
		return nil, 0
	}
	switch kind {
	case kWan:
		if y, ok := queries.AsInt64(v); ok {
			return wanNumber(y), st.wan
		}
	case kInt:
		if n, ok := queries.AsInt64(v); ok {
			return n, st.integer
		}
	case kPlain:
		if n, ok := queries.AsInt64(v); ok {
			return n, 0
		}
	case kPct:
		if d, ok := v.(duckdb.Decimal); ok {
			return d.Float64(), st.pct
		}
	case kBool:
		if b, ok := v.(bool); ok {
			if b {
				return "是 yes", 0
			}
			return "否 NO", 0
		}
	case kAmountKind, kPhase, kLevel, kBasis:
		return termText(kind, text(v)), 0
	}
	return textValue(v), 0
}

// wanNumber is yuan as a number of 万元: the exact decimal text, parsed once.
func wanNumber(y int64) float64 {
	v, _ := strconv.ParseFloat(money.FormatWan(y), 64)
	return v
}

// textValue makes any value plain cell text. excelize stores strings as text,
// never as formulas, so a name such as "=HYPERLINK(…)" stays a name.
func textValue(v any) string {
	s := fmt.Sprint(v)
	if t, ok := v.(time.Time); ok {
		s = t.Format("2006-01-02")
	}
	if r := []rune(s); len(r) > 32000 { // Excel's cell limit is 32,767 characters
		s = string(r[:32000]) + "…"
	}
	return s
}

func colWidth(displayWidth int) float64 {
	w := float64(displayWidth) + 2
	if w > 60 {
		w = 60
	}
	if w < 8 {
		w = 8
	}
	return w
}

func writeSummary(f *excelize.File, st styles, ds *Dataset, generated time.Time) error {
	s := SheetSummary
	f.SetCellStr(s, "A1", "fundscope 政府购买社会组织服务资金分析 Funding allocation report")
	f.SetCellStyle(s, "A1", "A1", st.title)
	f.SetCellStr(s, "A2", scope(ds.Filter)+" · 生成于 Generated "+generated.Format("2006-01-02 15:04")+" · 单位：万元 (10,000 yuan)")
	h := ds.Table(headlineQuery)
	sum := ds.Summary()
	type fig struct {
		label string
		v     any
		kind  int
	}
	var figures []fig
	for _, r := range sum.Phases {
		phase := termText(kPhase, text(value(h, r, "phase")))
		figures = append(figures,
			fig{"资金总额（万元）Total · " + phase, value(h, r, "total_yuan"), kWan},
			fig{"另有最高资助（万元，未计入合计）Caps, not in the total · " + phase, value(h, r, "cap_yuan"), kWan},
			fig{"另有按实结算（万元，未计入合计）Actual cost, not in the total · " + phase, value(h, r, "actuals_yuan"), kWan})
	}
	places := 0
	for _, n := range sum.Places {
		places += n
	}
	figures = append(figures,
		fig{"项目条目 Line items", sum.Items, kInt},
		fig{"未列金额条目 Items without an amount", sum.UnknownAmount, kInt},
		fig{"目录 Catalogs", int64(sum.Catalogs), kInt},
		fig{"地区 Places (" + sum.PlacesText() + ")", int64(places), kInt},
		fig{"年份 Years", int64(sum.Years), kPlain})
	if note := detailNote(sum.Items); note != "" {
		figures = append(figures, fig{"明细表 Line items sheet", note, kText})
	}
	for i, fg := range figures {
		row := 4 + i
		f.SetCellStr(s, fmt.Sprintf("A%d", row), fg.label)
		v, style := cellValue(fg.v, fg.kind, st)
		if v != nil {
			f.SetCellValue(s, fmt.Sprintf("B%d", row), v)
			if style != 0 {
				f.SetCellStyle(s, fmt.Sprintf("B%d", row), fmt.Sprintf("B%d", row), style)
			}
		}
		if fg.kind == kText { // a sentence: wrapped within the tables' columns
			f.MergeCell(s, fmt.Sprintf("B%d", row), fmt.Sprintf("F%d", row))
			f.SetCellStyle(s, fmt.Sprintf("A%d", row), fmt.Sprintf("F%d", row), st.wrap)
			f.SetRowHeight(s, row, 52)
		}
	}
	// The footnote wraps inside the columns of the tables below it (a long
	// unwrapped line would widen the printed page until nothing is legible).
	note := 4 + len(figures)
	f.SetCellStr(s, fmt.Sprintf("A%d", note), hierarchyNote)
	f.MergeCell(s, fmt.Sprintf("A%d", note), fmt.Sprintf("F%d", note))
	f.SetCellStyle(s, fmt.Sprintf("A%d", note), fmt.Sprintf("F%d", note), st.wrap)
	f.SetRowHeight(s, note, 90)
	// Totals by place and year, with a column chart of firm amounts and caps side by side.
	top := 4 + len(figures) + 3
	f.SetCellStr(s, fmt.Sprintf("A%d", top-1), "各地区历年合计 Totals by place and year")
	placeYear := ds.Table("totals_by_place_year")
	cy := &queries.Table{Columns: append([]string{"label"}, placeYear.Columns...)}
	for r := range placeYear.Rows {
		label := fmt.Sprintf("%v %v", value(placeYear, r, "place"), value(placeYear, r, "year"))
		if len(sum.Phases) > 1 {
			label += " " + termText(kPhase, text(value(placeYear, r, "phase")))
		}
		cy.Rows = append(cy.Rows, append([]any{label}, placeYear.Rows[r]...))
	}
	if err := writeTable(f, st, s, top, cy, []column{{"label", "地区·年份 Place·year", kText}, {"total_yuan", "合计（万元）Total", kWan},
		{"cap_yuan", "最高资助（万元）Caps", kWan}, {"items", "条目 Items", kInt}, {"items_unknown_amount", "未列金额条目 Unknown", kInt},
		{"actuals_yuan", "按实结算（万元）Actual cost", kWan}}, false); err != nil {
		return err
	}
	n := len(cy.Rows)
	ref := func(col string, from, to int) string { return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", s, col, from, col, to) }
	err := f.AddChart(s, "H4", &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{
			{Name: fmt.Sprintf("'%s'!$B$%d", s, top), Categories: ref("A", top+1, top+n), Values: ref("B", top+1, top+n)},
			{Name: fmt.Sprintf("'%s'!$C$%d", s, top), Categories: ref("A", top+1, top+n), Values: ref("C", top+1, top+n)},
		},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "各地区历年资金（万元）：合计与最高资助分列 Total and caps by place and year"}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: 640, Height: 320},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true},
	})
	if err != nil {
		return err
	}
	// Category mix: categories down, cities across (shares from the category_mix query).
	mixTop := top + n + 3
	f.SetCellStr(s, fmt.Sprintf("A%d", mixTop-1), "各地区类别构成（占比 %）Category mix per place (% of the place's firm total, or of its caps where it has none)")
	cm := ds.Table("category_mix")
	mixLabel := func(r int) string {
		l := text(value(cm, r, "place"))
		if b := text(value(cm, r, "basis")); b != "firm" {
			l += "（" + termText(kBasis, b) + "）"
		}
		if len(sum.Phases) > 1 {
			l += " " + termText(kPhase, text(value(cm, r, "phase")))
		}
		return l
	}
	var cities []string
	seenCity := map[string]bool{}
	for r := range cm.Rows {
		if l := mixLabel(r); !seenCity[l] {
			seenCity[l] = true
			cities = append(cities, l)
		}
	}
	cats := distinctValues(cm, "category_zh")
	f.SetCellStr(s, fmt.Sprintf("A%d", mixTop), "类别 Category")
	for j, c := range cities {
		cell, _ := excelize.CoordinatesToCellName(2+j, mixTop)
		f.SetCellStr(s, cell, c)
	}
	lastHead, _ := excelize.CoordinatesToCellName(1+len(cities), mixTop)
	f.SetCellStyle(s, fmt.Sprintf("A%d", mixTop), lastHead, st.header)
	for i, cat := range cats {
		row := mixTop + 1 + i
		f.SetCellStr(s, fmt.Sprintf("A%d", row), cat)
		for j, city := range cities {
			cell, _ := excelize.CoordinatesToCellName(2+j, row)
			for r := range cm.Rows {
				if mixLabel(r) == city && fmt.Sprint(value(cm, r, "category_zh")) == cat {
					if v, style := cellValue(value(cm, r, "share_pct"), kPct, st); v != nil {
						f.SetCellValue(s, cell, v)
						f.SetCellStyle(s, cell, cell, style)
					}
				}
			}
		}
	}
	var series []excelize.ChartSeries
	lastCol, _ := excelize.ColumnNumberToName(1 + len(cities))
	for i := range cats {
		row := mixTop + 1 + i
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("'%s'!$A$%d", s, row),
			Categories: fmt.Sprintf("'%s'!$B$%d:$%s$%d", s, mixTop, lastCol, mixTop),
			Values:     fmt.Sprintf("'%s'!$B$%d:$%s$%d", s, row, lastCol, row),
		})
	}
	if len(series) > 0 {
		err = f.AddChart(s, "H22", &excelize.Chart{
			Type:      excelize.ColPercentStacked,
			Series:    series,
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "各地区资金类别构成 Category mix per place"}}},
			Legend:    excelize.ChartLegend{Position: "right"},
			Dimension: excelize.ChartDimension{Width: 640, Height: 360},
		})
		if err != nil {
			return err
		}
	}
	f.SetColWidth(s, "A", "A", 66)
	f.SetColWidth(s, "B", "F", 16)
	return nil
}

func distinctValues(t *queries.Table, col string) []string {
	var out []string
	seen := map[string]bool{}
	for r := range t.Rows {
		v := fmt.Sprint(value(t, r, col))
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// writeDetail streams every line item: frozen header, autofilter, 万元 and
// yuan number formats, widths fitted to Chinese text. Past Excel's row limit
// it continues on "明细 Line items (2)" and so on.
func writeDetail(ctx context.Context, f *excelize.File, st styles, db *sql.DB, flt Filter, items int64) error {
	fields, err := tables.FieldsOf("line_items")
	if err != nil {
		return err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	note := detailNote(items)
	limit, order := 0, detailOrderAll
	if note != "" {
		limit, order = DetailLimit, detailOrderLargest
	}
	rows, err := tables.OpenLargest(ctx, conn, flt, limit, order)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	if len(cols) != len(fields) {
		return fmt.Errorf("export query has %d columns, the dictionary %d", len(cols), len(fields))
	}
	// Buffer a sample to size the columns (the stream needs widths first).
	var sample [][]any
	read := func() ([]any, error) {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		return vals, rows.Scan(ptrs...)
	}
	for len(sample) < 2000 && rows.Next() {
		v, err := read()
		if err != nil {
			return err
		}
		sample = append(sample, v)
	}
	widths := make([]float64, len(cols))
	for i, c := range cols {
		wd := queries.DisplayWidth(c)
		for _, r := range sample {
			if r[i] != nil {
				wd = max(wd, queries.DisplayWidth(firstLine(textValue(r[i]))))
			}
		}
		widths[i] = colWidth(wd)
	}
	part := 1
	var sw *excelize.StreamWriter
	rowNo := 0
	open := func() error {
		name := SheetDetail
		if part > 1 {
			name = fmt.Sprintf("%s (%d)", SheetDetail, part)
		}
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
		if err := printSetup(f, name); err != nil {
			return err
		}
		if sw, err = f.NewStreamWriter(name); err != nil {
			return err
		}
		for i, w := range widths {
			if err := sw.SetColWidth(i+1, i+1, w); err != nil {
				return err
			}
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
		head := make([]any, len(cols))
		for i, c := range cols {
			head[i] = excelize.Cell{StyleID: st.header, Value: c}
		}
		rowNo = 1
		return sw.SetRow("A1", head)
	}
	closeSheet := func(last bool) error {
		lastCell, _ := excelize.CoordinatesToCellName(len(cols), max(rowNo, 2))
		if err := sw.AddTable(&excelize.Table{Range: "A1:" + lastCell, Name: fmt.Sprintf("line_items_%d", part), StyleName: "TableStyleLight1"}); err != nil {
			return err
		}
		if last && note != "" && max(rowNo, 2)+2 <= excelMaxRows { // below the table, where the rows end
			cell, _ := excelize.CoordinatesToCellName(1, max(rowNo, 2)+2)
			if err := sw.SetRow(cell, []any{excelize.Cell{StyleID: st.header, Value: note}}); err != nil {
				return err
			}
		}
		return sw.Flush()
	}
	if err := open(); err != nil {
		return err
	}
	write := func(vals []any) error {
		if rowNo == excelMaxRows {
			if err := closeSheet(false); err != nil {
				return err
			}
			part++
			if err := open(); err != nil {
				return err
			}
		}
		rowNo++
		cells := make([]any, len(vals))
		for i, v := range vals {
			cells[i] = detailCell(v, fields[i], st)
		}
		cell, _ := excelize.CoordinatesToCellName(1, rowNo)
		return sw.SetRow(cell, cells)
	}
	for _, v := range sample {
		if err := write(v); err != nil {
			return err
		}
	}
	for rows.Next() {
		v, err := read()
		if err != nil {
			return err
		}
		if err := write(v); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return closeSheet(true)
}

func detailCell(v any, fl tables.Field, st styles) any {
	switch x := v.(type) {
	case nil:
		return nil
	case duckdb.Decimal:
		return excelize.Cell{StyleID: st.wan, Value: x.Float64()}
	case time.Time:
		if fl.Type == "date" {
			return excelize.Cell{StyleID: st.date, Value: x}
		}
		return x.UTC().Format(time.RFC3339)
	case int64, int32:
		if fl.Unit == "yuan" {
			return excelize.Cell{StyleID: st.integer, Value: x}
		}
		return x
	case bool:
		return x
	}
	return textValue(v)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func writeDictionary(f *excelize.File, st styles) error {
	if _, err := f.NewSheet(SheetDictionary); err != nil {
		return err
	}
	fields, err := tables.Dictionary()
	if err != nil {
		return err
	}
	t := &queries.Table{Columns: []string{"table", "field", "type", "unit", "pk", "zh", "en"}}
	for _, fl := range fields {
		pk := ""
		if fl.PrimaryKey {
			pk = "主键 primary key"
		}
		t.Rows = append(t.Rows, []any{fl.Table, fl.Name, fl.Type, fl.Unit, pk, fl.DescriptionZH, fl.DescriptionEN})
	}
	return streamTable(f, st, SheetDictionary, t, []column{{"table", "表 Table", kText}, {"field", "字段 Field", kText}, {"type", "类型 Type", kText},
		{"unit", "单位 Unit", kText}, {"pk", "主键 Key", kText}, {"zh", "说明", kText}, {"en", "Description", kText}}, nil, nil)
}
