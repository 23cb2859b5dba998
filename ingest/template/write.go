package template

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// templateRows is how many line-item rows carry the drop-down lists.
const templateRows = 2000

var instructions = []string{
	"fundscope 目录录入模板 — 使用说明",
	"",
	"1. 在「目录 Catalog」表 B 列填写目录信息：目录编号（小写字母、数字和 -，如 wenzhou-2024-purchase）、标题、发布机关、省份、城市（省级、全国目录留空）、区县（市级目录留空）、6 位行政区划代码（GB/T 2260）、层级（national、province、city、district、county 或 street）、年度、发布日期（YYYY-MM-DD）、金额单位（元、万元或亿元，按文件原样；留空为万元）、金额阶段（预算、批复、中标、拨付；留空时按标题推断）。",
	"2. 在「项目 Line items」表每行填写一个项目。第一行是表头，请勿修改。承接单位与统一社会信用代码按原文填写（文件未列则留空）。",
	"3. 类别、金额性质、含税请从下拉列表中选择。资金来源可从列表选择，也可按原文填写：列表外的名称照原文保留，计为“其他”，载入时提示。资金来源留空表示文件未注明；类别留空时由类别规则按项目名称推断。",
	"4. 金额按目录表中的“金额单位”填写，只填数字（元须为整数；万元最多 4 位小数；亿元最多 8 位小数）；文件未列金额时留空（不要填 0）。",
	"5. 金额性质：定额 fixed；最高资助 cap（资助上限）；按实结算 actuals；共享 derived（文件对多个项目只列一个金额，如“各 5 万元”，每项填该金额）；约数 approx（“约 20 万元”）。有金额但未选时按定额处理。",
	"6. 实施地区按原文填写（如 海曙区横街镇、章水镇），留空表示整个辖区。",
	"7. 文件自述的合计（合计、共计）填在「合计 Stated totals」表：说明、金额（同一单位）、范围（所合计项目的序号，用、分隔；留空为全部项目）。载入后与明细对账，不符时报错提示。",
	"8. 保存后运行：fundscope ingest 文件名.xlsx。任何一格不合格，整个文件都不会载入，错误会列出表名、行、列和原因；可疑之处（金额超过 1 亿元、万元列中 6 位以上整数等）载入后作为警告列出。",
	"",
	"Fill the 目录 Catalog sheet (column B), one row per project on 项目 Line items and the totals the document states on 合计 Stated totals; amounts in the catalog's unit (元, 万元 or 亿元) as plain numbers; empty = not stated. Then: fundscope ingest FILE.xlsx",
}

// Write writes the empty catalog template with its drop-down lists.
func Write(w io.Writer, v *Vocabulary) error {
	f, err := build(v)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Write(w)
}

// build makes the template workbook.
func build(v *Vocabulary) (*excelize.File, error) {
	f := excelize.NewFile()
	return f, fill(f, v)
}

func fill(f *excelize.File, v *Vocabulary) error {
	if err := f.SetSheetName("Sheet1", SheetInstructions); err != nil {
		return err
	}
	for i, line := range instructions {
		f.SetCellStr(SheetInstructions, fmt.Sprintf("A%d", i+1), line)
	}
	f.SetColWidth(SheetInstructions, "A", "A", 140)
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	f.SetCellStyle(SheetInstructions, "A1", "A1", bold)

	if _, err := f.NewSheet(SheetCatalog); err != nil {
		return err
	}
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"DCE6F1"}, Pattern: 1}})
	for i, fl := range CatalogFields {
		row := i + 1
		label := fl.Label + " " + fl.Key
		if fl.Required {
			label = "* " + label
		}
		f.SetCellStr(SheetCatalog, fmt.Sprintf("A%d", row), label)
		f.SetCellStr(SheetCatalog, fmt.Sprintf("C%d", row), fl.Help)
		f.SetCellStyle(SheetCatalog, fmt.Sprintf("A%d", row), fmt.Sprintf("A%d", row), head)
	}
	f.SetColWidth(SheetCatalog, "A", "A", 24)
	f.SetColWidth(SheetCatalog, "B", "B", 40)
	f.SetColWidth(SheetCatalog, "C", "C", 60)

	if _, err := f.NewSheet(SheetItems); err != nil {
		return err
	}
	for i, fl := range ItemFields {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		f.SetCellStr(SheetItems, cell, fl.Label+" "+fl.Key)
		col, _ := excelize.ColumnNumberToName(i + 1)
		width := 16.0
		if fl.Key == "name" || fl.Key == "description" {
			width = 36
		}
		f.SetColWidth(SheetItems, col, col, width)
	}
	last, _ := excelize.CoordinatesToCellName(len(ItemFields), 1)
	f.SetCellStyle(SheetItems, "A1", last, head)
	f.SetPanes(SheetItems, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})

	// Lists live on a hidden sheet: a range-backed list has no 255-character limit.
	if _, err := f.NewSheet(SheetLists); err != nil {
		return err
	}
	lists := [][]string{v.Categories, v.Funding, {"定额", "最高资助", "按实结算", "共享", "约数"}, {"是", "否"}}
	for c, list := range lists {
		for r, val := range list {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			f.SetCellStr(SheetLists, cell, val)
		}
	}
	f.SetSheetVisible(SheetLists, false)
	listFor := map[string]int{"category": 0, "funding": 1, "amount_kind": 2, "tax_included": 3}
	for i, fl := range ItemFields {
		col, _ := excelize.ColumnNumberToName(i + 1)
		sqref := fmt.Sprintf("%s2:%s%d", col, col, templateRows+1)
		dv := excelize.NewDataValidation(true)
		dv.Sqref = sqref
		if l, ok := listFor[fl.Key]; ok {
			lc, _ := excelize.ColumnNumberToName(l + 1)
			dv.SetSqrefDropList(fmt.Sprintf("'%s'!$%s$1:$%s$%d", SheetLists, lc, lc, len(lists[l])))
			if fl.Key == "funding" { // a name outside the list is kept as printed (counted as other)
				dv.SetError(excelize.DataValidationErrorStyleInformation, fl.Label, "不在列表中：将按原文保留，计为“其他” Not in the list: kept as printed, counted as other")
			} else {
				dv.SetError(excelize.DataValidationErrorStyleStop, fl.Label, "请从下拉列表中选择 Choose from the list")
			}
		} else if fl.Key == "amount" {
			if err := dv.SetRange(0, 999999999999999, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
				return err
			}
			dv.SetError(excelize.DataValidationErrorStyleStop, fl.Label, "金额按目录的单位填写非负数字 A non-negative number in the catalog's unit")
		} else {
			continue
		}
		if err := f.AddDataValidation(SheetItems, dv); err != nil {
			return fmt.Errorf("validation for %s: %w", fl.Key, err)
		}
	}
	// Totals the document states about itself.
	if _, err := f.NewSheet(SheetTotals); err != nil {
		return err
	}
	for i, h := range []string{"合计说明 total_label", "金额 amount", "合计范围（序号，空 = 全部）total_scope", "约数下限 total_low", "约数上限 total_high"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		f.SetCellStr(SheetTotals, cell, h)
	}
	f.SetCellStyle(SheetTotals, "A1", "E1", head)
	f.SetColWidth(SheetTotals, "A", "A", 24)
	f.SetColWidth(SheetTotals, "B", "B", 16)
	f.SetColWidth(SheetTotals, "C", "C", 40)
	f.SetColWidth(SheetTotals, "D", "E", 14)
	idx, _ := f.GetSheetIndex(SheetCatalog)
	f.SetActiveSheet(idx)
	return nil
}
