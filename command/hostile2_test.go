package command

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

const smallNotice = `<html><head><meta charset="utf-8"></head><body><p>某市2024年政府购买服务项目目录</p><table>` +
	`<tr><td>序号</td><td>项目名称</td><td>承接单位</td><td>金额（万元）</td></tr>` +
	`<tr><td>1</td><td>长者助餐</td><td>某市乐龄服务中心</td><td>5</td></tr>` +
	`<tr><td>2</td><td>儿童托管</td><td>某市青少年事务社</td><td>3</td></tr></table></body></html>`

// A sidecar cannot point the loader at a file outside the document: its
// "file" climbing out of the folder is not followed, the document itself is
// what is read and recorded.
func TestSidecarCannotClimbOut(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "notice.html")
	os.WriteFile(doc, []byte(smallNotice), 0o644)
	os.WriteFile(doc+".facts.json", []byte(`{"file": "../../etc/passwd", "year": 2024, "admin_code": "330300"}`), 0o644)
	db := filepath.Join(dir, "s.duckdb")
	if out, errOut, err := runIO(t, "ingest", "--db", db, "-q", doc); err != nil {
		t.Fatalf("%v\n%s%s", err, out, errOut)
	}
	rows := rowsOf(t, "line_items", "--db", db)
	if len(rows) != 2 {
		t.Fatalf("%d items", len(rows))
	}
	for _, r := range rows {
		if src, _ := r["source_file"].(string); !strings.HasSuffix(src, "notice.html") {
			t.Errorf("source_file %q", src)
		}
	}
}

// GBK bytes under a page that declares UTF-8 are read as the Chinese they
// are, not as replacement characters.
func TestGBKDeclaredAsUTF8(t *testing.T) {
	dir := t.TempDir()
	raw, err := simplifiedchinese.GBK.NewEncoder().String(smallNotice)
	if err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(dir, "gbk.html")
	os.WriteFile(doc, []byte(raw), 0o644)
	out, err := run(t, "extract", "--admin-code", "330300", "--year", "2024", doc)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "长者助餐") || !strings.Contains(out, "某市青少年事务社") || strings.Contains(out, "\ufffd") {
		t.Errorf("GBK declared as UTF-8:\n%s", out)
	}
}
