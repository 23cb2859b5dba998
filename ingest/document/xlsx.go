package document

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"fundscope/model"
)

// .xlsx: excelize reads every sheet in order with raw cell values (a cached
// formula value, not its display format: 9.577 stays 9.577 under a "0.00"
// format), merged ranges become spanning cells, and hidden sheets and rows are
// read but noted. Rows before a sheet's first row of two or more cells (the
// title area) are paragraphs; the rest is the sheet's table.
func init() {
	RegisterDecoder(Decoder{Name: "xlsx", Order: 11, Sniff: func(raw []byte) bool { return zipHas(raw, "xl/workbook.xml") }, Decode: decodeXLSX})
}

func decodeXLSX(path string, raw []byte) (*Document, error) {
	if err := CheckZip(path, raw); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(raw), excelize.Options{RawCellValue: true, UnzipSizeLimit: MaxUnzipBytes, UnzipXMLSizeLimit: MaxMemberInMemory})
	if err != nil {
		return nil, &model.ParseError{File: path, Msg: "not a readable .xlsx workbook: " + err.Error()}
	}
	defer f.Close()
	doc := &Document{Path: path, Format: "xlsx"}
	tables := 0
	for _, sheet := range f.GetSheetList() {
		if visible, _ := f.GetSheetVisible(sheet); !visible {
			doc.Notes = append(doc.Notes, fmt.Sprintf("sheet %s is hidden (read all the same)", sheet))
		}
		rows, err := sheetRows(f, sheet)
		if err != nil {
			return nil, &model.ParseError{File: path, Msg: fmt.Sprintf("sheet %s: %v", sheet, err)}
		}
		merges, _ := f.GetMergeCells(sheet)
		// span[r][c] = rows, cols of a merged range starting at (r, c); covered slots are skipped.
		type span struct{ rows, cols int }
		starts := map[[2]int]span{}
		covered := map[[2]int]bool{}
		for _, m := range merges {
			c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
			c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
			if err1 != nil || err2 != nil {
				continue
			}
			r2, c2 = min(r2, len(rows)), min(c2, MaxTableColumns)
			if r1 > r2 || c1 > c2 {
				continue
			}
			starts[[2]int{r1 - 1, c1 - 1}] = span{r2 - r1 + 1, c2 - c1 + 1}
			for r := r1 - 1; r < r2; r++ {
				for c := c1 - 1; c < c2; c++ {
					if r != r1-1 || c != c1-1 {
						covered[[2]int{r, c}] = true
					}
				}
			}
		}
		filled := func(r int) int {
			n := 0
			for c, v := range rows[r] {
				if strings.TrimSpace(v) != "" && !covered[[2]int{r, c}] {
					n++
				}
			}
			return n
		}
		first := len(rows)
		for r := range rows {
			if filled(r) >= 2 {
				first = r
				break
			}
		}
		for r := 0; r < first; r++ {
			if text := strings.TrimSpace(strings.Join(rows[r], " ")); text != "" {
				doc.Blocks = append(doc.Blocks, Block{Kind: Paragraph, Text: text, Loc: Location{Sheet: sheet, Cell: cellName(0, r)}})
			}
		}
		if first == len(rows) {
			continue
		}
		tables++
		t := &Table{Loc: Location{Sheet: sheet, Table: tables}}
		width := 0
		for r := first; r < len(rows); r++ {
			width = max(width, len(rows[r]))
		}
		width = min(width, MaxTableColumns)
		for k, sp := range starts {
			if k[0] >= first {
				width = max(width, k[1]+sp.cols)
			}
		}
		for r := first; r < len(rows); r++ {
			if visible, _ := f.GetRowVisible(sheet, r+1); !visible {
				doc.Notes = append(doc.Notes, fmt.Sprintf("sheet %s row %d is hidden (read all the same)", sheet, r+1))
			}
			var cells []*TableCell
			for c := 0; c < width; c++ {
				if covered[[2]int{r, c}] {
					continue
				}
				v := ""
				if c < len(rows[r]) {
					v = rows[r][c]
				}
				sp := starts[[2]int{r, c}]
				cells = append(cells, &TableCell{Text: strings.TrimSpace(v), Row: r - first, Col: c, RowSpan: max(1, sp.rows), ColSpan: max(1, sp.cols),
					Loc: Location{Sheet: sheet, Cell: cellName(c, r)}})
			}
			t.Rows = append(t.Rows, cells)
		}
		doc.Blocks = append(doc.Blocks, Block{Kind: TableKind, Table: t, Loc: t.Loc})
	}
	return doc, nil
}

// MaxSheetRows and MaxSheetCells bound what the readers take from a
// workbook: a published notice is hundreds of rows, never hundreds of
// thousands; a bulk load goes through the template (fundscope template),
// which DuckDB reads as it streams.
var (
	MaxSheetRows  = 100_000
	MaxSheetCells = 2_000_000
)

// sheetRows streams a sheet's rows (raw cell values), counting rows and
// cells as it goes and stopping at the limits with a message that names
// them; blank rows after the last filled one cost nothing.
func sheetRows(f *excelize.File, sheet string) ([][]string, error) {
	it, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var rows [][]string
	blank, cells := 0, 0
	for it.Next() {
		cols, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		if len(cols) == 0 {
			blank++ // kept only if a filled row follows
			continue
		}
		for ; blank > 0; blank-- {
			rows = append(rows, nil)
		}
		rows = append(rows, cols)
		cells += len(cols)
		if len(rows) > MaxSheetRows {
			return nil, fmt.Errorf("more than %d rows: the document readers stop here (a notice is never this long); load bulk data with the template (fundscope template), or split the sheet", MaxSheetRows)
		}
		if cells > MaxSheetCells {
			return nil, fmt.Errorf("more than %d cells by row %d: the document readers stop here; load bulk data with the template (fundscope template), or split the sheet", MaxSheetCells, len(rows))
		}
	}
	return rows, it.Error()
}

func cellName(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col+1, row+1)
	return s
}
