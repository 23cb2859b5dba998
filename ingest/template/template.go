// Package template is fundscope's onboarding template: the columns a catalog
// entered by hand (.xlsx or .csv) has, the vocabulary its cells may use, and
// the workbook written for a person to fill in. Loading it is the loader's job.
package template

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Layout is the layout of catalogs entered in fundscope's own
// template (fundscope template): an .xlsx workbook or a .csv file that carry
// their catalog's facts themselves, so they need no manifest entry.
const Layout = "template"

// Template sheet names.
const (
	SheetInstructions = "说明 Instructions"
	SheetCatalog      = "目录 Catalog"
	SheetItems        = "项目 Line items"
	SheetTotals       = "合计 Stated totals"
	SheetLists        = "lists"
)

// FormerSheetCatalog is the catalog sheet's name in templates written
// before it was renamed; workbooks that use it still load.
const FormerSheetCatalog = "目录 model.Catalog"

type Field struct {
	Key, Label string
	Required   bool
	Help       string
}

// CatalogFields are the facts about a catalog (the 目录 sheet; leading CSV columns).
var CatalogFields = []Field{
	{"catalog_id", "目录编号", true, "stable id of letters, digits and -, e.g. wenzhou-2024-purchase"},
	{"title", "目录标题", true, "title as published"},
	{"publisher", "发布机关", true, "issuing body"},
	{"province", "省份", true, "e.g. 浙江省"},
	{"city", "城市", true, "prefecture-level city, e.g. 温州市; empty for a province's or the nation's catalog"},
	{"district", "区县", false, "district or county when the catalog is a district's"},
	{"admin_code", "行政区划代码", true, "6-digit GB/T 2260 code of the publisher's jurisdiction"},
	{"level", "层级", true, "national, province, city, district, county or street"},
	{"year", "年度", true, "e.g. 2024"},
	{"published", "发布日期", false, "YYYY-MM-DD"},
	{"unit", "金额单位", false, "元, 万元 or 亿元: the unit of the amount column, as the document prints it (empty = 万元)"},
	{"phase", "金额阶段", false, "budgeted 预算 / approved 批复 / contracted 中标 / paid 拨付 (empty = inferred from the title)"},
	{"synthetic", "合成数据", false, "true only for generated test data (fundscope gen)"},
}

// ItemFields are the columns of the line-items sheet.
var ItemFields = []Field{
	{"item_no", "序号", true, "number of the row as printed"},
	{"name", "项目名称", true, "project name"},
	{"description", "项目内容", false, "what is bought"},
	{"category", "类别", false, "one of the list (code or Chinese label); empty = inferred from the name by the category rules"},
	{"purchaser", "购买主体", false, "purchasing or managing office"},
	{"organization", "承接单位", false, "organization that receives the money (承接/申报/中标/实施单位), as printed"},
	{"credit_code", "统一社会信用代码", false, "the organization's 18-character code, when printed"},
	{"target_group", "服务对象", false, "target group"},
	{"region", "实施地区", false, "implementation region as printed; empty = the whole jurisdiction"},
	{"funding", "资金来源", false, "one of the list; empty = 未注明"},
	{"amount", "金额", false, "a number in the catalog's unit (目录 sheet: 元, 万元 or 亿元; 万元 when empty), exact; empty = not stated"},
	{"amount_kind", "金额性质", false, "fixed 定额 / cap 最高资助 / actuals 按实结算 / derived 共享 (one amount printed once for several items, each given it) / approx 约数; empty = fixed when an amount is given"},
	{"tax_included", "含税", false, "是 / 否 or empty"},
	{"period_start", "开始日期", false, "YYYY-MM-DD"},
	{"period_end", "结束日期", false, "YYYY-MM-DD"},
}

// TotalFields are the columns of a total the document states about itself:
// on the 合计 sheet of an .xlsx template, or extra CSV columns. A CSV row
// with total_label is such a total (its amount in the amount column), not a
// line item.
var TotalFields = []Field{
	{"total_label", "合计说明", false, "what the document calls the total, e.g. 合计 or 共计; the row is then a stated total, not an item"},
	{"total_scope", "合计范围", false, "the 序号 of the items it sums, separated by 、 or commas; empty = every item of the catalog"},
	{"total_low", "约数下限", false, "an approximate total (约1.07亿, 520余万) reconciles with any sum from total_low to total_high, in the catalog's unit; empty = exact"},
	{"total_high", "约数上限", false, "see total_low"},
}

// LegacyFields are columns earlier templates had and loading still accepts:
// amount_wan, an amount always in 万元.
var LegacyFields = []Field{
	{"amount_wan", "金额（万元）", false, "amount in 万元 (templates before the unit column)"},
}

// Vocabulary is what template cells may say: categories and funding sources
// from the reference data, and the amount kinds.
type Vocabulary struct {
	Categories []string // codes and Chinese labels
	Funding    []string // codes, Chinese names and aliases
}

// LoadVocabulary reads ref/categories.csv and the funding-source files from the data folder.
func LoadVocabulary(dataFS fs.FS) (*Vocabulary, error) {
	v := &Vocabulary{}
	read := func(name string, cols ...int) ([]string, error) {
		b, err := fs.ReadFile(dataFS, "ref/"+name)
		if err != nil {
			return nil, err
		}
		recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			return nil, fmt.Errorf("ref/%s: %w", name, err)
		}
		var out []string
		for _, r := range recs[1:] {
			for _, c := range cols {
				out = append(out, r[c])
			}
		}
		return out, nil
	}
	var err error
	if v.Categories, err = read("categories.csv", 0, 1); err != nil {
		return nil, err
	}
	codes, err := read("funding_sources.csv", 0, 1)
	if err != nil {
		return nil, err
	}
	aliases, err := read("funding_aliases.csv", 0)
	if err != nil {
		return nil, err
	}
	v.Funding = append(codes, aliases...)
	return v, nil
}

// Problem is one invalid template cell.
type Problem struct {
	Sheet  string
	Row    int
	Column string
	Reason string
}

func (p Problem) String() string {
	return fmt.Sprintf("sheet %s, row %d, column %s: %s", p.Sheet, p.Row, p.Column, p.Reason)
}

// Error lists every problem of a template file; nothing is loaded.
type Error struct {
	File     string
	Problems []Problem
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d invalid cells, nothing was loaded:", e.File, len(e.Problems))
	for i, p := range e.Problems {
		if i == 50 {
			fmt.Fprintf(&b, "\n  … and %d more", len(e.Problems)-50)
			break
		}
		b.WriteString("\n  " + p.String())
	}
	return b.String()
}

// Columns lists the columns of the CSV template, catalog columns first,
// then the item columns and the stated-total columns.
func Columns() []string {
	var out []string
	for _, f := range AllFields() {
		out = append(out, f.Key)
	}
	return out
}

// AllFields are the catalog, item and stated-total fields in CSV order.
func AllFields() []Field {
	return append(append(append([]Field{}, CatalogFields...), ItemFields...), TotalFields...)
}

// IsFile tells whether a path is a fundscope template rather than a
// published document: a .csv whose first cell is catalog_id, or an .xlsx
// with the template's catalog sheet. Any other workbook or CSV is a
// document for the readers. A file that cannot be opened as either is
// treated as a template, whose loader reports exactly what is wrong.
func IsFile(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return csvIsTemplate(path)
	case ".xlsx":
		return xlsxIsTemplate(path)
	}
	return false
}

func csvIsTemplate(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return true
	}
	defer f.Close()
	head := make([]byte, 64)
	n, _ := io.ReadFull(f, head)
	first := strings.TrimPrefix(string(head[:n]), "\ufeff")
	first = strings.TrimPrefix(first, `"`)
	return strings.HasPrefix(first, "catalog_id")
}

// xlsxIsTemplate looks for the catalog sheet's name in the workbook part
// alone (read within a size limit), without opening the whole workbook.
func xlsxIsTemplate(path string) bool {
	z, err := zip.OpenReader(path)
	if err != nil {
		return true
	}
	defer z.Close()
	for _, m := range z.File {
		if m.Name != "xl/workbook.xml" {
			continue
		}
		r, err := m.Open()
		if err != nil {
			return true
		}
		defer r.Close()
		b, err := io.ReadAll(io.LimitReader(r, 4<<20))
		if err != nil {
			return true
		}
		wb := string(b)
		return strings.Contains(wb, `name="`+SheetCatalog+`"`) || strings.Contains(wb, `name="`+FormerSheetCatalog+`"`)
	}
	return true
}
