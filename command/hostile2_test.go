package command

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"fundscope/cmdutil"
	"fundscope/internal/testdb"
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

// A statement of a megabyte (longer than a command line can carry) is read
// from standard input and answered; one past the limit is refused.
func TestMegabyteStatementFromStandardInput(t *testing.T) {
	db := testdb.Bundled(t)
	var b strings.Builder
	b.WriteString("SELECT count(*) AS n FROM range(100000) WHERE range IN (")
	for i := 0; b.Len() < 1<<20; i += 7 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "%d", i)
	}
	b.WriteString(")")
	runSQL := func(stdin string) (string, error) {
		var out, errOut bytes.Buffer
		f := &cmdutil.Factory{IO: cmdutil.Test(&out, &errOut)}
		f.IO.In = strings.NewReader(stdin)
		root := NewCmdRoot(f)
		root.SetOut(&out)
		root.SetErr(&errOut)
		root.SetArgs([]string{"sql", "-", "--db", db, "--format", "csv"})
		err := root.Execute()
		return out.String(), err
	}
	out, err := runSQL(b.String())
	if err != nil || !strings.Contains(out, "14286") {
		t.Errorf("1 MB statement: %v\n%.200s", err, out)
	}
	if _, err := runSQL(strings.Repeat(" ", maxStatement+1)); cmdutil.ExitCode(err) != cmdutil.ExitUsage || !strings.Contains(err.Error(), "longer than 16 MB") {
		t.Errorf("past the limit: %v", err)
	}
}

// A no-op ingest neither replays the warnings of earlier loads nor rebuilds
// up-to-date cleaned tables; after a load without its transform it does.
func TestNoOpIngestIsQuiet(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.duckdb")
	if _, errOut, err := runIO(t, "ingest", "--db", db); err != nil || !strings.Contains(errOut, "warning:") {
		t.Fatalf("first ingest: %v (the bundled catalogs give warnings)\n%s", err, errOut)
	}
	out, errOut, err := runIO(t, "ingest", "--db", db)
	if err != nil || strings.Contains(errOut, "warning:") || strings.Contains(errOut, "transformed") || !strings.Contains(errOut, "nothing changed") || !strings.Contains(out, "unchanged") {
		t.Errorf("no-op ingest: %v\n%s%s", err, out, errOut)
	}
	db2 := filepath.Join(t.TempDir(), "m.duckdb")
	if _, _, err := runIO(t, "ingest", "--db", db2, "--no-transform"); err != nil {
		t.Fatal(err)
	}
	if _, errOut, err := runIO(t, "ingest", "--db", db2); err != nil || !strings.Contains(errOut, "transformed") {
		t.Errorf("unchanged catalogs over stale cleaned tables were not transformed: %v\n%s", err, errOut)
	}
}
