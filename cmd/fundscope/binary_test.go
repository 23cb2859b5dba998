package main

import (
	"errors"
	"fmt"
	"fundscope/internal/testdb"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestBinaryOutsideTheCheckout builds fundscope as a user would (no npm step),
// copies it into an empty folder and runs the main commands there: no
// node_modules, no data folder, no checkout within reach.
func TestBinaryOutsideTheCheckout(t *testing.T) {
	work := t.TempDir()
	bin := binary(t)
	empty := filepath.Join(work, "elsewhere")
	if err := os.MkdirAll(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (string, int) {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Dir = empty
		out, err := cmd.CombinedOutput()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return string(out), ee.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return string(out), 0
	}
	for _, args := range [][]string{
		{"ingest", "-q"},
		{"report"},
		{"export", "--format", "parquet", "--out", "export"},
		{"check"},
	} {
		if out, code := run(args...); code != 0 {
			t.Fatalf("%v: exit %d\n%s", args, code, out)
		}
	}
	for _, f := range []string{"out/report.html", "out/report.xlsx", "export/datapackage.json", "export/catalogs.parquet"} {
		if st, err := os.Stat(filepath.Join(empty, f)); err != nil || st.Size() == 0 {
			t.Errorf("%s not written: %v", f, err)
		}
	}
	page, _ := os.ReadFile(filepath.Join(empty, "out", "report.html"))
	if !strings.Contains(string(page), "echarts") || !strings.Contains(string(page), "data-chart=") {
		t.Error("report.html lacks the inlined ECharts or its charts")
	}

	// init makes an editable workspace; fundscope run there reads it.
	if out, code := run("init", "ws"); code != 0 || !strings.Contains(out, "manifest") && !strings.Contains(out, "wrote") {
		t.Fatalf("init: exit %d\n%s", code, out)
	}
	for _, f := range []string{"ws/README.md", "ws/data/manifest.json", "ws/data/ref/category_rules.csv", "ws/data/dictionary.csv", "ws/data/raw/zhoushan-putuo-2023-purchase-summary.txt"} {
		if _, err := os.Stat(filepath.Join(empty, f)); err != nil {
			t.Errorf("init did not write %s", f)
		}
	}
	if out, code := run("init", "ws"); code == 0 || !strings.Contains(out, "never overwrites") {
		t.Errorf("a second init over the workspace: exit %d\n%s", code, out)
	}
	// A published workbook (not the template) ingests with the binary alone.
	pub, err := os.ReadFile(filepath.Join("..", "..", "ingest", "testdata", "formats", "ningbo-2023-civil-affairs", "ningbo-2023-civil-affairs.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(empty, "notice.xlsx"), pub, 0o644)
	if out, code := run("ingest", "--db", "pub.duckdb", "notice.xlsx"); code != 0 || !strings.Contains(out, "7 items") {
		t.Errorf("published workbook: exit %d\n%s", code, out)
	}
	// A file without a manifest entry: the message points at the workspace's manifest,
	// or at init when the binary's own data is in use.
	stray := filepath.Join(empty, "stray.txt")
	os.WriteFile(stray, []byte("序号\t项目\n"), 0o644)
	if out, code := run("ingest", "--db", "x.duckdb", stray); code != 1 || !strings.Contains(out, "fundscope init") {
		t.Errorf("stray file with built-in data: exit %d\n%s", code, out)
	}
	if out, code := run("ingest", "--db", "x.duckdb", "--data", filepath.Join(empty, "ws", "data"), stray); code != 1 || !strings.Contains(out, filepath.Join("ws", "data", "manifest.json")) {
		t.Errorf("stray file with a workspace: exit %d\n%s", code, out)
	}

	// Exit codes: usage 2, mismatch 3.
	if out, code := run("report", "--format", "pdf"); code != 2 {
		t.Errorf("unknown report format: exit %d, want 2\n%s", code, out)
	}
	if out, code := run("catalogs", "--no-such-flag"); code != 2 {
		t.Errorf("unknown flag: exit %d, want 2\n%s", code, out)
	}
	if out, code := run("query", "no_such_query"); code != 2 {
		t.Errorf("unknown query: exit %d, want 2\n%s", code, out)
	}
	mismatch := filepath.Join(empty, "mismatch.txt")
	raw, err := os.ReadFile(filepath.Join(empty, "ws", "data", "raw", "zhoushan-putuo-2023-purchase-summary.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// Drop project 13: the header's "26个项目" no longer reconciles.
	var kept []string
	for _, l := range strings.Split(string(raw), "\n") {
		if !strings.HasPrefix(l, "13\t") {
			kept = append(kept, l)
		}
	}
	os.WriteFile(mismatch, []byte(strings.Join(kept, "\n")), 0o644)
	manifest, _ := os.ReadFile(filepath.Join(empty, "ws", "data", "manifest.json"))
	os.WriteFile(filepath.Join(empty, "ws", "data", "manifest.json"), []byte(strings.Replace(string(manifest), "raw/zhoushan-putuo-2023-purchase-summary.txt", "raw/mismatch.txt", 1)), 0o644)
	os.Rename(mismatch, filepath.Join(empty, "ws", "data", "raw", "mismatch.txt"))
	if out, code := run("ingest", "-q", "--db", "m.duckdb", "--data", filepath.Join(empty, "ws", "data")); code != 3 || !strings.Contains(out, "MISMATCH") {
		t.Errorf("a catalog whose stated total does not reconcile: exit %d, want 3\n%s", code, out)
	}
}

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
	buildDir  string
)

func TestMain(m *testing.M) {
	code := testdb.Run(m)
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// binary builds fundscope once per test run, as a user would (no npm step).
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		if buildDir, buildErr = os.MkdirTemp("", "fundscope-bin-"); buildErr != nil {
			return
		}
		builtBin = filepath.Join(buildDir, "fundscope")
		build := exec.Command("go", "build", "-tags=duckdb_arrow", "-o", builtBin, ".")
		build.Env = append(os.Environ(), "CGO_ENABLED=1")
		if out, err := build.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

// Wrong usage exits 2 with the message and the command's usage line; the
// binary tells its version, commit and DuckDB driver.
func TestUsageLineAndVersion(t *testing.T) {
	bin := binary(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"ingets"}, "usage: fundscope COMMAND [flags], COMMAND one of: catalogs check"},
		{[]string{"query", "line_items", "--year", "abc"}, "usage: fundscope query NAME | query list [flags] (see fundscope query --help)"},
		{[]string{"export", "--bogus"}, "usage: fundscope export"},
	} {
		out, err := exec.Command(bin, c.args...).CombinedOutput()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 2 || !strings.Contains(string(out), c.want) {
			t.Errorf("%v: %v\n%s", c.args, err, out)
		}
	}
	out, err := exec.Command(bin, "--version").CombinedOutput()
	if err != nil || !strings.HasPrefix(string(out), "fundscope ") || !strings.Contains(string(out), "github.com/duckdb/duckdb-go/v2 v2.10506.0") {
		t.Errorf("--version: %v %q", err, out)
	}
}

// Out of memory under a tiny --memory-limit names the limit and how to
// raise it, never DuckDB's SET hints or a hint to run transform.
func TestTinyMemoryLimitIsExplained(t *testing.T) {
	bin := binary(t)
	db := testdb.Bundled(t)
	for _, args := range [][]string{{"query", "headline"}, {"catalogs"}} {
		out, err := exec.Command(bin, append(args, "--db", db, "--memory-limit", "1KB")...).CombinedOutput()
		if err == nil || !strings.Contains(string(out), "--memory-limit 1KB): raise it") || strings.Contains(string(out), "SET threads") || strings.Contains(string(out), "fundscope transform") {
			t.Errorf("%v: %v\n%s", args, err, out)
		}
	}
}
