package document

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func bigSheet(t *testing.T, rows, cols int) []byte {
	t.Helper()
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	sw.SetRow("A1", []any{"序号", "项目名称", "承接单位", "金额（万元）"})
	for r := 0; r < rows; r++ {
		vals := make([]any, cols)
		for c := range vals {
			vals[c] = fmt.Sprintf("v%d", r+c)
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		sw.SetRow(cell, vals)
	}
	sw.Flush()
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A workbook past the row or cell limit is refused while streaming, with a
// message naming the file, the sheet and the limit, long before it would be
// read whole.
func TestWorkbookReadingIsBounded(t *testing.T) {
	start := time.Now()
	_, err := Open("huge.xlsx", bigSheet(t, MaxSheetRows+20_000, 4))
	if err == nil || !strings.Contains(err.Error(), "huge.xlsx") || !strings.Contains(err.Error(), fmt.Sprintf("more than %d rows", MaxSheetRows)) {
		t.Errorf("rows past the limit: %v", err)
	}
	if d := time.Since(start); d > 60*time.Second {
		t.Errorf("refusing took %v", d)
	}
	old := MaxSheetCells
	MaxSheetCells = 500
	defer func() { MaxSheetCells = old }()
	_, err = Open("wide.xlsx", bigSheet(t, 20, 40))
	if err == nil || !strings.Contains(err.Error(), "wide.xlsx: sheet Sheet1: more than 500 cells by row") {
		t.Errorf("cells past the limit: %v", err)
	}
	// Under both limits, blank rows between filled ones keep their places.
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"项目名称", "金额（万元）"})
	f.SetSheetRow("Sheet1", "A4", &[]any{"助老", 5})
	var b bytes.Buffer
	f.Write(&b)
	doc, err := Open("gap.xlsx", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, blk := range doc.Blocks {
		if blk.Kind == TableKind {
			last := blk.Table.Rows[len(blk.Table.Rows)-1]
			if last[0].Loc.Cell != "A4" || last[0].Text != "助老" {
				t.Errorf("the row after the gap: %+v", last[0])
			}
		}
	}
}
