package command

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A published .xlsx notice (not the fundscope template) is read by the
// readers like any other document, with and without --layout generic; its
// organizations and stated total come with it.
func TestPublishedWorkbookIngestsLikeAnyDocument(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	s := "Sheet1"
	f.SetSheetRow(s, "A1", &[]any{"某市民政局2024年政府向社会组织购买服务项目目录"})
	f.SetSheetRow(s, "A2", &[]any{"序号", "项目名称", "承接单位", "金额（万元）"})
	f.SetSheetRow(s, "A3", &[]any{1, "社区居家养老服务", "某市夕阳红养老服务中心", 12})
	f.SetSheetRow(s, "A4", &[]any{2, "困境儿童关爱", "某市青少年社会工作服务社", 8.5})
	f.SetSheetRow(s, "A5", &[]any{3, "助残康复训练", "某市残疾人康复协会", 6})
	f.SetSheetRow(s, "A6", &[]any{"合计", "", "", 26.5})
	path := filepath.Join(dir, "notice.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	for _, extra := range [][]string{nil, {"--layout", "generic"}} {
		db := filepath.Join(t.TempDir(), "p.duckdb")
		args := append([]string{"ingest", "--db", db, "-q", "--admin-code", "330300", "--year", "2024", path}, extra...)
		out, errOut, err := runIO(t, args...)
		if err != nil {
			t.Fatalf("%v: %v\n%s%s", extra, err, out, errOut)
		}
		if strings.Contains(out+errOut, "no sheet") || strings.Contains(out+errOut, "model.") {
			t.Errorf("%v: treated as a template:\n%s%s", extra, out, errOut)
		}
		rows := rowsOf(t, "line_items", "--db", db)
		if len(rows) != 3 {
			t.Fatalf("%v: %d items, want 3: %v", extra, len(rows), rows)
		}
		var sum int64
		orgs := 0
		for _, r := range rows {
			sum += yuan(r, "amount_yuan")
			if o, _ := r["organization"].(string); strings.HasPrefix(o, "某市") {
				orgs++
			}
		}
		if sum != 265000 || orgs != 3 {
			t.Errorf("%v: sum %d yuan (want 265000), %d organizations (want 3)", extra, sum, orgs)
		}
		rec := rowsOf(t, "reconciliation", "--db", db)
		if len(rec) != 1 || rec[0]["reconciled"] != true {
			t.Errorf("%v: reconciliation %v", extra, rec)
		}
	}
}

// A template written before the catalog sheet was renamed still loads as a
// template.
func TestFormerTemplateSheetNameLoads(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "former.xlsx")
	if _, err := run(t, "template", "--out", path); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	meta := []string{"former-2024-purchase", "某市2024年购买服务目录", "某市民政局", "浙江省", "温州市", "", "330300", "city", "2024"}
	for i, v := range meta {
		f.SetCellStr("目录 Catalog", "B"+string(rune('1'+i)), v)
	}
	f.SetSheetRow("项目 Line items", "A2", &[]any{"1", "居家养老服务", "", "elderly", "", "", "", "", "", "", "30"})
	if err := f.SetSheetName("目录 Catalog", "目录 model.Catalog"); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "f.duckdb")
	if out, errOut, err := runIO(t, "ingest", "--db", db, "-q", path); err != nil {
		t.Fatalf("%v\n%s%s", err, out, errOut)
	}
	if rows := rowsOf(t, "line_items", "--db", db); len(rows) != 1 || yuan(rows[0], "amount_yuan") != 300000 {
		t.Errorf("items %v", rows)
	}
	_ = os.Remove(path)
}
