package ingest

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// LayoutTemplate is the layout of catalogs entered in fundscope's own
// template (fundscope template): an .xlsx workbook or a .csv file that carry
// their catalog's facts themselves, so they need no manifest entry.
const LayoutTemplate = "template"

// Template sheet names.
const (
	SheetInstructions = "说明 Instructions"
	SheetCatalog      = "目录 Catalog"
	SheetItems        = "项目 Line items"
	SheetLists        = "lists"
)

type templateField struct {
	Key, Label string
	Required   bool
	Help       string
}

// catalogFields are the facts about a catalog (the 目录 sheet; leading CSV columns).
var catalogFields = []templateField{
	{"catalog_id", "目录编号", true, "stable id of letters, digits and -, e.g. wenzhou-2024-purchase"},
	{"title", "目录标题", true, "title as published"},
	{"publisher", "发布机关", true, "issuing body"},
	{"province", "省份", true, "e.g. 浙江省"},
	{"city", "城市", true, "prefecture-level city, e.g. 温州市"},
	{"district", "区县", false, "district or county when the catalog is a district's"},
	{"admin_code", "行政区划代码", true, "6-digit GB/T 2260 code of the publisher's jurisdiction"},
	{"level", "层级", true, "city or district"},
	{"year", "年度", true, "e.g. 2024"},
	{"published", "发布日期", false, "YYYY-MM-DD"},
	{"synthetic", "合成数据", false, "true only for generated test data (fundscope gen)"},
}

// itemFields are the columns of the line-items sheet.
var itemFields = []templateField{
	{"item_no", "序号", true, "number of the row as printed"},
	{"name", "项目名称", true, "project name"},
	{"description", "项目内容", false, "what is bought"},
	{"category", "类别", true, "one of the list (code or Chinese label)"},
	{"purchaser", "购买主体", false, "purchasing or managing office"},
	{"target_group", "服务对象", false, "target group"},
	{"region", "实施地区", false, "implementation region as printed; empty = the whole jurisdiction"},
	{"funding", "资金来源", false, "one of the list; empty = 未注明"},
	{"amount_wan", "金额（万元）", false, "number of 万元 (10,000 yuan), up to 4 decimals; empty = not stated"},
	{"amount_kind", "金额性质", false, "fixed 定额 / cap 最高资助 / actuals 按实结算; empty = fixed when an amount is given"},
	{"tax_included", "含税", false, "是 / 否 or empty"},
	{"period_start", "开始日期", false, "YYYY-MM-DD"},
	{"period_end", "结束日期", false, "YYYY-MM-DD"},
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

var kinds = map[string]string{
	"fixed": KindFixed, "定额": KindFixed, "cap": KindCap, "最高资助": KindCap,
	"actuals": KindActuals, "按实结算": KindActuals, "unknown": KindUnknown, "未列": KindUnknown,
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

// TemplateError lists every problem of a template file; nothing is loaded.
type TemplateError struct {
	File     string
	Problems []Problem
}

func (e *TemplateError) Error() string {
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

// TemplateCatalog is one catalog read from a template file.
type TemplateCatalog struct {
	Catalog Catalog
	Parsed  *Parsed
}

var (
	slugRe   = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{2,80}$`)
	wanRe    = regexp.MustCompile(`^\d{1,12}(\.\d{1,4})?$`)
	dateISO  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	headerRe = regexp.MustCompile(`[a-z_]+$`)
)

// ReadTemplate reads a filled template: .xlsx (sheets 目录 and 项目) or .csv
// (one row per line item, catalog columns first; several catalogs may share
// a file). Every row is validated; any problem fails the whole file.
func ReadTemplate(file string, raw []byte, v *Vocabulary) ([]TemplateCatalog, error) {
	if strings.HasSuffix(strings.ToLower(file), ".xlsx") {
		return readTemplateXLSX(file, raw, v)
	}
	return readTemplateCSV(file, raw, v)
}

type rowSource struct {
	sheet string
	row   int
	get   func(key string) string
}

func readTemplateCSV(file string, raw []byte, v *Vocabulary) ([]TemplateCatalog, error) {
	doc, err := Decode(file, raw)
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(strings.NewReader(strings.Join(doc.Lines, "\n")))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		return nil, &ParseError{File: file, Msg: "not a CSV file: " + err.Error()}
	}
	if len(recs) < 2 {
		return nil, &ParseError{File: file, Line: 1, Msg: "a template CSV needs a header row and at least one line item"}
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[strings.TrimSpace(h)] = i
	}
	var probs []Problem
	for _, f := range append(append([]templateField{}, catalogFields...), itemFields...) {
		if _, ok := col[f.Key]; !ok && f.Required {
			probs = append(probs, Problem{"csv", 1, f.Key, "required column is missing from the header"})
		}
	}
	if len(probs) > 0 {
		return nil, &TemplateError{file, probs}
	}
	var rows []rowSource
	for i, rec := range recs[1:] {
		rec := rec
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		rows = append(rows, rowSource{"csv", i + 2, func(key string) string {
			if c, ok := col[key]; ok && c < len(rec) {
				return strings.TrimSpace(rec[c])
			}
			return ""
		}})
	}
	return buildTemplate(file, rows, nil, v)
}

func readTemplateXLSX(file string, raw []byte, v *Vocabulary) ([]TemplateCatalog, error) {
	f, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		return nil, &ParseError{File: file, Msg: "not an .xlsx workbook: " + err.Error()}
	}
	defer f.Close()
	catRows, err := f.GetRows(SheetCatalog)
	if err != nil {
		return nil, &ParseError{File: file, Msg: fmt.Sprintf("no sheet %q: is this a fundscope template? (fundscope template --out FILE.xlsx)", SheetCatalog)}
	}
	meta := map[string]string{}
	metaRow := map[string]int{}
	for i, r := range catRows {
		if len(r) == 0 {
			continue
		}
		if k := headerRe.FindString(strings.TrimSpace(r[0])); k != "" {
			val := ""
			if len(r) > 1 {
				val = strings.TrimSpace(r[1])
			}
			meta[k], metaRow[k] = val, i+1
		}
	}
	itemRows, err := f.GetRows(SheetItems)
	if err != nil || len(itemRows) == 0 {
		return nil, &ParseError{File: file, Msg: fmt.Sprintf("no sheet %q with a header row", SheetItems)}
	}
	col := map[string]int{}
	for i, h := range itemRows[0] {
		if k := headerRe.FindString(strings.TrimSpace(h)); k != "" {
			col[k] = i
		}
	}
	var probs []Problem
	for _, f := range itemFields {
		if _, ok := col[f.Key]; !ok && f.Required {
			probs = append(probs, Problem{SheetItems, 1, f.Key, "required column is missing from the header"})
		}
	}
	if len(probs) > 0 {
		return nil, &TemplateError{file, probs}
	}
	var rows []rowSource
	for i, rec := range itemRows[1:] {
		rec := rec
		blank := true
		for _, c := range rec {
			if strings.TrimSpace(c) != "" {
				blank = false
			}
		}
		if blank {
			continue
		}
		rows = append(rows, rowSource{SheetItems, i + 2, func(key string) string {
			if c, ok := col[key]; ok && c < len(rec) {
				return strings.TrimSpace(rec[c])
			}
			if _, isCat := metaRow[key]; isCat {
				return meta[key]
			}
			return ""
		}})
	}
	return buildTemplate(file, rows, metaRow, v)
}

// buildTemplate validates every row and groups the items by catalog.
func buildTemplate(file string, rows []rowSource, metaRow map[string]int, v *Vocabulary) ([]TemplateCatalog, error) {
	var probs []Problem
	catProblem := func(r rowSource, key, reason string) {
		if metaRow != nil { // xlsx: the catalog facts live on their own sheet, report them once
			p := Problem{SheetCatalog, metaRow[key], key, reason}
			for _, q := range probs {
				if q == p {
					return
				}
			}
			probs = append(probs, p)
			return
		}
		probs = append(probs, Problem{r.sheet, r.row, key, reason})
	}
	byID := map[string]*TemplateCatalog{}
	fingerprints := map[string]string{}
	var order []string
	seenItem := map[string]int{}
	if len(rows) == 0 {
		return nil, &TemplateError{file, []Problem{{SheetItems, 2, "name", "the template has no line items"}}}
	}
	for _, r := range rows {
		c := Catalog{Layout: LayoutTemplate, File: file}
		for _, f := range catalogFields {
			if f.Required && r.get(f.Key) == "" {
				catProblem(r, f.Key, "required")
			}
		}
		c.CatalogID, c.Title, c.Publisher = r.get("catalog_id"), r.get("title"), r.get("publisher")
		c.Province, c.City, c.AdminCode, c.Level = r.get("province"), r.get("city"), r.get("admin_code"), r.get("level")
		if d := r.get("district"); d != "" {
			c.District = &d
		}
		switch sy := r.get("synthetic"); sy {
		case "", "false", "否":
		case "true", "是":
			c.Synthetic = true
		default:
			catProblem(r, "synthetic", fmt.Sprintf("%q is not true or false", sy))
		}
		if p := r.get("published"); p != "" {
			if !validDate(p) {
				catProblem(r, "published", fmt.Sprintf("%q is not a date YYYY-MM-DD", p))
			} else {
				c.Published = &p
			}
		}
		if y := r.get("year"); y != "" {
			n, err := strconv.Atoi(y)
			if err != nil || n < 1990 || n > 2100 {
				catProblem(r, "year", fmt.Sprintf("%q is not a year between 1990 and 2100", y))
			}
			c.Year = n
		}
		if c.CatalogID != "" && !slugRe.MatchString(c.CatalogID) {
			catProblem(r, "catalog_id", fmt.Sprintf("%q must be lower-case letters, digits and - (e.g. wenzhou-2024-purchase)", c.CatalogID))
		}
		if c.AdminCode != "" && (len(c.AdminCode) != 6 || strings.Trim(c.AdminCode, "0123456789") != "") {
			catProblem(r, "admin_code", fmt.Sprintf("%q is not a 6-digit GB/T 2260 code", c.AdminCode))
		}
		if c.Level != "" && c.Level != "city" && c.Level != "district" {
			catProblem(r, "level", fmt.Sprintf("%q must be city or district", c.Level))
		}
		tc, ok := byID[c.CatalogID]
		if !ok {
			tc = &TemplateCatalog{Catalog: c, Parsed: &Parsed{}}
			byID[c.CatalogID] = tc
			fingerprints[c.CatalogID] = c.fingerprint()
			order = append(order, c.CatalogID)
		} else if fingerprints[c.CatalogID] != c.fingerprint() {
			catProblem(r, "catalog_id", "the catalog columns differ from an earlier row of the same catalog_id")
		}
		it, rowProbs := templateItem(r, v)
		probs = append(probs, rowProbs...)
		it.ItemID = itemID(c, it)
		if prev, dup := seenItem[it.ItemID]; dup {
			probs = append(probs, Problem{r.sheet, r.row, "item_no", fmt.Sprintf("序号 %s appears twice in catalog %s (first in row %d)", it.ItemNo, c.CatalogID, prev)})
		}
		seenItem[it.ItemID] = r.row
		tc.Parsed.Items = append(tc.Parsed.Items, it)
	}
	if len(probs) > 0 {
		sort.SliceStable(probs, func(i, j int) bool {
			return probs[i].Sheet < probs[j].Sheet || probs[i].Sheet == probs[j].Sheet && probs[i].Row < probs[j].Row
		})
		return nil, &TemplateError{file, probs}
	}
	var out []TemplateCatalog
	for _, id := range order {
		out = append(out, *byID[id])
	}
	return out, nil
}

func templateItem(r rowSource, v *Vocabulary) (LineItem, []Problem) {
	var probs []Problem
	bad := func(key, reason string) { probs = append(probs, Problem{r.sheet, r.row, key, reason}) }
	it := LineItem{
		ItemNo: r.get("item_no"), Name: r.get("name"), Description: r.get("description"),
		SourceCat: r.get("category"), Purchaser: r.get("purchaser"), TargetGroup: r.get("target_group"),
		RegionText: r.get("region"), FundingText: r.get("funding"), Section: SheetItems,
		LineStart: r.row, LineEnd: r.row,
	}
	if it.RegionText != "" {
		it.RegionLine = r.row
	}
	if it.FundingText != "" {
		it.FundingLine = r.row
	}
	if it.ItemNo == "" {
		bad("item_no", "required")
	} else if strings.ContainsAny(it.ItemNo, "#/ ") {
		bad("item_no", fmt.Sprintf("%q may not contain '#', '/' or spaces", it.ItemNo))
	}
	if it.Name == "" {
		bad("name", "required")
	}
	if it.SourceCat == "" {
		bad("category", "required")
	} else if !contains(v.Categories, it.SourceCat) {
		bad("category", fmt.Sprintf("%q is not a category (one of: %s)", it.SourceCat, strings.Join(v.Categories, ", ")))
	}
	if it.FundingText != "" && !contains(v.Funding, it.FundingText) {
		bad("funding", fmt.Sprintf("%q is not a known funding source; use one of the list or add an alias to data/ref/funding_aliases.csv", it.FundingText))
	}
	amt := r.get("amount_wan")
	it.Amount = Amount{Text: amt, Kind: KindUnknown}
	if amt != "" {
		n := Normalize(amt)
		switch {
		case strings.HasPrefix(n, "-"):
			bad("amount_wan", fmt.Sprintf("%q is negative", amt))
		case strings.HasSuffix(n, "万元") || strings.HasSuffix(n, "万"):
			bad("amount_wan", fmt.Sprintf("%q: write the number only; the column is already in 万元", amt))
		case strings.HasSuffix(n, "元"):
			bad("amount_wan", fmt.Sprintf("%q is in 元; the column is in 万元 (divide by 10,000)", amt))
		case !wanRe.MatchString(n):
			bad("amount_wan", fmt.Sprintf("%q is not a number of 万元 with at most 4 decimals", amt))
		default:
			a, err := ParseAmount(n, "万元")
			if err != nil {
				bad("amount_wan", err.Error())
			} else {
				a.Text = amt
				it.Amount = a
			}
		}
	}
	if k := r.get("amount_kind"); k != "" {
		kind, ok := kinds[k]
		switch {
		case !ok:
			bad("amount_kind", fmt.Sprintf("%q is not fixed/定额, cap/最高资助 or actuals/按实结算", k))
		case kind == KindUnknown && it.Amount.Yuan != nil:
			bad("amount_kind", "unknown, but an amount is given")
		case kind != KindUnknown && it.Amount.Yuan == nil && amt == "":
			bad("amount_kind", kind+" needs an amount")
		default:
			it.Amount.Kind = kind
		}
	}
	switch t := r.get("tax_included"); t {
	case "":
	case "是", "yes", "true", "含税":
		b := true
		it.Amount.TaxIncluded = &b
	case "否", "no", "false", "不含税":
		b := false
		it.Amount.TaxIncluded = &b
	default:
		bad("tax_included", fmt.Sprintf("%q is not 是 or 否", t))
	}
	for _, k := range []string{"period_start", "period_end"} {
		if d := r.get(k); d != "" && !validDate(d) {
			bad(k, fmt.Sprintf("%q is not a date YYYY-MM-DD", d))
		}
	}
	it.PeriodStart, it.PeriodEnd = r.get("period_start"), r.get("period_end")
	return it, probs
}

func validDate(s string) bool {
	if !dateISO.MatchString(s) {
		return false
	}
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// IngestTemplate validates a whole template file, then loads all its
// catalogs in one transaction. Any invalid cell: nothing is loaded.
func IngestTemplate(ctx context.Context, db *sql.DB, file string, raw []byte, v *Vocabulary) ([]*Result, error) {
	return ingestDocument(ctx, db, file, raw, "", func() ([]Part, string, error) {
		cats, err := ReadTemplate(file, raw, v)
		if err != nil {
			return nil, "", err
		}
		parts := make([]Part, len(cats))
		for i, tc := range cats {
			parts[i] = Part{tc.Catalog, tc.Parsed}
		}
		return parts, "template", nil
	})
}

// TemplateColumns lists the columns of the CSV template, catalog columns first.
func TemplateColumns() []string {
	var out []string
	for _, f := range append(append([]templateField{}, catalogFields...), itemFields...) {
		out = append(out, f.Key)
	}
	return out
}

// IsTemplateFile tells whether a path is a template (.xlsx or .csv) rather than a text catalog.
func IsTemplateFile(path string) bool {
	p := strings.ToLower(path)
	return strings.HasSuffix(p, ".xlsx") || strings.HasSuffix(p, ".csv")
}
