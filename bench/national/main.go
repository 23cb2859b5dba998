// Command national runs the national-scale benchmark: it generates synthetic
// catalogs (1,000,000 line items by default), then times each stage of the
// pipeline as the fundscope binary runs it — ingest, transforms, every named
// query, both reports, Parquet export — with each stage's peak memory, and
// DuckDB's own read_csv of the same file as the floor for ingest. It prints a
// table and writes bench/results.md.
//
//	make bench        (or: go run -tags duckdb_arrow ./bench/national -bin ./fundscope)
package main

import (
	"bytes"
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"

	"fundscope/queries"
)

type stage struct {
	name    string
	seconds float64
	maxRSS  int64 // kB
	note    string
}

func main() {
	bin := flag.String("bin", "./fundscope", "fundscope binary")
	cities := flag.Int("cities", 100, "cities")
	years := flag.Int("years", 10, "years")
	items := flag.Int("items", 1000, "line items per city and year")
	work := flag.String("work", "", "working folder (default: a temporary one)")
	out := flag.String("out", "bench/results.md", "results file")
	flag.Parse()
	if err := run(*bin, *cities, *years, *items, *work, *out); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(bin string, cities, years, items int, work, out string) error {
	if work == "" {
		d, err := os.MkdirTemp("", "fundscope-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		work = d
	}
	csvPath := filepath.Join(work, "national.csv")
	db := filepath.Join(work, "national.duckdb")
	total := cities * years * items
	var stages []stage
	step := func(name, note string, args ...string) error {
		s, err := timed(bin, args...)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		s.name, s.note = name, note
		stages = append(stages, s)
		fmt.Printf("%-34s %8.2fs %8.0f MB  %s\n", name, s.seconds, float64(s.maxRSS)/1024, note)
		return nil
	}
	if err := step("generate (not a target)", fmt.Sprintf("%d line items", total), "gen", "--cities", fmt.Sprint(cities), "--years", fmt.Sprint(years), "--items", fmt.Sprint(items), "--seed", "1", "--out", csvPath); err != nil {
		return err
	}
	floor, err := readCSVFloor(csvPath, filepath.Join(work, "floor.duckdb"))
	if err != nil {
		return err
	}
	stages = append(stages, floor)
	fmt.Printf("%-34s %8.2fs\n", floor.name, floor.seconds)
	if err := step("ingest", "", "ingest", csvPath, "--db", db, "--no-transform", "-q"); err != nil {
		return err
	}
	ing := &stages[len(stages)-1]
	ing.note = fmt.Sprintf("%.0f rows/s; %.2f× the read_csv floor", float64(total)/ing.seconds, ing.seconds/floor.seconds)
	if err := step("transforms", "", "transform", "--db", db); err != nil {
		return err
	}
	all, err := queries.All()
	if err != nil {
		return err
	}
	var qs stage
	for _, q := range all {
		s, err := timed(bin, "query", q.Name, "--db", db, "--format", "csv")
		if err != nil {
			return fmt.Errorf("query %s: %w", q.Name, err)
		}
		qs.seconds += s.seconds
		qs.maxRSS = max(qs.maxRSS, s.maxRSS)
	}
	qs.name, qs.note = fmt.Sprintf("all %d named queries", len(all)), "each run as `fundscope query NAME --format csv`, results printed (line_items prints every row)"
	stages = append(stages, qs)
	fmt.Printf("%-34s %8.2fs %8.0f MB\n", qs.name, qs.seconds, float64(qs.maxRSS)/1024)
	if err := step("reports (HTML + Excel)", "Excel 明细 sheet replaced by a note above 200,000 items", "report", "--db", db, "--out", filepath.Join(work, "reports")); err != nil {
		return err
	}
	dash, err := dashboardStages(filepath.Join(work, "reports", "report.html"))
	if err != nil {
		return fmt.Errorf("dashboard in Chromium: %w", err)
	}
	for _, s := range dash {
		fmt.Printf("%-34s %8.2fs\n", s.name, s.seconds)
	}
	stages = append(stages, dash...)
	if err := step("Parquet export", "Hive-partitioned line_items + catalogs + stated totals", "export", "--db", db, "--format", "parquet", "--out", filepath.Join(work, "export")); err != nil {
		return err
	}
	return writeResults(out, total, stages, floor)
}

// timed runs the binary and returns its wall time and peak resident memory.
func timed(bin string, args ...string) (stage, error) {
	cmd := exec.Command(bin, args...)
	var stderr bytes.Buffer
	cmd.Stdout = nil
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	s := stage{seconds: time.Since(start).Seconds()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.maxRSS = ru.Maxrss
	}
	if err != nil {
		return s, fmt.Errorf("%v: %s", err, lastLines(stderr.String(), 5))
	}
	return s, nil
}

// readCSVFloor times DuckDB reading the same CSV into a table of a new database.
func readCSVFloor(csvPath, dbPath string) (stage, error) {
	os.Remove(dbPath)
	db, err := sql.Open("duckdb", dbPath)
	if err != nil {
		return stage{}, err
	}
	defer db.Close()
	start := time.Now()
	if _, err := db.ExecContext(context.Background(), `CREATE TABLE t AS SELECT * FROM read_csv($p, header = true, all_varchar = true)`, sql.Named("p", csvPath)); err != nil {
		return stage{}, err
	}
	return stage{name: "floor: DuckDB read_csv into a table", seconds: time.Since(start).Seconds(), note: "the same CSV, no validation"}, nil
}

func writeResults(path string, total int, stages []stage, floor stage) error {
	var b strings.Builder
	host, _ := os.Hostname()
	fmt.Fprintf(&b, "# National-scale benchmark\n\nRun %s by `make bench` on %s: %s, %d cores, %s, %s/%s.\n\n",
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), host, cpuModel(), runtime.NumCPU(), memTotal(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(&b, "Data: `fundscope gen --cities 100 --years 10 --items 1000 --seed 1` — %d synthetic line items in 1,000 catalogs (template CSV).\n\n", total)
	b.WriteString("| stage | seconds | peak memory | notes |\n|---|---:|---:|---|\n")
	var peak int64
	tq := 0.0
	for _, s := range stages {
		mem := "—"
		if s.maxRSS > 0 {
			mem = fmt.Sprintf("%.0f MB", float64(s.maxRSS)/1024)
			peak = max(peak, s.maxRSS)
		}
		fmt.Fprintf(&b, "| %s | %.2f | %s | %s |\n", s.name, s.seconds, mem, s.note)
		if s.name == "transforms" || strings.HasPrefix(s.name, "all ") {
			tq += s.seconds
		}
	}
	var ingest, reports, dashboard float64
	for _, s := range stages {
		switch s.name {
		case "ingest":
			ingest = s.seconds
		case "reports (HTML + Excel)":
			reports = s.seconds
		case "dashboard: open → first screen painted":
			dashboard = s.seconds
		}
	}
	ok := func(b bool) string {
		if b {
			return "met"
		}
		return "**not met**"
	}
	fmt.Fprintf(&b, "\n## Targets (2-core machine)\n\n| target | measured | |\n|---|---|---|\n")
	fmt.Fprintf(&b, "| ingest within 2× of the read_csv floor | %.2f× (%.2f s vs %.2f s) | %s |\n", ingest/floor.seconds, ingest, floor.seconds, ok(ingest <= 2*floor.seconds))
	fmt.Fprintf(&b, "| transforms + all queries under 5 s | %.2f s | %s |\n", tq, ok(tq < 5))
	fmt.Fprintf(&b, "| both reports under 10 s | %.2f s | %s |\n", reports, ok(reports < 10))
	fmt.Fprintf(&b, "| dashboard's first screen painted in Chromium within 3 s | %.2f s | %s |\n", dashboard, ok(dashboard <= 3))
	fmt.Fprintf(&b, "| peak memory under 2 GB | %.0f MB (largest stage) | %s |\n", float64(peak)/1024, ok(peak < 2*1024*1024))
	b.WriteString(analysis)
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// analysis explains the figures; keep it true when the code changes.
const analysis = `
## Where the time goes, and the gaps

Figures vary by about ±20% from run to run on this virtual machine (ingest 9.4–12.9 s,
transforms 5.3–6.7 s over the runs made while writing this; the ingest ratio ranged 1.9–2.6×).

- **Ingest (target 2× the floor).** DuckDB's read_csv fills a staging table — the floor's
  own work; rows keep file order, so rowid gives each CSV row number without a window — then
  the cell checks of ingest/template_checks.sql scan it (about 2.2 s at 1M rows; the
  per-catalog consistency and duplicate-number checks are the dearest) and line_item is written
  set-based in one transaction (about 2.8 s). The floor does only the first pass; the checks and
  the second write are what ingest adds. Folding the checks into the insert would save a pass,
  but the design keeps them apart so that nothing is written when any cell is invalid.
- **Transforms (about 5.4 s) + queries (about 9.7 s); target 5 s together.** Regions and
  funding sources are resolved once per distinct printed text (0.2 s); item_fact — every
  item's category (hash joins on the source category, keyword rules only for what is left),
  funding source and region, written once — takes about 4 s, the marts about 1 s.
  Of the queries, line_items prints all 1,000,000 rows as CSV through database/sql (about
  7.4 s of the 9.7 s); the other ten read the marts and take about 2.3 s together. Bulk output
  belongs to fundscope export (Parquet in about 7 s).
- **Reports (met).** They read the marts; above 200,000 line items the workbook's 明细 sheet
  is a note pointing to fundscope export instead of a million-row sheet.
- **Memory.** Ingest peaks around 1.5 GB (DuckDB's staging table and insert); the Parquet
  export around 1.5 GB with partitioned writes flushed every 100,000 rows.
`

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "model name") {
			if _, v, ok := strings.Cut(l, ":"); ok {
				return strings.TrimSpace(v)
			}
		}
	}
	return "unknown CPU"
}

func memTotal() string {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return "unknown memory"
	}
	var kb int64
	fmt.Sscanf(strings.TrimPrefix(strings.Split(string(b), "\n")[0], "MemTotal:"), "%d", &kb)
	return fmt.Sprintf("%.0f GB RAM", float64(kb)/1024/1024)
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, " | ")
}
