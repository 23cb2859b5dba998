package generic

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"fundscope/ingest/document"
	"fundscope/model"
)

var update = flag.Bool("update", false, "rewrite the want.txt of the text-table test folders")

// TestTextTableFolders reads each folder of testdata/texttables: input.txt,
// a table as it reaches text in one convention (invented, in the shapes
// real notices take), and want.txt, the items, totals and unread figures
// with the convention each table was found by. A folder is named after the
// rule it exercises; every rule has at least two folders in different
// wordings.
func TestTextTableFolders(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("testdata", "texttables", "*"))
	perRule := map[string]int{}
	for _, dir := range dirs {
		rule, _, _ := strings.Cut(filepath.Base(dir), "--")
		perRule[rule]++
		t.Run(filepath.Base(dir), func(t *testing.T) {
			in, err := os.ReadFile(filepath.Join(dir, "input.txt"))
			if err != nil {
				t.Fatal(err)
			}
			got := tableSummary(t, string(in))
			wantFile := filepath.Join(dir, "want.txt")
			if *update {
				if err := os.WriteFile(wantFile, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("%s reads\n%s\nwant\n%s(run with -update after an intended change and review the diff)", dir, got, want)
			}
		})
	}
	rules := []string{"table-piped-cells", "table-header-cells", "table-row-lines", "total-row-grand", "total-row-section", "total-row-unlabelled", "total-restated", "form-table-below", "form-several", "unit-caption", "table-header-wrapped", "form-unit-in-label", "table-single-spaced", "form-one-line", "total-row-spaced", "table-cell-wrapped", "table-short-row", "form-comma-fields", "form-label-figure", "form-space-fields", "section-row-total", "form-sentence-fields", "amount-unit-header", "column-no-role", "text-unit-wrapped", "table-named-by-use"}
	for _, r := range rules {
		if perRule[r] < 2 {
			t.Errorf("rule %s has %d test folders under testdata/texttables, want at least 2 in different wordings", r, perRule[r])
		}
	}
}

// tableSummary is what a person checks of a reading: each table found and
// its convention, the items, the totals with what their scope gives, and
// every unread figure with its reason.
func tableSummary(t *testing.T, text string) string {
	t.Helper()
	d, err := document.Decode("input.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, u := range units(d) {
		if u.kind == document.TableKind {
			fmt.Fprintf(&b, "table %s by %s: %d rows\n", u.table.Loc, u.table.Convention, len(u.table.Rows))
		}
	}
	p, err := Read(d, model.Catalog{CatalogID: "t"})
	if err != nil {
		fmt.Fprintf(&b, "error: %v\n", err)
		return b.String()
	}
	byID := map[string]int64{}
	for _, it := range p.Items {
		v := "NULL"
		if it.Amount.Yuan != nil {
			byID[it.ItemID] = *it.Amount.Yuan
			v = fmt.Sprint(*it.Amount.Yuan)
		}
		org := ""
		if it.Organization != "" {
			org = " org " + it.Organization
		}
		fmt.Fprintf(&b, "item %s = %s %s%s (lines %d–%d)\n", it.Name, v, it.Amount.Kind, org, it.LineStart, it.LineEnd)
	}
	for _, tt := range p.Totals {
		var sum int64
		for _, id := range tt.Scope {
			sum += byID[id]
		}
		fmt.Fprintf(&b, "total %q = %d, its %d items give %d [%s] (line %d)\n", tt.Label, tt.Stated, len(tt.Scope), sum, tt.Rule, tt.Line)
	}
	for _, u := range p.Unread {
		fmt.Fprintf(&b, "unread %s (line %d): %s\n", u.Text, u.Line, u.Reason)
	}
	return b.String()
}

// essence is what a convention must not change: each item's name and
// amount, each stated total's value and how many items it covers.
func essence(p *model.Parsed) []string {
	var out []string
	for _, it := range p.Items {
		v := "NULL"
		if it.Amount.Yuan != nil {
			v = fmt.Sprint(*it.Amount.Yuan)
		}
		out = append(out, "item "+strings.Join(strings.Fields(it.Name), "")+" = "+v+" "+it.Amount.Kind)
	}
	for _, tt := range p.Totals {
		out = append(out, fmt.Sprintf("total %d over %d items", tt.Stated, len(tt.Scope)))
	}
	sort.Strings(out)
	return out
}

// TestOneCellPerLineReadsLikeTheOriginal converts every structured format
// fixture (the bundled catalogs as docx, xlsx, HTML and PDF) to text with its
// tables printed one cell per line, led by "| " and ended by a lone "|", and
// with its numbered tables printed one bare cell per line and blank lines
// between cells, and requires the same items and totals as the generic
// reader gives the original.
func TestOneCellPerLineReadsLikeTheOriginal(t *testing.T) {
	var files []string
	for _, ext := range []string{"docx", "xlsx", "html", "pdf"} {
		f, _ := filepath.Glob(filepath.Join("..", "testdata", "formats", "*", "*."+ext))
		files = append(files, f...)
	}
	if len(files) < 10 {
		t.Fatalf("%d format fixtures, want the bundled catalogs in docx, xlsx, HTML and PDF", len(files))
	}
	cols, _, err := lexicons()
	if err != nil {
		t.Fatal(err)
	}
	headerCellTables := 0
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d, err := document.Open(f, raw)
			if err != nil {
				t.Fatal(err)
			}
			orig, err := Read(d, model.Catalog{CatalogID: "t"})
			if err != nil {
				t.Fatal(err)
			}
			want := strings.Join(essence(orig), "\n")
			if len(orig.Items) == 0 {
				t.Fatalf("%s: the generic reader reads no item from the original", f)
			}
			for _, conv := range []string{"table-piped-cells", "table-header-cells"} {
				text, tables := oneCellPerLine(d, conv, cols)
				if conv == "table-header-cells" {
					headerCellTables += tables
				}
				cd, err := document.Decode("converted.txt", []byte(text))
				if err != nil {
					t.Fatal(err)
				}
				got, err := Read(cd, model.Catalog{CatalogID: "t"})
				if err != nil {
					t.Fatalf("%s as %s: %v", f, conv, err)
				}
				for _, u := range units(cd) {
					if u.kind == document.TableKind && tables > 0 && u.table.Convention != conv && u.table.Convention != "table-piped-cells" && u.table.Convention != "table-row-lines" {
						t.Errorf("%s as %s: a table found by %s", f, conv, u.table.Convention)
					}
				}
				if g := strings.Join(essence(got), "\n"); g != want {
					t.Errorf("%s printed %s reads\n%s\nwant (the original)\n%s", f, conv, g, want)
				}
			}
		})
	}
	t.Logf("%d fixture tables printed as bare cells", headerCellTables)
}

// TestOneTableInEveryConvention prints invented tables (a unit only in the
// caption, a unit in the header, a second amount column, a section subtotal
// and a grand total) with tabs, with runs of spaces, one cell per line led
// by "| ", and one bare cell per line (dense, double-spaced, and with the
// header's labels wrapped over two lines), and requires each to read
// exactly like the tab version.
func TestOneTableInEveryConvention(t *testing.T) {
	tables := []struct {
		name, caption string
		rows          [][]string
	}{
		{"unit in the caption", "附件：2025年社区服务项目资助明细表\n单位：元", [][]string{
			{"序号", "项目名称", "承接单位", "资助金额"},
			{"1", "长者助餐服务", "甲街道社工服务中心", "120000"},
			{"2", "困境儿童陪伴", "乙区儿童发展协会", "85000"},
			{"3", "残疾人康复训练", "丙康复服务社", "64500"},
			{"合计", "", "", "269500"},
		}},
		{"unit in the header, two amount columns, a subtotal", "表2 公益创投拟资助项目", [][]string{
			{"序号", "项目名称", "申请金额（万元）", "拟资助金额（万元）", "类别"},
			{"1", "邻里互助站", "8", "6", "为老"},
			{"2", "四点半课堂", "5", "4.5", "儿童"},
			{"小计", "", "13", "10.5", ""},
			{"3", "心理疏导热线", "3", "2", "综合"},
			{"总计", "", "16", "12.5", ""},
		}},
	}
	print := map[string]func([][]string) string{
		"tabs": func(rows [][]string) string {
			var b strings.Builder
			for _, r := range rows {
				b.WriteString(strings.Join(r, "\t") + "\n")
			}
			return b.String()
		},
		"spaces": func(rows [][]string) string {
			var b strings.Builder
			for _, r := range rows {
				var f []string
				for _, c := range r {
					if c == "" {
						c = "—"
					}
					f = append(f, c)
				}
				b.WriteString(strings.Join(f, "    ") + "\n")
			}
			return b.String()
		},
		"piped cells": func(rows [][]string) string {
			var b strings.Builder
			for _, r := range rows {
				for _, c := range r {
					b.WriteString("| " + c + "\n")
				}
				b.WriteString("|\n")
			}
			return b.String()
		},
		"bare cells": func(rows [][]string) string {
			var b strings.Builder
			for _, r := range rows {
				for _, c := range r {
					if c != "" {
						b.WriteString(c + "\n")
					}
				}
			}
			return b.String()
		},
		"bare cells, double-spaced": func(rows [][]string) string {
			var b strings.Builder
			for _, r := range rows {
				for _, c := range r {
					if c != "" {
						b.WriteString(c + "\n\n")
					}
				}
			}
			return b.String()
		},
		"single spaces, empty cells dropped": func(rows [][]string) string {
			var b strings.Builder
			for _, r := range rows {
				b.WriteString(strings.Join(strings.Fields(strings.Join(r, " ")), " ") + "\n")
			}
			return b.String()
		},
		"bare cells, the header wrapped over two lines": func(rows [][]string) string {
			var b strings.Builder
			for r, row := range rows {
				for _, c := range row {
					if c == "" {
						continue
					}
					if r == 0 {
						// as a narrow column wraps it: before its unit, else in half
						runes := []rune(c)
						at := strings.IndexAny(c, "（(")
						switch {
						case at > 0:
							c = c[:at] + "\n" + c[at:]
						case len(runes) >= 4:
							c = string(runes[:len(runes)/2]) + "\n" + string(runes[len(runes)/2:])
						}
					}
					b.WriteString(c + "\n")
				}
			}
			return b.String()
		},
	}
	for _, tb := range tables {
		read := func(body string) (*model.Parsed, []string) {
			d, err := document.Decode("t.txt", []byte(tb.caption+"\n"+body+"以上项目请各单位抓紧实施。\n"))
			if err != nil {
				t.Fatal(err)
			}
			var convs []string
			for _, u := range units(d) {
				if u.kind == document.TableKind {
					convs = append(convs, u.table.Convention)
				}
			}
			p, err := Read(d, model.Catalog{CatalogID: "t"})
			if err != nil {
				t.Fatal(err)
			}
			return p, convs
		}
		base, _ := read(print["tabs"](tb.rows))
		want := strings.Join(essence(base), "\n")
		if len(base.Items) < 3 || len(base.Totals) < 1 {
			t.Fatalf("%s with tabs reads %s", tb.name, want)
		}
		for conv, pr := range print {
			p, convs := read(pr(tb.rows))
			if len(convs) != 1 {
				t.Errorf("%s printed with %s: %d tables found (%v), want 1", tb.name, conv, len(convs), convs)
			}
			if got := strings.Join(essence(p), "\n"); got != want {
				t.Errorf("%s printed with %s reads\n%s\nwant (with tabs)\n%s", tb.name, conv, got, want)
			}
		}
	}
}

// oneCellPerLine prints a structured document as text: paragraphs one per
// line, tables one cell per line in the convention named. Bare cells need a
// header whose first cell is a 序号 and rows without merged cells; a table
// that has neither is printed led by "| ". It returns the text and how many
// tables were printed in the convention.
func oneCellPerLine(d *document.Document, conv string, cols []rule) (string, int) {
	var b strings.Builder
	n := 0
	for _, bl := range d.Blocks {
		if bl.Kind != document.TableKind {
			for _, l := range strings.Split(bl.Text, "\n") {
				b.WriteString(strings.TrimSpace(l) + "\n")
			}
			continue
		}
		g := newGrid(bl.Table)
		cellText := func(c *document.TableCell) string {
			return strings.Join(strings.Fields(strings.ReplaceAll(c.Text, "\n", "")), " ")
		}
		if conv == "table-header-cells" && bareCells(g, cols) {
			n++
			for r := range g.at {
				for c := 0; c < g.width; c++ {
					if cell := g.at[r][c]; cell != nil && cell.Row == r && cell.Col == c && cellText(cell) != "" {
						b.WriteString(cellText(cell) + "\n\n")
					}
				}
			}
			continue
		}
		if conv == "table-piped-cells" {
			n++
		}
		for r := range g.at {
			for c := 0; c < g.width; c++ {
				text := ""
				if cell := g.at[r][c]; cell != nil && cell.Row == r && cell.Col == c {
					text = cellText(cell)
				}
				if c == 0 && text != "" {
					b.WriteString(text + "\n") // a row's first cell printed bare
				} else {
					b.WriteString("| " + text + "\n")
				}
			}
			b.WriteString("|\n")
		}
	}
	return b.String(), n
}

// bareCells: a table whose rows can be printed as bare cells and read back:
// its header starts with a 序号, its rows number on from 1, every cell is
// on one grid slot and printed (a dropped empty cell is placed by its
// content, which the test folders check on their own).
func bareCells(g grid, cols []rule) bool {
	if len(g.at) < 2 || g.width < 3 || roleOf(cols, g.text(0, 0)) != roleNo {
		return false
	}
	for r, row := range g.at {
		for c, cell := range row {
			if cell == nil || cell.RowSpan > 1 || cell.ColSpan > 1 || cell.Row != r || cell.Col != c || strings.TrimSpace(cell.Text) == "" {
				return false
			}
			if r > 0 && c == 0 && cell.Text != fmt.Sprint(r) {
				return false
			}
		}
	}
	return true
}
