package command

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A table of one column per year loads each cell as money of its year: the
// marts total each year apart, and --year finds a year only the items give.
func TestMoneyYearFromYearColumns(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "notice.txt")
	os.WriteFile(doc, []byte("某县福彩公益金分年度使用情况\n单位：万元\n"+
		"项目\t2019年\t2020年\t合计\n养老服务\t120\t150\t270\n儿童福利\t60\t70\t130\n合计\t180\t220\t400\n"), 0o644)
	db := filepath.Join(dir, "y.duckdb")
	if out, err := run(t, "ingest", "-q", "--db", db, "--admin-code", "330302", "--year", "2020", doc); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	if out, err := run(t, "transform", "--db", db); err != nil {
		t.Fatalf("transform: %v\n%s", err, out)
	}
	got, err := run(t, "query", "totals_by_place_year", "--db", db, "--year", "2019", "--format", "csv")
	if err != nil {
		t.Fatalf("query --year 2019: %v\n%s", err, got)
	}
	lines := strings.Split(strings.TrimSpace(got), "\n")
	if len(lines) != 2 || !strings.Contains(lines[1], ",2019,") || !strings.Contains(lines[1], ",180") {
		t.Errorf("2019 alone should total 180万元:\n%s", got)
	}
	got, _ = run(t, "sql", "--db", db, "--format", "csv", "SELECT year, sum(amount_yuan) FROM clean_line_item GROUP BY year ORDER BY year")
	if !strings.Contains(got, "2019,1800000") || !strings.Contains(got, "2020,2200000") {
		t.Errorf("clean_line_item by year:\n%s", got)
	}
}
