package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
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
// 温州市 (not among the seeds). rows: item_no, name, category, region, funding, amount_wan, amount_kind.
func filledTemplate(t *testing.T, year string, rows [][]string) []byte {
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
	meta := map[string]string{"catalog_id": "wenzhou-2024-purchase", "title": "2024年温州市民政局购买服务项目目录", "publisher": "温州市民政局",
		"province": "浙江省", "city": "温州市", "admin_code": "330300", "level": "city", "year": year, "published": "2024-03-01"}
	for i, fl := range template.CatalogFields {
		f.SetCellStr(template.SheetCatalog, fmt.Sprintf("B%d", i+1), meta[fl.Key])
	}
	cols := []string{"item_no", "name", "category", "region", "funding", "amount_wan", "amount_kind"}
	for r, row := range rows {
		for c, val := range row {
			for i, fl := range template.ItemFields {
				if fl.Key == cols[c] {
					cell, _ := excelize.CoordinatesToCellName(i+1, r+2)
					f.SetCellStr(template.SheetItems, cell, val)
				}
			}
		}
	}
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
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
	if got := strings.Join(f.GetSheetList(), "|"); got != strings.Join([]string{template.SheetInstructions, template.SheetCatalog, template.SheetItems, template.SheetLists}, "|") {
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
		"sheet 目录 model.Catalog, row 9, column year",
		"sheet 项目 Line items, row 2, column amount_wan: \"-5\" is negative",
		"sheet 项目 Line items, row 3, column category: \"宠物\" is not a category",
		"sheet 项目 Line items, row 4, column amount_wan: \"20元\" is in 元",
		"sheet 项目 Line items, row 5, column amount_wan: \"20万元\": write the number only",
		"sheet 项目 Line items, row 6, column funding",
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error should list %q:\n%v", w, err)
		}
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
		{"huge amount", head + "\n" + row("1", "甲", "10000000000") + "\n", 0, "row 2, column amount_wan: \"10000000000\" is too large"},
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
