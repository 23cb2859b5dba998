package command

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fundscope/cmdutil"
	"fundscope/internal/testdb"
)

// A filter that selects nothing loaded is a usage error naming the nearest
// values, in every command that filters; a filter that selects something
// is not refused, and a name several places share says which it selects.
func TestFilterThatMatchesNothingSaysSo(t *testing.T) {
	db := testdb.BundledLevels(t)
	for _, c := range []struct {
		args []string
		want []string // in the message
	}{
		{[]string{"query", "totals_by_category", "--place", "舟山"}, []string{"--place 舟山", "nearest: 舟山市 330900, 舟山市普陀区 330903"}},
		{[]string{"query", "totals_by_place_year", "--city", "杭州"}, []string{"杭州市 330100"}},
		{[]string{"query", "line_items", "--place", "火星市"}, []string{"loaded places:", "舟山市普陀区 330903", "合肥市 340100"}},
		{[]string{"query", "line_items", "--place", "温州市"}, []string{"温州市 330300 is a place of the GB/T 2260 reference", "loaded places:"}},
		{[]string{"query", "line_items", "--place", "999999"}, []string{"--place 999999"}},
		{[]string{"query", "line_items", "--year", "1990"}, []string{"--year 1990", "2023"}},
		{[]string{"query", "line_items", "--category", "养老"}, []string{"nearest: 养老服务 elderly"}},
		{[]string{"query", "line_items", "--category", "火箭"}, []string{"the categories:", "助残 disability"}},
		{[]string{"catalogs", "--place", "舟山"}, []string{"舟山市 330900"}},
		{[]string{"report", "--place", "火星市", "--out", filepath.Join(t.TempDir(), "out")}, []string{"--place 火星市"}},
		{[]string{"export", "--year", "1990", "--format", "csv", "--out", filepath.Join(t.TempDir(), "exp")}, []string{"--year 1990"}},
		{[]string{"query", "catalogs", "--category", "elderly"}, []string{"does not take --category", "it takes: place, year"}},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			out, _, err := runIO(t, append(c.args, "--db", db)...)
			if cmdutil.ExitCode(err) != cmdutil.ExitUsage {
				t.Fatalf("exit %d (%v), want %d; stdout:\n%s", cmdutil.ExitCode(err), err, cmdutil.ExitUsage, out)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("message %q lacks %q", err, w)
				}
			}
			if out != "" {
				t.Errorf("a refused filter printed rows:\n%s", out)
			}
		})
	}
	// Nothing was written by the refused report and export.
	for _, dir := range []string{"out", "exp"} {
		if _, err := os.Stat(filepath.Join(t.TempDir(), dir)); err == nil {
			t.Errorf("%s written by a refused command", dir)
		}
	}
	// Filters that select something run as before.
	for _, args := range [][]string{
		{"query", "line_items", "--place", "舟山市"},
		{"query", "line_items", "--place", "340100", "--year", "2023"},
		{"query", "line_items", "--category", "elderly"},
		{"query", "line_items", "--category", "养老服务"},
	} {
		if out, err := run(t, append(args, "--db", db)...); err != nil || !strings.Contains(out, "rows)") {
			t.Errorf("%v: %v\n%s", args, err, out)
		}
	}
	// 蜀山区 names one loaded place here (two catalogs): no note. A name
	// that two loaded places share would be noted; a city is not.
	_, errOut, err := runIO(t, "query", "line_items", "--place", "合肥市", "--db", db)
	if err != nil || strings.Contains(errOut, "names") {
		t.Errorf("a city filter noted as ambiguous: %v %q", err, errOut)
	}
}

func TestUnknownCommandIsAUsageError(t *testing.T) {
	_, _, err := runIO(t, "ingets")
	if cmdutil.ExitCode(err) != cmdutil.ExitUsage || !strings.Contains(err.Error(), "did you mean ingest") {
		t.Fatalf("exit %d: %v", cmdutil.ExitCode(err), err)
	}
	if _, _, err := runIO(t, "query", "line_items", "--bogus"); cmdutil.ExitCode(err) != cmdutil.ExitUsage {
		t.Errorf("unknown flag: exit %d: %v", cmdutil.ExitCode(err), err)
	}
	if _, _, err := runIO(t, "query", "line_items", "--year", "abc"); cmdutil.ExitCode(err) != cmdutil.ExitUsage {
		t.Errorf("--year abc: exit %d: %v", cmdutil.ExitCode(err), err)
	}
	out, _, err := runIO(t)
	if err != nil || !strings.Contains(out, "Available Commands") {
		t.Errorf("no command: %v\n%s", err, out)
	}
	out, _, err = runIO(t, "--version")
	if err != nil || !strings.HasPrefix(out, "fundscope ") || !strings.Contains(out, "go1.") {
		t.Errorf("--version: %v %q", err, out)
	}
}

// When one report of the pair cannot be put in place, neither is: the
// earlier page stays beside the earlier workbook.
func TestReportPairIsReplacedTogether(t *testing.T) {
	db := testdb.Bundled(t)
	out := filepath.Join(t.TempDir(), "out")
	os.MkdirAll(filepath.Join(out, "report.xlsx", "in-the-way"), 0o755)
	os.WriteFile(filepath.Join(out, "report.html"), []byte("the earlier page"), 0o644)
	_, _, err := runIO(t, "report", "--db", db, "--out", out)
	if err == nil || !strings.Contains(err.Error(), "report.xlsx is not a regular file") {
		t.Fatalf("report over a folder named report.xlsx: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "report.html")); string(b) != "the earlier page" {
		t.Error("the page was replaced though its workbook was not")
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".fundscope-") {
			t.Errorf("stage %s left behind", e.Name())
		}
	}
}
