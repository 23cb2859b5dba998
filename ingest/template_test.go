package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"fundscope/data"

	"fundscope/ingest/template"
)

func vocabulary(t testing.TB) *template.Vocabulary {
	v, err := template.LoadVocabulary(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// filledTemplate writes the template and fills it as an analyst would, for
// 温州市 (not among the seeds). rows: item_no, name, category, region, funding, amount (万元), amount_kind.
func filledTemplate(t *testing.T, year string, rows [][]string) []byte {
	t.Helper()
	meta := map[string]string{"catalog_id": "wenzhou-2024-purchase", "title": "2024年温州市民政局购买服务项目目录", "publisher": "温州市民政局",
		"province": "浙江省", "city": "温州市", "admin_code": "330300", "level": "city", "year": year, "published": "2024-03-01"}
	cols := []string{"item_no", "name", "category", "region", "funding", "amount", "amount_kind"}
	var items []map[string]string
	for _, row := range rows {
		item := map[string]string{}
		for c, val := range row {
			item[cols[c]] = val
		}
		items = append(items, item)
	}
	return workbook(t, meta, items, nil)
}

func TestTemplateHasListsAndInstructions(t *testing.T) {
	var b bytes.Buffer
	if err := template.Write(&b, vocabulary(t)); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), "|"); got != strings.Join([]string{template.SheetInstructions, template.SheetCatalog, template.SheetItems, template.SheetLists, template.SheetTotals}, "|") {
		t.Errorf("sheets %s", got)
	}
	dvs, err := f.GetDataValidations(template.SheetItems)
	if err != nil {
		t.Fatal(err)
	}
	lists := 0
	for _, dv := range dvs {
		if dv.Type == "list" {
			lists++
			if !strings.HasPrefix(dv.Formula1, "'lists'!") && !strings.Contains(dv.Formula1, "lists") {
				t.Errorf("list validation %q is not backed by the lists sheet", dv.Formula1)
			}
		}
	}
	if lists != 4 || len(dvs) != 5 {
		t.Errorf("%d validations, %d lists; want 5 and 4 (category, funding, kind, tax; amount)", len(dvs), lists)
	}
	text, _ := f.GetCellValue(template.SheetInstructions, "A6")
	if !strings.Contains(text, "万元") {
		t.Errorf("instructions should explain the unit: %q", text)
	}
}

func TestTemplateRoundTrip(t *testing.T) {
	db := openTestDB(t)
	raw := filledTemplate(t, "2024", [][]string{
		{"1", "居家养老服务", "elderly", "鹿城区", "福彩金", "30", "定额"},
		{"2", "青少年心理辅导", "儿童与青少年", "瓯海区", "社区服务业资金", "12.5", "最高资助"},
		{"3", "社区志愿服务", "community", "", "", "", ""},
	})
	res, err := IngestTemplate(context.Background(), db, "wenzhou.xlsx", raw, vocabulary(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].Items != 3 || res[0].Action != "loaded" {
		t.Fatalf("results %+v", res)
	}
	if s := queryInt(t, db, `SELECT sum(amount_yuan) FROM line_item WHERE catalog_id = 'wenzhou-2024-purchase'`); s != 425000 {
		t.Errorf("sum %d, want 425000 (30 + 12.5 万元)", s)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM line_item WHERE catalog_id = 'wenzhou-2024-purchase' AND amount_yuan IS NULL AND amount_kind = 'unknown'`); n != 1 {
		t.Errorf("%d items of unknown amount, want 1", n)
	}
	if n := queryInt(t, db, `SELECT line_start FROM line_item WHERE item_id = 'wenzhou-2024-purchase#3'`); n != 4 {
		t.Errorf("wenzhou #3 is on sheet row 4, line_start %d", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM line_item WHERE item_id = 'wenzhou-2024-purchase#2' AND amount_kind = 'cap'`); n != 1 {
		t.Error("最高资助 should make a cap")
	}
	// The same file again is a no-op.
	res, err = IngestTemplate(context.Background(), db, "wenzhou.xlsx", raw, vocabulary(t))
	if err != nil || res[0].Action != "unchanged" {
		t.Errorf("re-ingest: %v %+v", err, res)
	}
}

func TestTemplateRejectsInvalidRows(t *testing.T) {
	db := openTestDB(t)
	loadAll(t, db)
	before := snapshot(t, db)
	raw := filledTemplate(t, "二〇二四", [][]string{
		{"1", "居家养老服务", "elderly", "鹿城区", "福彩金", "-5", ""},
		{"2", "宠物关爱", "宠物", "", "", "3", ""},
		{"3", "助餐", "elderly", "", "", "20元", ""},
		{"4", "助浴", "elderly", "", "", "20万元", ""},
		{"5", "义诊", "elderly", "", "神秘基金", "1", "定额"},
	})
	_, err := IngestTemplate(context.Background(), db, "bad.xlsx", raw, vocabulary(t))
	var te *template.Error
	if !errors.As(err, &te) {
		t.Fatalf("got %v, want a template.Error", err)
	}
	want := []string{
		"sheet 目录 Catalog, row 9, column year",
		"sheet 项目 Line items, row 2, column amount: \"-5\" is negative",
		"sheet 项目 Line items, row 3, column category: \"宠物\" is not a category",
		"sheet 项目 Line items, row 4, column amount: \"20元\": write the number only; the unit is the catalog's (万元",
		"sheet 项目 Line items, row 5, column amount: \"20万元\": write the number only",
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error should list %q:\n%v", w, err)
		}
	}
	if strings.Contains(err.Error(), "column funding") {
		t.Errorf("a funding source outside the list is kept with a warning, not refused:\n%v", err)
	}
	if snapshot(t, db) != before {
		t.Error("an invalid template changed the database")
	}
}

func TestTemplateCSVWithTwoCatalogs(t *testing.T) {
	db := openTestDB(t)
	csv := "catalog_id,title,publisher,province,city,district,admin_code,level,year,item_no,name,category,region,funding,amount_wan\n" +
		"jiaxing-2023,嘉兴2023,嘉兴市民政局,浙江省,嘉兴市,,330400,city,2023,1,助老,elderly,南湖区,,8\n" +
		"jiaxing-2023,嘉兴2023,嘉兴市民政局,浙江省,嘉兴市,,330400,city,2023,2,助残,disability,,,2.5\n" +
		"jiaxing-2024,嘉兴2024,嘉兴市民政局,浙江省,嘉兴市,,330400,city,2024,1,助老,elderly,,福彩金,9\n"
	res, err := IngestTemplate(context.Background(), db, "jiaxing.csv", []byte(csv), vocabulary(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 2 || res[0].Items != 2 || res[1].Items != 1 {
		t.Fatalf("%+v", res)
	}
	if n := queryInt(t, db, `SELECT line_start FROM line_item WHERE item_id = 'jiaxing-2024#1'`); n != 4 {
		t.Errorf("jiaxing-2024#1 comes from CSV row 4, line_start %d", n)
	}
	bad := strings.Replace(csv, ",2.5\n", ",2.5.1\n", 1)
	if _, err := IngestTemplate(context.Background(), db, "jiaxing.csv", []byte(bad), vocabulary(t)); err == nil || !strings.Contains(err.Error(), "sheet csv, row 3, column amount_wan") {
		t.Errorf("bad csv: %v", err)
	}
}

// Template CSVs as other tools write them: mixed CRLF/LF line ends and a bare
// CR inside a quoted cell load; an amount too large for any catalog and a
// control character are refused naming the row and column.
func TestTemplateCSVEdgeCases(t *testing.T) {
	head := "catalog_id,title,publisher,province,city,admin_code,level,year,item_no,name,category,amount_wan"
	row := func(no, name, amount string) string {
		return "xx-2024,t,p,浙江省,温州市,330300,city,2024," + no + "," + name + ",elderly," + amount
	}
	v := vocabulary(t)
	for _, c := range []struct {
		label, body string
		items       int
		problem     string
	}{
		{"mixed line ends", head + "\r\n" + row("1", "甲", "5") + "\n" + row("2", "乙", "6") + "\r\n", 2, ""},
		{"bare CR in a quoted cell", head + "\n" + row("1", "\"甲\r乙\"", "5") + "\n", 1, ""},
		{"huge amount", head + "\n" + row("1", "甲", "10000000000") + "\n", 0, "row 2, column amount_wan: \"10000000000\" 万元 is too large"},
		{"NUL in a name", head + "\n" + row("1", "甲\x00乙", "5") + "\n", 0, "row 2, column name: contains a control character"},
	} {
		db := openTestDB(t)
		res, err := IngestTemplate(context.Background(), db, c.label+".csv", []byte(c.body), v)
		if c.problem != "" {
			if err == nil || !strings.Contains(err.Error(), c.problem) {
				t.Errorf("%s: want %q, got %v", c.label, c.problem, err)
			}
			continue
		}
		if err != nil || len(res) != 1 || res[0].Items != c.items {
			t.Errorf("%s: %v %+v", c.label, err, res)
		}
	}
}

// workbook fills the template: catalog facts, item rows by column key, and
// rows of the 合计 sheet (label, amount, scope).
func workbook(t *testing.T, meta map[string]string, items []map[string]string, totals [][3]string) []byte {
	t.Helper()
	var wide [][5]string
	for _, tot := range totals {
		wide = append(wide, [5]string{tot[0], tot[1], tot[2]})
	}
	return workbook5(t, meta, items, wide)
}

// workbook5 is workbook with the stated totals' approximate range (total_low, total_high).
func workbook5(t *testing.T, meta map[string]string, items []map[string]string, totals [][5]string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := template.Write(&b, vocabulary(t)); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i, fl := range template.CatalogFields {
		f.SetCellStr(template.SheetCatalog, fmt.Sprintf("B%d", i+1), meta[fl.Key])
	}
	for r, row := range items {
		for i, fl := range template.ItemFields {
			cell, _ := excelize.CoordinatesToCellName(i+1, r+2)
			f.SetCellStr(template.SheetItems, cell, row[fl.Key])
		}
	}
	for r, tot := range totals {
		for c, v := range tot {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
			f.SetCellStr(template.SheetTotals, cell, v)
		}
	}
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// A province's list in 元 with organizations, a cap, a funding source outside
// the reference list and the totals it states: it loads with city empty, its
// amounts exact, its totals reconciled (a wrong one reported, not hidden),
// and warnings for the funding name and the implausible amounts.
func TestTemplateProvinceInYuanWithOrganizationsAndTotals(t *testing.T) {
	db := openTestDB(t)
	meta := map[string]string{"catalog_id": "prov-2024-grants", "title": "2024年某省福彩公益金资助项目名单", "publisher": "某省民政厅",
		"province": "安徽省", "admin_code": "340000", "level": "province", "year": "2024", "unit": "元"}
	items := []map[string]string{
		{"item_no": "1", "name": "社区养老互助", "organization": "甲社会工作服务中心", "credit_code": "52340104MJB12345X6", "funding": "省级福彩公益金", "amount": "300000"},
		{"item_no": "2", "name": "困境儿童关爱", "organization": "乙協會", "funding": "彩票公益金（省本级）", "amount": "200000", "amount_kind": "共享"},
		{"item_no": "3", "name": "助残康复", "organization": "丙协会", "funding": "省级福彩公益金", "amount": "150000", "amount_kind": "最高资助"},
		{"item_no": "4", "name": "大额项目", "amount": "200000000"},
	}
	totals := [][3]string{{"合计", "200650000", ""}, {"其中 1、2 项", "600000", "1、2"}}
	raw := workbook(t, meta, items, totals)
	res, err := IngestTemplate(context.Background(), db, "prov.xlsx", raw, vocabulary(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].Items != 4 || len(res[0].Totals) != 2 {
		t.Fatalf("results %+v", res)
	}
	if mm := res[0].Mismatches(); len(mm) != 1 || mm[0].Stated != 600000 || mm[0].Computed != 500000 {
		t.Errorf("the wrong stated total should be reported: %+v", res[0].Totals)
	}
	var city, level, phase string
	db.QueryRow(`SELECT city, level, phase FROM catalog WHERE catalog_id = 'prov-2024-grants'`).Scan(&city, &level, &phase)
	if city != "" || level != "province" || phase != "approved" {
		t.Errorf("catalog: city %q level %q phase %q (the title names a 资助项目名单: approved)", city, level, phase)
	}
	if s := queryInt(t, db, `SELECT sum(amount_yuan) FROM line_item WHERE catalog_id = 'prov-2024-grants'`); s != 200650000 {
		t.Errorf("sum %d yuan", s)
	}
	var org, code, kind string
	db.QueryRow(`SELECT organization, organization_code, amount_kind FROM line_item WHERE item_id = 'prov-2024-grants#1'`).Scan(&org, &code, &kind)
	if org != "甲社会工作服务中心" || code != "52340104MJB12345X6" || kind != "fixed" {
		t.Errorf("item 1: %q %q %q", org, code, kind)
	}
	db.QueryRow(`SELECT amount_kind FROM line_item WHERE item_id = 'prov-2024-grants#2'`).Scan(&kind)
	if kind != "derived" {
		t.Errorf("共享 should give derived, got %q", kind)
	}
	var warnings []string
	for _, w := range res[0].Warnings {
		warnings = append(warnings, fmt.Sprintf("%d %s", w.Line, w.Message))
	}
	all := strings.Join(warnings, "\n")
	for _, want := range []string{`3 funding source "彩票公益金（省本级）" is not in the reference list`, "5 amount 200000000元 is above 10,000万元",
		"2 credit code 52340104MJB12345X6 fails its check character"} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%s", want, all)
		}
	}
}

// Amounts in 万元 that look like 元 are warned about; amounts that are not
// whole yuan are refused naming the row; 亿元 is exact.
func TestTemplateUnits(t *testing.T) {
	db := openTestDB(t)
	meta := map[string]string{"catalog_id": "units-2024", "title": "2024年某市项目目录", "publisher": "某市民政局",
		"province": "浙江省", "city": "温州市", "admin_code": "330300", "level": "city", "year": "2024"}
	res, err := IngestTemplate(context.Background(), db, "wan.xlsx", workbook(t, meta, []map[string]string{{"item_no": "1", "name": "甲", "amount": "150000"}}, nil), vocabulary(t))
	if err != nil || !strings.Contains(fmt.Sprint(res[0].Warnings), "probably 元") {
		t.Errorf("a 6-digit whole number of 万元 should be warned about: %v %+v", err, res)
	}
	meta["unit"], meta["catalog_id"] = "亿元", "units-2024-yi"
	if _, err := IngestTemplate(context.Background(), db, "yi.xlsx", workbook(t, meta, []map[string]string{{"item_no": "1", "name": "甲", "amount": "0.12345678"}}, nil), vocabulary(t)); err != nil {
		t.Fatal(err)
	}
	if s := queryInt(t, db, `SELECT amount_yuan FROM line_item WHERE catalog_id = 'units-2024-yi'`); s != 12345678 {
		t.Errorf("0.12345678 亿元 = %d yuan, want 12345678", s)
	}
	meta["unit"], meta["catalog_id"] = "元", "units-2024-yuan"
	_, err = IngestTemplate(context.Background(), db, "yuan.xlsx", workbook(t, meta, []map[string]string{{"item_no": "1", "name": "甲", "amount": "12.5"}}, nil), vocabulary(t))
	if err == nil || !strings.Contains(err.Error(), `row 2, column amount: "12.5" 元 is not a whole number of yuan`) {
		t.Errorf("fen are refused: %v", err)
	}
	meta["unit"] = "千元"
	_, err = IngestTemplate(context.Background(), db, "k.xlsx", workbook(t, meta, []map[string]string{{"item_no": "1", "name": "甲", "amount": "1"}}, nil), vocabulary(t))
	if err == nil || !strings.Contains(err.Error(), `column unit: "千元" must be 元, 万元 or 亿元`) {
		t.Errorf("unknown unit: %v", err)
	}
	_, err = IngestTemplate(context.Background(), db, "tot.xlsx", workbook(t, map[string]string{"catalog_id": "tot-2024", "title": "t", "publisher": "p",
		"province": "浙江省", "city": "温州市", "admin_code": "330300", "level": "city", "year": "2024"},
		[]map[string]string{{"item_no": "1", "name": "甲", "amount": "1"}}, [][3]string{{"合计", "1", "1、9"}}), vocabulary(t))
	if err == nil || !strings.Contains(err.Error(), "sheet 合计 Stated totals, row 2, column total_scope: 序号 9 is not an item") {
		t.Errorf("a total naming a missing item: %v", err)
	}
}

// The amount checks decide "whole yuan" and "too large" from the digits, and
// the insert converts with a DECIMAL of the unit's scale: at every unit's
// edges the yuan are exact and the refusals name the rule.
func TestTemplateAmountEdges(t *testing.T) {
	db := openTestDB(t)
	cases := []struct {
		unit, amount string
		yuan         int64
		refused      string
	}{
		{"万元", "1.00000000", 10000, ""},
		{"万元", "0.0001", 1, ""},
		{"万元", "999999999.9999", 9999999999999, ""},
		{"万元", "1.00005", 0, "is not a whole number of yuan"},
		{"万元", "1000000000", 0, "is too large"},
		{"元", "12.000", 12, ""},
		{"元", "9999999999999", 9999999999999, ""},
		{"元", "1.00000001", 0, "is not a whole number of yuan"},
		{"元", "10000000000000", 0, "is too large"},
		{"亿元", "0.00000001", 1, ""},
		{"亿元", "99999.99999999", 9999999999999, ""},
		{"亿元", "100000", 0, "is too large"},
		{"亿元", "1.000000001", 0, "is not a number of 亿元"},
	}
	for i, c := range cases {
		id := fmt.Sprintf("edge-%d", i)
		csv := "catalog_id,title,publisher,province,city,admin_code,level,year,unit,item_no,name,amount\n" +
			id + ",t,p,浙江省,温州市,330300,city,2024," + c.unit + ",1,甲," + c.amount + "\n"
		_, err := IngestTemplate(context.Background(), db, id+".csv", []byte(csv), vocabulary(t))
		if c.refused != "" {
			if err == nil || !strings.Contains(err.Error(), "row 2, column amount: \""+c.amount+"\"") || !strings.Contains(err.Error(), c.refused) {
				t.Errorf("%s %s: want refused (%s), got %v", c.amount, c.unit, c.refused, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s %s: %v", c.amount, c.unit, err)
			continue
		}
		if got := queryInt(t, db, `SELECT amount_yuan FROM line_item WHERE catalog_id = '`+id+`'`); got != c.yuan {
			t.Errorf("%s %s = %d yuan, want %d", c.amount, c.unit, got, c.yuan)
		}
	}
}

// The byte scan finds what DuckDB cannot read in place (a byte-order mark,
// a carriage return, invalid UTF-8, even when a rune straddles two chunks)
// and any control character, wherever it falls in an 8-byte word.
func TestScanCSVFile(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("项目名称,", (1<<20)/13) // runes cross the 1 MiB chunk boundary
	cases := []struct {
		name           string
		body           string
		plain, control bool
	}{
		{"plain", "a,b\n" + long + "\n", true, false},
		{"tab is not control", "a\tb\n", true, false},
		{"bom", "\ufeffa,b\n", false, false},
		{"crlf", "a,b\r\n", false, false},
		{"invalid utf8", "a,\xff\n", false, false},
		{"cut rune at end", "a,\xe9\xa1", false, false},
		{"nul", long + "x\x00y\n", true, true},
		{"vertical tab in tail", "ab\x0b", true, true},
	}
	for _, c := range cases {
		p := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "_")+".csv")
		if err := os.WriteFile(p, []byte(c.body), 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := scanCSVFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if s.plain != c.plain || s.control != c.control || s.size != int64(len(c.body)) {
			t.Errorf("%s: plain %v control %v size %d, want %v %v %d", c.name, s.plain, s.control, s.size, c.plain, c.control, len(c.body))
		}
	}
	sum, err := hashFile(filepath.Join(dir, "plain.csv"))()
	if err != nil || sum != sha256Hex([]byte("a,b\n"+long+"\n")) {
		t.Errorf("hashFile = %s %v", sum, err)
	}
}

// An approximate total (约1.07亿) keeps its range through the template: it
// reconciles with any sum inside it, not outside; a range that does not
// hold its amount is refused naming the cell.
func TestTemplateApproximateTotals(t *testing.T) {
	db := openTestDB(t)
	meta := map[string]string{"catalog_id": "approx-2025", "title": "2025年某市福彩公益金计划", "publisher": "某市民政局",
		"province": "浙江省", "city": "温州市", "admin_code": "330300", "level": "city", "year": "2025", "unit": "万元"}
	items := []map[string]string{{"item_no": "1", "name": "养老", "amount": "6963.96"}, {"item_no": "2", "name": "儿童", "amount": "3709.39"}}
	res, err := IngestTemplate(context.Background(), db, "approx.xlsx", workbook5(t, meta, items, [][5]string{
		{"约1.07亿元", "10700", "", "10600", "10800"},
		{"约1.2亿元", "12000", "", "11900", "12100"},
	}), vocabulary(t))
	if err != nil {
		t.Fatal(err)
	}
	mm := res[0].Mismatches()
	if len(res[0].Totals) != 2 || len(mm) != 1 || mm[0].Stated != 120000000 {
		t.Errorf("约1.07亿 should reconcile with 10673.35万 and 约1.2亿 should not: %+v", res[0].Totals)
	}
	var lo, hi int64
	db.QueryRow(`SELECT low_value, high_value FROM stated_total WHERE catalog_id = 'approx-2025' AND total_no = 1`).Scan(&lo, &hi)
	if lo != 106000000 || hi != 108000000 {
		t.Errorf("range %d–%d yuan", lo, hi)
	}
	meta["catalog_id"] = "approx-bad"
	_, err = IngestTemplate(context.Background(), db, "bad.xlsx", workbook5(t, meta, items, [][5]string{{"约1.07亿元", "10700", "", "10800", "10900"}}), vocabulary(t))
	if err == nil || !strings.Contains(err.Error(), "column total_low: an approximate total needs total_low and total_high") {
		t.Errorf("a range that does not hold its amount: %v", err)
	}
}
