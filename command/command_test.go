package command

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"errors"
	"fundscope/cmdutil"
	"fundscope/data"
	"fundscope/internal/testdb"
	"fundscope/store"
	"io"
)

func TestMain(m *testing.M) { os.Exit(testdb.Run(m)) }

// run executes the CLI in-process and returns stdout and the error.
func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	out, _, err := runIO(t, args...)
	return out, err
}

// runIO executes the CLI in-process and returns stdout, stderr and the error.
func runIO(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	f := &cmdutil.Factory{IO: cmdutil.Test(&out, &errOut)}
	root := NewCmdRoot(f)
	root.SetOut(&out)
	root.SetErr(&errOut)
	root.SetArgs(args)
	err := root.Execute()
	return out.String(), errOut.String(), err
}

func TestIngestCatalogsCheck(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cli.duckdb")
	if out, err := run(t, "ingest", "--db", db, "-q"); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	out, err := run(t, "catalogs", "--db", db, "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var cats []map[string]any
	if err := json.Unmarshal([]byte(out), &cats); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(cats) != 5 {
		t.Fatalf("%d catalogs", len(cats))
	}
	for _, c := range cats {
		if c["catalog_id"] == "hangzhou-2024-venture-philanthropy" && (c["total_yuan"] != nil || c["cap_yuan"] != float64(9490000) || c["reconciliation"] != "ok 106/106") {
			t.Errorf("hangzhou: %v", c)
		}
		if c["catalog_id"] == "beijing-fangshan-2020-call" && c["total_yuan"] != nil {
			t.Errorf("fangshan total should be null: %v", c["total_yuan"])
		}
	}
	if out, err := run(t, "check", "--db", db); err != nil || !strings.Contains(out, "9 of 9 data tests pass") {
		t.Errorf("check: %v\n%s", err, out)
	}
	out, err = run(t, "ingest", "--db", db, "-q")
	if err != nil || strings.Count(out, "unchanged") != 5 {
		t.Errorf("second ingest: %v\n%s", err, out)
	}
}

func TestBadFileOnTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cli.duckdb")
	if _, err := run(t, "ingest", "--db", db, "-q"); err != nil {
		t.Fatal(err)
	}
	before, _ := run(t, "catalogs", "--db", db, "--format", "csv")
	raw, _ := data.FS.ReadFile("raw/zhoushan-putuo-2023-purchase-summary.txt")
	bad := filepath.Join(dir, "zhoushan-putuo-2023-purchase-summary.txt")
	os.WriteFile(bad, bytes.Replace(raw, []byte("\t浙江绿茶博览会\t"), []byte("\t"), 1), 0o644)
	_, err := run(t, "ingest", "--db", db, bad)
	if err == nil || !strings.Contains(err.Error(), "1 of 1 documents failed") {
		t.Errorf("bad file: %v", err)
	}
	after, _ := run(t, "catalogs", "--db", db, "--format", "csv")
	if before != after {
		t.Errorf("a failed ingest changed the catalogs:\n%s\n%s", before, after)
	}
	unknown := filepath.Join(dir, "somewhere-2030.txt")
	os.WriteFile(unknown, raw, 0o644)
	// A document without a manifest entry is read for the facts it states
	// about itself, with the layout that reads it.
	if out, err := run(t, "ingest", "--db", db, unknown); err != nil || !strings.Contains(out, "somewhere-2030") {
		t.Errorf("unknown file: %v\n%s", err, out)
	}
	got, _ := run(t, "sql", "--db", db, "--format", "csv", "SELECT admin_code, level, year, layout, count(li.item_id) FROM catalog c JOIN line_item li USING (catalog_id) WHERE catalog_id = 'somewhere-2030' GROUP BY ALL")
	if !strings.Contains(got, "330903,district,2023,tsv-table,26") {
		t.Errorf("inferred catalog: %s", got)
	}
	os.WriteFile(unknown, []byte("序号\t项目\n"), 0o644)
	if _, err := run(t, "ingest", "--db", db, unknown); err == nil || !strings.Contains(err.Error(), "1 of 1 documents failed") {
		t.Errorf("a document that states no facts: %v", err)
	}
	if _, err := run(t, "ingest", "--db", db, filepath.Join(dir, "missing.txt")); err == nil {
		t.Error("a missing file was accepted")
	}
}

func TestQueryAndSQL(t *testing.T) {
	db := testdb.Bundled(t)
	out, err := run(t, "query", "totals_by_funding_source", "--db", db, "--city", "杭州市")
	if err != nil || !strings.Contains(out, "572") || !strings.Contains(out, "福利彩票公益金") {
		t.Errorf("query: %v\n%s", err, out)
	}
	if _, err := run(t, "query", "coverage", "--db", db, "--category", "elderly"); err == nil {
		t.Error("a filter the query does not take was accepted")
	}
	if _, err := run(t, "sql", "--db", db, "DELETE FROM catalog"); err == nil {
		t.Error("sql accepted a DELETE")
	}
	if _, err := run(t, "sql", "--db", db, "SELECT 1; DROP TABLE catalog"); err == nil {
		t.Error("sql accepted two statements")
	}
	if _, err := run(t, "sql", "--db", db, "COPY (SELECT 1) TO 'x.csv'"); err == nil {
		t.Error("sql accepted COPY")
	}
	for _, q := range []string{"ATTACH 'other.duckdb'", "INSTALL httpfs", "SELECT * FROM read_csv('/etc/passwd')", "WITH x AS (SELECT 1) SELECT * FROM read_text('/etc/hostname')"} {
		if _, err := run(t, "sql", "--db", db, q); err == nil || !strings.Contains(err.Error(), "only read") && !strings.Contains(err.Error(), "refused") {
			t.Errorf("sql %q: %v", q, err)
		}
	}
	out, err = run(t, "sql", "--db", db, "SELECT count(*) AS n FROM clean_line_item", "--format", "csv")
	if err != nil || out != "n\n95\n" {
		t.Errorf("sql: %v %q", err, out)
	}
}

func TestHelpTeaches(t *testing.T) {
	for _, c := range NewCmdRoot(&cmdutil.Factory{IO: cmdutil.Test(io.Discard, io.Discard)}).Commands() {
		if c.Name() == "help" || c.Name() == "completion" {
			continue
		}
		if c.Example == "" || len(c.Long) < 80 {
			t.Errorf("%s: --help needs a longer description and an example", c.Name())
		}
	}
}

func TestTemplateDetectExportReport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cli.duckdb")
	tmpl := filepath.Join(dir, "new.xlsx")
	if _, err := run(t, "template", "--out", tmpl); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(tmpl); err != nil {
		t.Fatal(err)
	}
	// An empty template is refused with the cells to fill.
	if _, err := run(t, "ingest", "--db", db, tmpl); err == nil || !strings.Contains(err.Error(), "1 of 1 documents failed") {
		t.Errorf("empty template: %v", err)
	}
	csvPath := filepath.Join(dir, "lishui.csv")
	os.WriteFile(csvPath, []byte("catalog_id,title,publisher,province,city,admin_code,level,year,item_no,name,category,region,funding,amount_wan,amount_kind\n"+
		"lishui-2024,丽水2024,丽水市民政局,浙江省,丽水市,331100,city,2024,1,山区助老,elderly,莲都区,福彩金,18.5,最高资助\n"), 0o644)
	if out, err := run(t, "ingest", "--db", db, "-q", csvPath); err != nil {
		t.Fatalf("csv template: %v\n%s", err, out)
	}
	out, _ := run(t, "catalogs", "--db", db)
	if !strings.Contains(out, "lishui-2024") || !strings.Contains(out, "18.5") {
		t.Errorf("catalogs after the template:\n%s", out)
	}
	out, err := run(t, "query", "totals_by_region", "--db", db, "--format", "csv")
	if err != nil || !strings.Contains(out, "331102,莲都区") {
		t.Errorf("region of the template row: %v\n%s", err, out)
	}
	raw, _ := data.FS.ReadFile("raw/ningbo-2023-civil-affairs-purchase-catalog.txt")
	ningbo := filepath.Join(dir, "ningbo.txt")
	os.WriteFile(ningbo, raw, 0o644)
	out, err = run(t, "detect", ningbo)
	if err != nil || !strings.Contains(out, "best fit: cell-table") {
		t.Errorf("detect: %v\n%s", err, out)
	}
	exp := filepath.Join(dir, "export")
	if out, err := run(t, "export", "--db", db, "--format", "jsonl", "--out", exp); err != nil || !strings.Contains(out, "line_items") {
		t.Errorf("export: %v\n%s", err, out)
	}
	for _, f := range []string{"line_items.jsonl", "catalogs.jsonl", "stated_totals.jsonl", "datapackage.json", "DICTIONARY.md"} {
		if _, err := os.Stat(filepath.Join(exp, f)); err != nil {
			t.Errorf("export: %v", err)
		}
	}
	if _, err := run(t, "export", "--db", db, "--format", "xml", "--out", exp); err == nil {
		t.Error("an unknown export format was accepted")
	}
	rep := filepath.Join(dir, "reports")
	if out, err := run(t, "report", "--db", db, "--out", rep, "--city", "丽水市"); err != nil || !strings.Contains(out, "report.xlsx") {
		t.Errorf("report: %v\n%s", err, out)
	}
	page, _ := os.ReadFile(filepath.Join(rep, "report.html"))
	if !strings.Contains(string(page), "丽水市") || strings.Contains(string(page), "hangzhou-2024") {
		t.Error("the city filter did not narrow the report")
	}
	if _, err := run(t, "report", "--db", db, "--out", rep, "--city", "火星市"); cmdutil.ExitCode(err) != cmdutil.ExitUsage || !strings.Contains(err.Error(), "loaded places: 浙江省 330000, 丽水市 331100") {
		t.Errorf("report on an unknown city: %v", err)
	}
}

// Derived data never silently lags the raw data: after a load without the
// transforms, query, report and export refuse and check fails; a transform
// makes them whole again.
func TestStaleDerivedTablesAreRefused(t *testing.T) {
	db := filepath.Join(t.TempDir(), "stale.duckdb")
	if _, err := run(t, "ingest", "--db", db, "-q", "--no-transform"); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"query", "headline"},
		{"report", "--out", t.TempDir()},
		{"export", "--out", t.TempDir()},
	} {
		_, err := run(t, append(args, "--db", db)...)
		var stale *store.StaleError
		if !errors.As(err, &stale) || !strings.Contains(err.Error(), "fundscope transform") {
			t.Errorf("%v on a database never transformed: %v", args, err)
		}
	}
	out, err := run(t, "check", "--db", db)
	if cmdutil.ExitCode(err) != cmdutil.ExitMismatch || !strings.Contains(out, "FAIL  derived_up_to_date") {
		t.Errorf("check on stale data: %v\n%s", err, out)
	}
	if err == nil || strings.Contains(err.Error(), "stated totals") || !strings.Contains(err.Error(), "derived_up_to_date") {
		t.Errorf("check should name the test that failed, not blame the stated totals: %v", err)
	}
	if _, err := run(t, "transform", "--db", db); err != nil {
		t.Fatal(err)
	}
	if out, err := run(t, "check", "--db", db); err != nil {
		t.Fatalf("check after transform: %v\n%s", err, out)
	}
	// A changed catalog loaded without the transforms makes the derived tables stale again.
	dir := t.TempDir()
	raw, _ := data.FS.ReadFile("raw/zhoushan-putuo-2023-purchase-summary.txt")
	changed := filepath.Join(dir, "zhoushan-putuo-2023-purchase-summary.txt")
	os.WriteFile(changed, append(raw, '\n'), 0o644)
	if out, err := run(t, "ingest", "--db", db, "--no-transform", changed); err != nil || !strings.Contains(out, "replaced") {
		t.Fatalf("replacing a catalog: %v\n%s", err, out)
	}
	if _, err := run(t, "query", "headline", "--db", db); err == nil || !strings.Contains(err.Error(), "1 load(s) since the last transform") {
		t.Errorf("query after a load without transform: %v", err)
	}
	if _, err := run(t, "sql", "--db", db, "SELECT 1"); err != nil {
		t.Errorf("ad-hoc SQL on stale data should still run (with a warning): %v", err)
	}
}

// The CSV header `template --out x.csv` writes is a loadable template: a
// province's list in 元 with an organization and a stated total.
func TestTemplateCSVHeaderLoads(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "columns.csv")
	if _, err := run(t, "template", "--out", csvPath); err != nil {
		t.Fatal(err)
	}
	head, _ := os.ReadFile(csvPath)
	cols := strings.Split(strings.TrimSpace(string(head)), ",")
	row := func(vals map[string]string) string {
		var out []string
		for _, c := range cols {
			out = append(out, vals[c])
		}
		return strings.Join(out, ",")
	}
	base := map[string]string{"catalog_id": "prov-2024", "title": "2024年某省资助项目名单", "publisher": "某省民政厅", "province": "安徽省",
		"admin_code": "340000", "level": "province", "year": "2024", "unit": "元"}
	item := map[string]string{"item_no": "1", "name": "甲项目", "organization": "甲协会", "amount": "120000"}
	total := map[string]string{"total_label": "合计", "amount": "120000"}
	for k, v := range base {
		item[k], total[k] = v, v
	}
	body := string(head) + row(item) + "\n" + row(total) + "\n"
	os.WriteFile(csvPath, []byte(body), 0o644)
	db := filepath.Join(dir, "t.duckdb")
	out, err := run(t, "ingest", "--db", db, csvPath)
	if err != nil || !strings.Contains(out, "1 items  1 totals reconcile") {
		t.Fatalf("%v\n%s", err, out)
	}
}
