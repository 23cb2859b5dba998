package template

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A template is known by its own marker (the catalog sheet, the catalog_id
// header), not by its extension: any other workbook or CSV is a document.
func TestIsFileKnowsTheTemplateByItsMarker(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var tpl bytes.Buffer
	if err := Write(&tpl, &Vocabulary{}); err != nil {
		t.Fatal(err)
	}
	former, err := excelize.OpenReader(bytes.NewReader(tpl.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := former.SetSheetName(SheetCatalog, FormerSheetCatalog); err != nil {
		t.Fatal(err)
	}
	var formerB bytes.Buffer
	former.Write(&formerB)
	published := excelize.NewFile()
	published.SetSheetRow("Sheet1", "A1", &[]any{"序号", "项目名称", "承接单位", "金额（万元）"})
	published.SetSheetRow("Sheet1", "A2", &[]any{1, "居家养老", "某某服务中心", 12})
	var pubB bytes.Buffer
	published.Write(&pubB)
	for _, c := range []struct {
		name string
		body []byte
		want bool
	}{
		{"new.xlsx", tpl.Bytes(), true},
		{"former.xlsx", formerB.Bytes(), true},
		{"notice.xlsx", pubB.Bytes(), false},
		{"broken.xlsx", []byte("PK\x03\x04 not really"), true}, // the template loader says what is wrong
		{"tpl.csv", []byte("catalog_id,title\nx,y\n"), true},
		{"bom.csv", []byte("\ufeff\"catalog_id\",title\n"), true},
		{"notice.csv", []byte("序号,项目名称,金额\n1,居家养老,12\n"), false},
		{"notice.docx", tpl.Bytes(), false},
	} {
		if got := IsFile(write(c.name, c.body)); got != c.want {
			t.Errorf("IsFile(%s) = %v, want %v", c.name, got, c.want)
		}
	}
}
