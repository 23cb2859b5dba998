package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fundscope/data"
)

// run executes the CLI in-process and returns stdout and the error.
func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	root := newRoot()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetArgs(args)
	err := root.Execute()
	return out.String(), err
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
		if c["catalog_id"] == "hangzhou-2024-venture-philanthropy" && (c["total_yuan"] != float64(9490000) || c["reconciliation"] != "ok 106/106") {
			t.Errorf("hangzhou: %v", c)
		}
		if c["catalog_id"] == "beijing-fangshan-2020-call" && c["total_yuan"] != nil {
			t.Errorf("fangshan total should be null: %v", c["total_yuan"])
		}
	}
	if out, err := run(t, "check", "--db", db); err != nil || !strings.Contains(out, "8 of 8 data tests pass") {
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
	if _, err := run(t, "ingest", "--db", db, unknown); err == nil || !strings.Contains(err.Error(), "no manifest entry") {
		t.Errorf("unknown file: %v", err)
	}
	if _, err := run(t, "ingest", "--db", db, filepath.Join(dir, "missing.txt")); err == nil {
		t.Error("a missing file was accepted")
	}
}

func TestQueryAndSQL(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cli.duckdb")
	if _, err := run(t, "ingest", "--db", db, "-q"); err != nil {
		t.Fatal(err)
	}
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
	out, err = run(t, "sql", "--db", db, "SELECT count(*) AS n FROM clean_line_item", "--format", "csv")
	if err != nil || out != "n\n95\n" {
		t.Errorf("sql: %v %q", err, out)
	}
}

func TestHelpTeaches(t *testing.T) {
	for _, c := range newRoot().Commands() {
		if c.Name() == "help" || c.Name() == "completion" {
			continue
		}
		if c.Example == "" || len(c.Long) < 80 {
			t.Errorf("%s: --help needs a longer description and an example", c.Name())
		}
	}
}
