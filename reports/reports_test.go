package reports

import (
	"archive/zip"
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"fundscope/internal/testdb"
	"fundscope/store"
)

var hostile = testdb.Hostile

func TestMain(m *testing.M) { os.Exit(testdb.Run(m)) }

// loadedDB is the shared prepared database (read it only).
func loadedDB(t testing.TB, withHostile bool) string {
	if withHostile {
		return testdb.BundledHostile(t)
	}
	return testdb.Bundled(t)
}

func openRO(t testing.TB, path string) *sql.DB {
	db, err := store.OpenSandboxed(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func writeReports(t testing.TB, dbPath, dir string) (htmlPath, xlsxPath string) {
	t.Helper()
	ctx := context.Background()
	db := openRO(t, dbPath)
	ds, err := Load(ctx, db, Filter{}, PageQueries...)
	if err != nil {
		t.Fatal(err)
	}
	htmlPath, xlsxPath = filepath.Join(dir, "report.html"), filepath.Join(dir, "report.xlsx")
	var h, x bytes.Buffer
	if err := WriteHTML(&h, ds, time.Date(2026, 1, 2, 3, 4, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if err := WriteXLSX(ctx, &x, db, ds, time.Now()); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(htmlPath, h.Bytes(), 0o644)
	os.WriteFile(xlsxPath, x.Bytes(), 0o644)
	return
}

func TestHTMLIsSelfContainedAndEscaped(t *testing.T) {
	dir := t.TempDir()
	htmlPath, _ := writeReports(t, loadedDB(t, true), dir)
	page, _ := os.ReadFile(htmlPath)
	s := string(page)
	if strings.Contains(s, "<script>alert(1)</script>") {
		t.Error("a hostile name reached the page unescaped")
	}
	if strings.Contains(s, "<b>hostile</b>") {
		t.Error("markup in a catalog title reached the page unescaped")
	}
	for _, bad := range []string{"<script src", "<link", "<img", "@import", "url("} {
		if strings.Contains(page2(s), bad) {
			t.Errorf("page refers to something outside itself: %q", bad)
		}
	}
	if !strings.Contains(s, "ECharts 5.4.3") {
		t.Error("page should say which ECharts it inlines (5.4.3, pinned in package-lock.json)")
	}
}

// page2 is the page without the inlined ECharts source, whose strings mention
// tags it can build (the browser test shows nothing is fetched).
func page2(s string) string {
	start := strings.Index(s, "<script>")
	end := strings.Index(s[start:], "</script>")
	return s[:start] + s[start+end:]
}

func TestWorkbookReopens(t *testing.T) {
	dbPath := loadedDB(t, true)
	_, xlsxPath := writeReports(t, dbPath, t.TempDir())
	f, err := excelize.OpenFile(xlsxPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{SheetSummary}
	for _, sec := range Sections() {
		want = append(want, sec.Sheet)
	}
	want = append(want, SheetDetail, SheetDictionary)
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sheets %v, want %v", got, want)
	}
	charts := countCharts(t, xlsxPath, want)
	wantCharts := map[string]int{SheetSummary: 2}
	for _, sec := range Sections() {
		if sec.SheetChart != nil {
			wantCharts[sec.Sheet] = 1
		}
	}
	if fmt.Sprint(charts) != fmt.Sprint(wantCharts) || len(wantCharts) < 6 {
		t.Errorf("native charts by the sheet they draw from: %v, want %v", charts, wantCharts)
	}
	db := openRO(t, dbPath)
	var totalYuan, firmYuan, capYuan, items, recon int64
	db.QueryRow(`SELECT sum(amount_yuan), sum(amount_yuan) FILTER (WHERE amount_basis = 'firm'), sum(amount_yuan) FILTER (WHERE amount_basis = 'cap'), count(*) FROM clean_line_item`).Scan(&totalYuan, &firmYuan, &capYuan, &items)
	db.QueryRow(`SELECT count(*) FROM reconciliation`).Scan(&recon)
	wantWan := float64(totalYuan) / 10000
	// Firm totals and caps are columns of their own; each sums to its basis in the database.
	for _, s := range []string{sheetOf(t, "category"), sheetOf(t, "funding"), sheetOf(t, "regions"), sheetOf(t, "place_year")} {
		if got := sumColumn(t, f, s, "合计（万元）Total"); math.Abs(got-float64(firmYuan)/10000) > 1e-6 {
			t.Errorf("%s sums to %.4f 万元, the database's firm amounts to %.4f", s, got, float64(firmYuan)/10000)
		}
		if got := sumColumn(t, f, s, "最高资助（万元）Caps"); math.Abs(got-float64(capYuan)/10000) > 1e-6 {
			t.Errorf("%s caps sum to %.4f 万元, the database to %.4f", s, got, float64(capYuan)/10000)
		}
	}
	if got := sumColumn(t, f, SheetDetail, "amount_yuan"); got != float64(totalYuan) {
		t.Errorf("detail sheet amount_yuan sums to %.0f, the database to %d", got, totalYuan)
	}
	if got := sumColumn(t, f, SheetDetail, "amount_wan"); math.Abs(got-wantWan) > 1e-6 {
		t.Errorf("detail sheet amount_wan sums to %.4f", got)
	}
	rows, _ := f.GetRows(SheetDetail)
	if int64(len(rows)-1) != items {
		t.Errorf("detail sheet has %d rows, the database %d items", len(rows)-1, items)
	}
	rows, _ = f.GetRows(sheetOf(t, "reconciliation"))
	if int64(len(rows)-1) != recon {
		t.Errorf("reconciliation sheet has %d rows, want %d", len(rows)-1, recon)
	}
	panes, err := f.GetPanes(SheetDetail)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("detail header not frozen: %+v %v", panes, err)
	}
	// Hostile text is text: never a formula, shown exactly as printed.
	found := 0
	detail, _ := f.GetRows(SheetDetail)
	for r, row := range detail {
		for c, v := range row {
			for _, h := range hostile {
				if v == h {
					found++
					cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
					if formula, _ := f.GetCellFormula(SheetDetail, cell); formula != "" {
						t.Errorf("%s holds formula %q", cell, formula)
					}
				}
			}
		}
	}
	if found < len(hostile) {
		t.Errorf("found %d hostile names as text, want at least %d", found, len(hostile))
	}
	for _, s := range f.GetSheetList() {
		cols, _ := f.GetCols(s)
		for c := range cols {
			name, _ := excelize.ColumnNumberToName(c + 1)
			if w, _ := f.GetColWidth(s, name); w < 8 {
				t.Errorf("%s column %s is %.1f wide", s, name, w)
			}
		}
	}
}

func sumColumn(t *testing.T, f *excelize.File, sheet, header string) float64 {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil || len(rows) == 0 {
		t.Fatalf("%s: %v", sheet, err)
	}
	col := -1
	for i, h := range rows[0] {
		if h == header {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("%s has no column %q: %v", sheet, header, rows[0])
	}
	var sum float64
	for _, r := range rows[1:] {
		if col < len(r) && r[col] != "" {
			v, err := strconv.ParseFloat(r[col], 64)
			if err != nil {
				t.Fatalf("%s %s: %q is not a number", sheet, header, r[col])
			}
			sum += v
		}
	}
	return sum
}

// countCharts counts the workbook's native charts by the sheet whose cells they draw.
func countCharts(t *testing.T, path string, sheets []string) map[string]int {
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	n := map[string]int{}
	for _, f := range z.File {
		if strings.HasPrefix(f.Name, "xl/charts/chart") && strings.HasSuffix(f.Name, ".xml") {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			from := ""
			for _, s := range sheets {
				if bytes.Contains(b, []byte("<f>&#39;"+s+"&#39;!")) {
					from = s
				}
			}
			if from == "" {
				t.Errorf("%s draws from no sheet of the workbook", f.Name)
			}
			n[from]++
		}
	}
	return n
}

func TestDetailSplitsAtExcelRowLimit(t *testing.T) {
	old := excelMaxRows
	excelMaxRows = 40 // 39 data rows a sheet
	defer func() { excelMaxRows = old }()
	_, xlsxPath := writeReports(t, loadedDB(t, false), t.TempDir())
	f, err := excelize.OpenFile(xlsxPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	total := 0
	for _, s := range []string{SheetDetail, SheetDetail + " (2)", SheetDetail + " (3)"} {
		rows, err := f.GetRows(s)
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		if len(rows) > 40 || rows[0][0] != "item_id" {
			t.Errorf("%s: %d rows, header %v", s, len(rows), rows[0][:1])
		}
		total += len(rows) - 1
	}
	if total != 95 {
		t.Errorf("%d detail rows over three sheets, want 95", total)
	}
}

func BenchmarkReports(b *testing.B) {
	dbPath := loadedDB(b, false)
	db := openRO(b, dbPath)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ds, err := Load(ctx, db, Filter{}, PageQueries...)
		if err != nil {
			b.Fatal(err)
		}
		if err := WriteHTML(io.Discard, ds, time.Now()); err != nil {
			b.Fatal(err)
		}
		if err := WriteXLSX(ctx, io.Discard, db, ds, time.Now()); err != nil {
			b.Fatal(err)
		}
	}
}

func TestDetailLimitListsTheLargestWithANote(t *testing.T) {
	old := DetailLimit
	DetailLimit = 10
	defer func() { DetailLimit = old }()
	dbPath := loadedDB(t, false)
	_, xlsxPath := writeReports(t, dbPath, t.TempDir())
	f, err := excelize.OpenFile(xlsxPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(SheetDetail, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range rows[0] {
		if h == "amount_yuan" {
			col = i
		}
	}
	// header, the ten largest, a blank row, the note
	if len(rows) != 13 || col < 0 {
		t.Fatalf("detail sheet has %d rows (want 13), amount_yuan column %d", len(rows), col)
	}
	var want []string
	db := openRO(t, dbPath)
	r, err := db.Query(`SELECT CAST(amount_yuan AS VARCHAR) FROM clean_line_item ORDER BY amount_yuan DESC NULLS LAST, item_id LIMIT 10`)
	if err != nil {
		t.Fatal(err)
	}
	for r.Next() {
		var v string
		r.Scan(&v)
		want = append(want, v)
	}
	r.Close()
	var got []string
	for _, row := range rows[1:11] {
		got = append(got, row[col])
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("detail lists amounts %v, want the ten largest %v", got, want)
	}
	note := rows[12][0]
	if !strings.Contains(note, "The 明细 sheet lists the 10 largest of 95 line items") || !strings.Contains(note, "fundscope export") {
		t.Errorf("note below the table: %q", note)
	}
	summary, _ := f.GetRows(SheetSummary)
	found := false
	for _, row := range summary {
		for _, c := range row {
			found = found || strings.Contains(c, "10 largest of 95 line items")
		}
	}
	if !found {
		t.Error("the summary does not say the detail sheet is capped")
	}
}

// sheetOf is the workbook sheet of a registered section.
func sheetOf(t *testing.T, id string) string {
	t.Helper()
	for _, s := range Sections() {
		if s.ID == id {
			return s.Sheet
		}
	}
	t.Fatalf("no section %s", id)
	return ""
}

// Every sheet prints landscape on A4, one page wide; every table sheet
// repeats its header row on each printed page and has an autofilter (or is an
// Excel table, which filters by itself); the summary has its charts.
func TestWorkbookIsPrintReady(t *testing.T) {
	_, xlsxPath := writeReports(t, loadedDB(t, false), t.TempDir())
	f, err := excelize.OpenFile(xlsxPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	titles := map[string]string{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" {
			titles[d.Scope] = d.RefersTo
		}
	}
	for _, sheet := range f.GetSheetList() {
		pl, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.Size == nil || *pl.Size != 9 {
			t.Errorf("sheet %s does not print landscape, A4, one page wide: %+v", sheet, pl)
		}
		props, _ := f.GetSheetProps(sheet)
		if props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("sheet %s is not fitted to the page", sheet)
		}
		if sheet == SheetSummary {
			continue
		}
		if !strings.HasSuffix(titles[sheet], "!$1:$1") {
			t.Errorf("sheet %s repeats %q on each printed page, want its header row $1:$1", sheet, titles[sheet])
		}
		tables, _ := f.GetTables(sheet)
		xml := sheetXML(t, xlsxPath, f, sheet)
		if !strings.Contains(xml, "<autoFilter") && len(tables) == 0 {
			t.Errorf("sheet %s has no autofilter", sheet)
		}
	}
}

// sheetXML returns the worksheet part of sheet inside the xlsx at path.
func sheetXML(t *testing.T, path string, f *excelize.File, sheet string) string {
	t.Helper()
	idx, _ := f.GetSheetIndex(sheet)
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	want := "xl/worksheets/sheet" + strconv.Itoa(idx+1) + ".xml"
	for _, zf := range zr.File {
		if zf.Name == want {
			rc, _ := zf.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatalf("no %s in %s", want, path)
	return ""
}

// The page's queries run while the workbook is written from the same
// dataset: With gives a copy holding them and leaves the dataset alone.
func TestWithAddsPageQueriesToACopy(t *testing.T) {
	ctx := context.Background()
	db := openRO(t, loadedDB(t, false))
	base, err := Load(ctx, db, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	page, err := base.With(ctx, db, PageQueries...)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range PageQueries {
		if base.has(q) {
			t.Errorf("With added %s to the dataset it was given", q)
		}
		if !page.has(q) {
			t.Errorf("With did not run %s", q)
		}
	}
	if page.Table("catalogs") != base.Table("catalogs") {
		t.Error("With ran again a query the dataset holds")
	}
	all, err := Load(ctx, db, Filter{}, PageQueries...)
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	when := time.Date(2026, 1, 2, 3, 4, 0, 0, time.UTC)
	if err := WriteHTML(&a, page, when); err != nil {
		t.Fatal(err)
	}
	if err := WriteHTML(&b, all, when); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the page from a dataset With its queries differs from the page of one loaded with them")
	}
}

// A workbook whose sheets hold more than compactRows rows is compressed at
// deflate's default level: smaller, and the same sheets.
func TestLargeWorkbookIsCompressedHarder(t *testing.T) {
	dbPath := loadedDB(t, false)
	sizes := map[int]int64{}
	sheets := map[int]string{}
	old := compactRows
	defer func() { compactRows = old }()
	for _, limit := range []int{1000000, 0} {
		compactRows = limit
		_, xlsxPath := writeReports(t, dbPath, t.TempDir())
		st, err := os.Stat(xlsxPath)
		if err != nil {
			t.Fatal(err)
		}
		sizes[limit] = st.Size()
		f, err := excelize.OpenFile(xlsxPath)
		if err != nil {
			t.Fatal(err)
		}
		var all []string
		for _, s := range f.GetSheetList() {
			if s == SheetSummary {
				continue // it states when it was written
			}
			rows, _ := f.GetRows(s)
			all = append(all, fmt.Sprint(s, len(rows), rows[len(rows)-1]))
		}
		f.Close()
		sheets[limit] = strings.Join(all, "\n")
	}
	if sizes[0] >= sizes[1000000] {
		t.Errorf("compressed at the default level %d bytes, at the fastest %d", sizes[0], sizes[1000000])
	}
	if sheets[0] != sheets[1000000] {
		t.Errorf("the sheets differ with the compression level")
	}
}
