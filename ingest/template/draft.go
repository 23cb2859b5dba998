package template

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// SheetUnread lists, in a draft, the amounts the reader did not use.
const SheetUnread = "未读金额 Unread"

// Draft is what a reader found in a document, laid out for the template: a
// person corrects it and loads it with fundscope ingest.
type Draft struct {
	Catalog map[string]string   // CatalogFields keys
	Rows    []map[string]string // ItemFields keys
	Sources []string            // per row: where in the document it came from
	Check   [][]string          // per row: the keys of cells to check (inferred, low confidence)
	Unread  [][3]string         // text, location, reason
	Totals  [][5]string         // stated totals: label, amount, scope (item numbers; "" = all), low, high (approximate totals)
}

// WriteDraft writes the template filled with a draft: cells to check are
// highlighted, each row says where it came from, and the unread amounts
// have their own sheet.
func WriteDraft(w io.Writer, v *Vocabulary, d Draft) error {
	f, err := build(v)
	if err != nil {
		return err
	}
	defer f.Close()
	check, _ := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Color: []string{"FFF2CC"}, Pattern: 1}})
	for i, fl := range CatalogFields {
		cell := fmt.Sprintf("B%d", i+1)
		f.SetCellStr(SheetCatalog, cell, d.Catalog[fl.Key])
		if d.Catalog[fl.Key] == "" && fl.Required {
			f.SetCellStyle(SheetCatalog, cell, cell, check)
		}
	}
	srcCol := len(ItemFields) + 1
	srcHead, _ := excelize.CoordinatesToCellName(srcCol, 1)
	f.SetCellStr(SheetItems, srcHead, "出处（核对用，不载入） source")
	name, _ := excelize.ColumnNumberToName(srcCol)
	f.SetColWidth(SheetItems, name, name, 30)
	for r, row := range d.Rows {
		toCheck := map[string]bool{}
		if r < len(d.Check) {
			for _, k := range d.Check[r] {
				toCheck[k] = true
			}
		}
		for c, fl := range ItemFields {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
			f.SetCellStr(SheetItems, cell, row[fl.Key])
			if toCheck[fl.Key] {
				f.SetCellStyle(SheetItems, cell, cell, check)
			}
		}
		if r < len(d.Sources) {
			cell, _ := excelize.CoordinatesToCellName(srcCol, r+2)
			f.SetCellStr(SheetItems, cell, d.Sources[r])
		}
	}
	for r, t := range d.Totals {
		for c, v := range t {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
			f.SetCellStr(SheetTotals, cell, v)
			f.SetCellStyle(SheetTotals, cell, cell, check)
		}
	}
	if _, err := f.NewSheet(SheetUnread); err != nil {
		return err
	}
	for c, h := range []string{"金额 text", "出处 location", "原因 reason"} {
		cell, _ := excelize.CoordinatesToCellName(c+1, 1)
		f.SetCellStr(SheetUnread, cell, h)
	}
	for r, u := range d.Unread {
		for c, v := range u {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
			f.SetCellStr(SheetUnread, cell, v)
		}
	}
	f.SetColWidth(SheetUnread, "A", "B", 24)
	f.SetColWidth(SheetUnread, "C", "C", 80)
	return f.Write(w)
}
