package command

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"fundscope/cmdutil"
	"fundscope/ingest/template"
)

// corpus holds the real notices bundled with fundscope and their answer key
// (key/gold.csv, key/totals.csv): the tests use what the repository holds.
var corpus = filepath.Join("..", "data", "corpus")

// copyOut copies a corpus document, without its sidecar, into a fresh folder.
func copyOut(t *testing.T, name string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(corpus, name))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// extract reads a real notice with no manifest entry: inferred facts, items
// with exact yuan and their lines, stated totals next to their items' sum.
func TestExtractJSON(t *testing.T) {
	out, err := run(t, "extract", "--format", "json", filepath.Join(corpus, "13_fuzhou_gulou_gudong_2024.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Catalog struct {
			AdminCode string `json:"admin_code"`
			Level     string `json:"level"`
			Year      int    `json:"year"`
		} `json:"catalog"`
		Items []struct {
			Name       string `json:"name"`
			AmountYuan *int64 `json:"amount_yuan"`
			Location   string `json:"location"`
		} `json:"items"`
		Totals []struct {
			Stated     int64 `json:"stated_value"`
			Computed   int64 `json:"computed_value"`
			Reconciles bool  `json:"reconciles"`
		} `json:"stated_totals"`
		Unread []struct{ Text, Reason string } `json:"unread"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if res.Catalog.AdminCode != "350102" || res.Catalog.Level != "street" || res.Catalog.Year != 2024 {
		t.Errorf("facts: %+v", res.Catalog)
	}
	var sum int64
	for _, it := range res.Items {
		if it.AmountYuan == nil || it.Location == "" {
			t.Errorf("item without amount or location: %+v", it)
			continue
		}
		sum += *it.AmountYuan
	}
	if len(res.Items) != 3 || sum != 61268 {
		t.Errorf("items: %d, sum %d yuan, want 3 and 61268", len(res.Items), sum)
	}
	if len(res.Totals) == 0 || !res.Totals[0].Reconciles || res.Totals[0].Stated != 61268 {
		t.Errorf("totals: %+v", res.Totals)
	}
	if res.Unread == nil {
		t.Error("unread must be a list, empty when nothing is left")
	}
	perHead := filepath.Join(t.TempDir(), "notice.txt")
	os.WriteFile(perHead, []byte("某县慈善助学项目公示\n县民政局安排“春芽助学”项目资金6万元，资助困难学生30名，每人2000元。\n"), 0o644)
	table, err := run(t, "extract", perHead)
	if err != nil || !strings.Contains(table, "unread amounts (1)") || !strings.Contains(table, "per-head") {
		t.Errorf("table: %v\n%s", err, table)
	}
	if _, err := run(t, "extract", "--format", "pdf", "x"); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestEvalPrintsTheFigures(t *testing.T) {
	out, err := run(t, "eval", corpus, "--key", filepath.Join(corpus, "key"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"TOTAL 40/40 exact (100%)", "8/8 documents right", "0 confidently wrong", "reliability", "0.90–1.00"} {
		if !strings.Contains(out, want) {
			t.Errorf("eval output lacks %q:\n%s", want, out)
		}
	}
}

// A draft of a notice that states neither its year nor its publisher fails
// to load; a person fills the two highlighted cells and it loads.
func TestExtractDraftLoadsAfterCorrection(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "draft.xlsx")
	if _, err := run(t, "extract", "--format", "xlsx", "--out", draft, copyOut(t, "31_suzhou_2025.txt")); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "d.duckdb")
	if _, err := run(t, "ingest", "--db", db, draft); err == nil {
		t.Fatal("a draft without a year loaded")
	}
	f, err := excelize.OpenFile(draft)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.GetCellValue(template.SheetCatalog, "B9"); v != "" {
		t.Fatalf("year cell already holds %q", v)
	}
	if v, _ := f.GetCellValue(template.SheetCatalog, "B3"); v != "" {
		t.Fatalf("publisher cell already holds %q", v)
	}
	f.SetCellValue(template.SheetCatalog, "B9", 2025)
	f.SetCellValue(template.SheetCatalog, "B3", "某市民政局")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	out, err := run(t, "ingest", "--db", db, draft)
	if err != nil || !strings.Contains(out, "4 items") {
		t.Fatalf("corrected draft: %v\n%s", err, out)
	}
	sum, _ := run(t, "sql", "--db", db, "--format", "csv", "SELECT sum(amount_yuan) FROM line_item")
	if !strings.Contains(sum, "106733500") {
		t.Errorf("items of the corrected draft sum to %s, want 106733500 yuan (10673.35万)", sum)
	}
}

// When no layout reads a document, detect names the nearest miss: the
// layout that got furthest, with the line and what it lacked.
func TestDetectNearestMiss(t *testing.T) {
	file := filepath.Join(t.TempDir(), "names.txt")
	os.WriteFile(file, []byte("某区项目名单\n项目名称\t承接单位\n甲项目\t甲中心\n乙项目\t乙协会\n"), 0o644)
	out, err := run(t, "detect", file)
	if err == nil || !strings.Contains(err.Error(), "nearest miss is generic") {
		t.Errorf("detect should fail naming the nearest miss: %v", err)
	}
	want := `nearest miss: generic — ` + file + `:2: no line items: a table's header row "项目名称 | 承接单位" names name, organization but no amount column`
	if !strings.Contains(out, want) {
		t.Errorf("detect output lacks\n%s\n%s", want, out)
	}
}

// Facts a document does not state come from a sidecar beside it
// (FILE.facts.json); a flag wins over the sidecar; a jurisdiction given by
// code brings its province, city and level; a sidecar with an unknown field
// is refused naming it.
func TestSidecarFacts(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "notice.txt")
	os.WriteFile(doc, []byte("关于福彩公益金使用情况的公告\n今年共安排社区养老项目资金12万元。\n"), 0o644)
	db := filepath.Join(dir, "s.duckdb")
	if _, err := run(t, "ingest", "--db", db, doc); err == nil {
		t.Fatal("a notice without year or jurisdiction loaded")
	}
	os.WriteFile(doc+".facts.json", []byte(`{"year": 2024, "admin_code": "330302", "publisher": "某区民政局"}`), 0o644)
	if out, err := run(t, "ingest", "--db", db, doc); err != nil {
		t.Fatalf("with a sidecar: %v\n%s", err, out)
	}
	got, _ := run(t, "sql", "--db", db, "--format", "csv", "SELECT year, province, city, district, level, publisher FROM catalog")
	if !strings.Contains(got, "2024,浙江省,温州市,鹿城区,district,某区民政局") {
		t.Errorf("catalog from the sidecar:\n%s", got)
	}
	if _, err := run(t, "ingest", "--db", db, "--year", "2023", doc); err != nil {
		t.Fatal(err)
	}
	if got, _ := run(t, "sql", "--db", db, "--format", "csv", "SELECT year FROM catalog"); !strings.Contains(got, "2023") {
		t.Errorf("the flag should win over the sidecar:\n%s", got)
	}
	os.WriteFile(doc+".facts.json", []byte(`{"yaer": 2024}`), 0o644)
	if _, out, err := runIO(t, "ingest", "--db", db, doc); err == nil || !strings.Contains(out, `notice.txt.facts.json: json: unknown field "yaer"`) {
		t.Errorf("a bad sidecar: %v\n%s", err, out)
	}
}

// A reading below the threshold is set aside: not loaded, its draft
// written under --review with its evidence, exit 4 (SetAsideError); with
// --accept it loads, marked unreviewed.
func TestIngestSetsAsideReadingsBelowTheThreshold(t *testing.T) {
	dir := t.TempDir()
	notice := filepath.Join(dir, "notice.txt")
	os.WriteFile(notice, []byte("某县2024年福彩公益金使用情况公示\n某县民政局 2024年12月1日\n下拨至各乡镇用于困难群众临时救助30万元。\n用于本单位承担的养老服务补贴20万元。\n"), 0o644)
	db := filepath.Join(dir, "t.duckdb")
	review := filepath.Join(dir, "review")
	_, err := run(t, "ingest", "-q", "--db", db, "--admin-code", "330902", "--review", review, notice)
	var sa *cmdutil.SetAsideError
	if !errors.As(err, &sa) || cmdutil.ExitCode(err) != cmdutil.ExitSetAside {
		t.Fatalf("a reading below the threshold: %v", err)
	}
	if st, err := os.Stat(filepath.Join(review, "notice.draft.xlsx")); err != nil || st.Size() == 0 {
		t.Fatalf("no draft written: %v", err)
	}
	if out, _ := run(t, "catalogs", "--db", db); strings.Contains(out, "330902") {
		t.Errorf("the set-aside reading was loaded:\n%s", out)
	}
	if _, err := run(t, "ingest", "-q", "--db", db, "--admin-code", "330902", "--accept", notice); err != nil {
		t.Fatalf("--accept: %v", err)
	}
	if out, _ := run(t, "catalogs", "--db", db); !strings.Contains(out, "unreviewed") {
		t.Errorf("the accepted reading is not marked unreviewed:\n%s", out)
	}
}

// detect shows the tables it finds in a text document: where, in which
// convention they were printed, the role of each header cell and where the
// amount column's unit is stated.
func TestDetectShowsTextTables(t *testing.T) {
	file := filepath.Join(t.TempDir(), "cells.txt")
	os.WriteFile(file, []byte("2025年某区社区服务项目资助明细表\n金额单位：万元\n序号\n| 项目名称\n| 资助金额\n|\n1\n| 社区长者食堂\n| 12\n|\n2\n| 儿童托管\n| 8\n|\n合计\n| 20\n|\n"), 0o644)
	out, err := run(t, "detect", file)
	if err != nil {
		t.Fatalf("detect: %v\n%s", err, out)
	}
	want := `table lines 3–17 by table-piped-cells: 4 rows; header 序号=item_no, 项目名称=name, 资助金额=amount (read); unit 万元 from the caption "单位:万元"`
	if !strings.Contains(out, want) {
		t.Errorf("detect output lacks\n%s\n%s", want, out)
	}
}

// extract shows the reader's warnings as ingest prints them: a figure stated
// twice and read once is said, in the table and in JSON.
func TestExtractShowsWarnings(t *testing.T) {
	doc := filepath.Join(t.TempDir(), "notice.txt")
	text := "甲区2024年福彩公益金使用情况\n资助老年食堂运营补助12万元。\n二、项目明细\n资助老年食堂运营补助12万元。\n"
	if err := os.WriteFile(doc, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := run(t, "extract", doc)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "warnings (") || !strings.Contains(out, "stated twice") {
		t.Errorf("extract's table shows no warning of the figure stated twice:\n%s", out)
	}
	js, err := run(t, "extract", "--format", "json", doc)
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Warnings []struct{ Message string } `json:"warnings"`
	}
	if err := json.Unmarshal([]byte(js), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) == 0 || !strings.Contains(res.Warnings[0].Message, "stated twice") {
		t.Errorf("extract's JSON warnings: %+v", res.Warnings)
	}
}
