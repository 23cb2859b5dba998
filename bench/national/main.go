// Command national runs the national-scale benchmark side by side, in one
// run, on one generated file (1,000,000 line items by default):
//
//   - fundscope, each stage as its binary runs it (ingest, transforms, both
//     reports, CSV / Parquet / JSON export), with the stage's peak memory;
//   - DuckDB's own floor for the same work, timed in the same run through
//     the same library: read_csv into a table, the keyword-rule join and the
//     GROUP BY marts, COPY of the cleaned rows to CSV, Parquet and JSON;
//   - the analyst's pandas script (../shared/peers/pandas_pipeline.py) on
//     the same rows, with its own stage times and peak memory;
//   - warm runs: both reports and every named query again on the loaded
//     database.
//
// It prints each figure as it goes and writes bench/results.md.
//
//	make bench        (or: go run -tags duckdb_arrow ./bench/national -bin ./fundscope)
package main

import (
	"bytes"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
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

type config struct {
	bin, peer, python, ref, work, out string
	cities, years, items              int
	dashboard                         bool
}

func main() {
	var c config
	flag.StringVar(&c.bin, "bin", "./fundscope", "fundscope binary")
	flag.StringVar(&c.peer, "peer", "../shared/peers/pandas_pipeline.py", "the pandas script to run side by side (empty: skip)")
	flag.StringVar(&c.python, "python", "/usr/bin/python3", "Python with Debian's python3-pandas, python3-openpyxl, python3-matplotlib")
	flag.StringVar(&c.ref, "ref", "data/ref", "reference data folder (categories, rules, funding aliases, regions) for the pandas script")
	flag.IntVar(&c.cities, "cities", 100, "cities")
	flag.IntVar(&c.years, "years", 10, "years")
	flag.IntVar(&c.items, "items", 1000, "line items per city and year")
	flag.StringVar(&c.work, "work", "", "working folder (default: a temporary one)")
	flag.StringVar(&c.out, "out", "bench/results.md", "results file")
	flag.BoolVar(&c.dashboard, "dashboard", true, "also time the HTML dashboard in headless Chromium")
	flag.Parse()
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// result holds every figure of one run.
type result struct {
	total                           int
	gen                             stage
	ingest, transform, report, csv  stage
	parquet, json                   stage
	floorIngest, floorTransform     stage
	floorCSV, floorParquet, floorJS stage
	queries                         stage // every named query but line_items, cold process each
	slowestQuery                    stage
	warmReport                      stage
	dashboard                       []stage
	pandas                          pandasRun
}

func run(c config) error {
	if c.work == "" {
		d, err := os.MkdirTemp("", "fundscope-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		c.work = d
	}
	csvPath := filepath.Join(c.work, "national.csv")
	db := filepath.Join(c.work, "national.duckdb")
	for _, old := range []string{db, db + ".wal", filepath.Join(c.work, "floor.duckdb"), filepath.Join(c.work, "floor.duckdb.wal")} {
		os.Remove(old) // a reused -work folder starts cold
	}
	for _, old := range []string{"floor.csv", "floor-parquet", "floor.json", "export-csv", "export-parquet", "export-json", "reports", "pandas-out"} {
		os.RemoveAll(filepath.Join(c.work, old))
	}
	r := result{total: c.cities * c.years * c.items}
	show := func(s stage) {
		mem := ""
		if s.maxRSS > 0 {
			mem = fmt.Sprintf("%6.0f MB", float64(s.maxRSS)/1024)
		}
		fmt.Printf("%-44s %8.2fs %9s  %s\n", s.name, s.seconds, mem, s.note)
	}
	step := func(dst *stage, name string, args ...string) error {
		s, err := timed(c.bin, args...)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		s.name = name
		*dst = s
		show(s)
		return nil
	}
	floor := func(dst *stage, name, note string, f func() error) error {
		start := time.Now()
		if err := f(); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		*dst = stage{name: name, seconds: time.Since(start).Seconds(), note: note}
		show(*dst)
		return nil
	}

	if err := step(&r.gen, "generate (not timed against anything)", "gen", "--cities", fmt.Sprint(c.cities), "--years", fmt.Sprint(c.years), "--items", fmt.Sprint(c.items), "--seed", "1", "--out", csvPath); err != nil {
		return err
	}
	if c.peer != "" {
		p, err := runPandas(c, csvPath)
		if err != nil {
			return err
		}
		r.pandas = p
		fmt.Printf("%-44s %8.2fs %6.0f MB  %s\n", "pandas script (wall)", p.wall, float64(p.maxRSS)/1024, p.line)
	}

	floorDB := filepath.Join(c.work, "floor.duckdb")
	fdb, err := sql.Open("duckdb", floorDB)
	if err != nil {
		return err
	}
	defer fdb.Close()
	fdb.SetMaxOpenConns(1)
	if err := floor(&r.floorIngest, "floor: read_csv into a table", "CREATE TABLE AS SELECT * FROM read_csv(…, all_varchar)", func() error {
		_, err := fdb.Exec(`CREATE TABLE t AS SELECT * FROM read_csv($p, header = true, all_varchar = true)`, sql.Named("p", csvPath))
		return err
	}); err != nil {
		return err
	}
	if err := step(&r.ingest, "fundscope ingest", "ingest", csvPath, "--db", db, "--no-transform", "-q"); err != nil {
		return err
	}
	if err := floor(&r.floorTransform, "floor: rule joins + GROUP BY marts", "source-category join, keyword rules (contains) on what is left, funding aliases, 4 marts", func() error {
		return transformFloor(fdb, c.ref)
	}); err != nil {
		return err
	}
	if err := step(&r.transform, "fundscope transform", "transform", "--db", db); err != nil {
		return err
	}
	all, err := queries.All()
	if err != nil {
		return err
	}
	n := 0
	for _, q := range all {
		if q.Name == "line_items" { // bulk output: fundscope export, timed below
			continue
		}
		s, err := timed(c.bin, "query", q.Name, "--db", db, "--format", "csv")
		if err != nil {
			return fmt.Errorf("query %s: %w", q.Name, err)
		}
		n++
		r.queries.seconds += s.seconds
		r.queries.maxRSS = max(r.queries.maxRSS, s.maxRSS)
		if s.seconds > r.slowestQuery.seconds {
			r.slowestQuery = stage{name: q.Name, seconds: s.seconds}
		}
	}
	r.queries.name = fmt.Sprintf("fundscope query: %d named queries", n)
	r.queries.note = fmt.Sprintf("each its own process, result printed; slowest %s %.2f s", r.slowestQuery.name, r.slowestQuery.seconds)
	show(r.queries)
	reports := filepath.Join(c.work, "reports")
	if err := step(&r.report, "fundscope report (HTML + Excel)", "report", "--db", db, "--out", reports); err != nil {
		return err
	}
	if err := step(&r.warmReport, "fundscope report again (warm)", "report", "--db", db, "--out", reports); err != nil {
		return err
	}
	if c.dashboard {
		dash, err := dashboardStages(filepath.Join(reports, "report.html"))
		if err != nil {
			return fmt.Errorf("dashboard in Chromium: %w", err)
		}
		for _, s := range dash {
			show(s)
		}
		r.dashboard = dash
	}
	exports := filepath.Join(c.work, "export")
	if err := step(&r.csv, "fundscope export --format csv", "export", "--db", db, "--format", "csv", "--out", exports+"-csv"); err != nil {
		return err
	}
	if err := step(&r.parquet, "fundscope export --format parquet", "export", "--db", db, "--format", "parquet", "--out", exports+"-parquet"); err != nil {
		return err
	}
	if err := step(&r.json, "fundscope export --format jsonl", "export", "--db", db, "--format", "jsonl", "--out", exports+"-json"); err != nil {
		return err
	}
	// The export floors read fundscope's own cleaned rows (the same columns)
	// and write them with DuckDB's COPY, unsorted and without the other tables.
	edb, err := sql.Open("duckdb", db+"?access_mode=read_only")
	if err != nil {
		return err
	}
	defer edb.Close()
	edb.SetMaxOpenConns(1)
	copyTo := func(dst *stage, name, target, opts string) error {
		return floor(dst, name, "COPY (SELECT * FROM clean_line_item) TO … ("+opts+")", func() error {
			_, err := edb.Exec("COPY (SELECT * FROM clean_line_item) TO '" + target + "' (" + opts + ")")
			return err
		})
	}
	if err := copyTo(&r.floorCSV, "floor: COPY to CSV", filepath.Join(c.work, "floor.csv"), "HEADER"); err != nil {
		return err
	}
	if err := copyTo(&r.floorParquet, "floor: COPY to Parquet, partitioned", filepath.Join(c.work, "floor-parquet"), "FORMAT parquet, PARTITION_BY (province_code, city_code, year)"); err != nil {
		return err
	}
	if err := copyTo(&r.floorJS, "floor: COPY to JSON", filepath.Join(c.work, "floor.json"), "FORMAT json"); err != nil {
		return err
	}
	return os.WriteFile(c.out, []byte(r.markdown(c)), 0o644)
}

// transformFloor does in plain DuckDB what the transforms must: each item's
// category from its source category, else the first keyword rule its name
// contains; its funding code from the aliases; then the marts (place × year,
// × category, × funding, × region), each a table.
func transformFloor(db *sql.DB, ref string) error {
	for _, stmt := range []string{
		`CREATE TABLE rules AS SELECT * FROM read_csv('` + ref + `/category_rules.csv', all_varchar = true)`,
		`CREATE TABLE cats AS SELECT * FROM read_csv('` + ref + `/categories.csv', all_varchar = true)`,
		`CREATE TABLE aliases AS SELECT * FROM read_csv('` + ref + `/funding_aliases.csv', all_varchar = true)`,
		`CREATE TABLE f AS
		 WITH exact AS (SELECT t.rowid AS id, c.code AS category FROM t JOIN cats c ON c.code = t.category OR c.name_zh = t.category),
		      kw AS (SELECT t.rowid AS id, arg_min(r.category, CAST(r.rule_no AS INTEGER)) AS category
		             FROM t JOIN rules r ON r.field IN ('name', 'description') AND contains(t.name, r.pattern)
		             WHERE t.rowid NOT IN (SELECT id FROM exact) GROUP BY t.rowid)
		 SELECT t.city, t.year, t.region, coalesce(e.category, k.category, 'other') AS category,
		        coalesce(a.code, 'not_stated') AS funding_code,
		        CAST(CAST(nullif(t.amount, '') AS DECIMAL(18, 4)) * 10000 AS BIGINT) AS yuan
		 FROM t LEFT JOIN exact e ON e.id = t.rowid LEFT JOIN kw k ON k.id = t.rowid LEFT JOIN aliases a ON a.alias = t.funding`,
		`CREATE TABLE m1 AS SELECT city, year, count(*), sum(yuan), count(*) FILTER (WHERE yuan IS NULL) FROM f GROUP BY ALL`,
		`CREATE TABLE m2 AS SELECT city, year, category, count(*), sum(yuan) FROM f GROUP BY ALL`,
		`CREATE TABLE m3 AS SELECT city, year, funding_code, count(*), sum(yuan) FROM f GROUP BY ALL`,
		`CREATE TABLE m4 AS SELECT city, year, region, count(*), sum(yuan) FROM f GROUP BY ALL`,
	} {
		if _, err := db.Exec(stmt); err != nil {
			return err
		}
	}
	return nil
}

// pandasRun is one run of the pandas script: its own stage times (it prints
// them) and its wall time and peak memory as a process.
type pandasRun struct {
	stages map[string]float64
	wall   float64
	maxRSS int64
	line   string
}

// runPandas gives the script the same rows: its expected columns are the
// template's, with the amount in 万元 as amount_wan (converted here, not timed).
func runPandas(c config, csvPath string) (pandasRun, error) {
	if _, err := os.Stat(c.peer); err != nil {
		return pandasRun{}, fmt.Errorf("pandas script: %w", err)
	}
	peerCSV := filepath.Join(c.work, "peer.csv")
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return pandasRun{}, err
	}
	_, err = db.Exec(`COPY (SELECT * EXCLUDE (amount),
			CAST(CAST(nullif(amount, '') AS DECIMAL(38, 8)) * CASE unit WHEN '元' THEN 0.0001 WHEN '亿元' THEN 10000 ELSE 1 END AS DECIMAL(38, 8)) AS amount_wan
		FROM read_csv($p, header = true, all_varchar = true)) TO '`+peerCSV+`' (HEADER)`, sql.Named("p", csvPath))
	db.Close()
	if err != nil {
		return pandasRun{}, err
	}
	out := filepath.Join(c.work, "pandas-out")
	if err := os.MkdirAll(out, 0o755); err != nil {
		return pandasRun{}, err
	}
	cmd := exec.Command(c.python, c.peer, peerCSV, c.ref, out)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err = cmd.Run()
	p := pandasRun{wall: time.Since(start).Seconds(), stages: map[string]float64{}}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		p.maxRSS = ru.Maxrss
	}
	if err != nil {
		return p, fmt.Errorf("pandas script: %v: %s (install python3-pandas python3-openpyxl python3-matplotlib)", err, lastLines(stderr.String(), 3))
	}
	p.line = strings.TrimSpace(stdout.String())
	for _, kv := range strings.Fields(p.line) {
		if k, v, ok := strings.Cut(kv, "="); ok {
			p.stages[k], _ = strconv.ParseFloat(v, 64)
		}
	}
	return p, nil
}

// timed runs the binary and returns its wall time and peak resident memory.
func timed(bin string, args ...string) (stage, error) {
	cmd := exec.Command(bin, args...)
	var stderr bytes.Buffer
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

func (r result) markdown(c config) string {
	var b strings.Builder
	host, _ := os.Hostname()
	fmt.Fprintf(&b, "# National-scale benchmark\n\nRun %s by `make bench` on %s: %s, %d cores, %s, %s/%s.\n\n",
		time.Now().UTC().Format("2006-01-02 15:04 UTC"), host, cpuModel(), runtime.NumCPU(), memTotal(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(&b, "Data: `fundscope gen --cities %d --years %d --items %d --seed 1` — %d synthetic line items in %d catalogs (template CSV). "+
		"Every figure below comes from this one run: fundscope's binary, DuckDB's own floor through the same library, and the pandas script on the same rows.\n\n",
		c.cities, c.years, c.items, r.total, c.cities*c.years)
	mb := func(s stage) string {
		if s.maxRSS == 0 {
			return "—"
		}
		return fmt.Sprintf("%.0f MB", float64(s.maxRSS)/1024)
	}
	ratio := func(a, f float64) string {
		if f == 0 {
			return "—"
		}
		return fmt.Sprintf("%.2f×", a/f)
	}
	p := r.pandas.stages
	pd := func(keys ...string) string {
		if r.pandas.stages == nil {
			return "—"
		}
		t := 0.0
		for _, k := range keys {
			t += p[k]
		}
		return fmt.Sprintf("%.2f", t)
	}
	b.WriteString("| stage | fundscope (s) | DuckDB floor (s) | fundscope ÷ floor | pandas (s) | fundscope peak memory |\n|---|---:|---:|---:|---:|---:|\n")
	row := func(s, f stage, pandas string) {
		fl := "—"
		if f.seconds > 0 {
			fl = fmt.Sprintf("%.2f", f.seconds)
		}
		fmt.Fprintf(&b, "| %s | %.2f | %s | %s | %s | %s |\n", s.name, s.seconds, fl, ratio(s.seconds, f.seconds), pandas, mb(s))
	}
	row(r.ingest, r.floorIngest, pd("read", "validate"))
	row(r.transform, r.floorTransform, pd("transform", "marts"))
	row(r.report, stage{}, pd("excel", "html"))
	row(r.csv, r.floorCSV, pd("export_csv"))
	row(r.parquet, r.floorParquet, "—")
	row(r.json, r.floorJS, "—")
	row(r.queries, stage{}, "—")
	cold := r.ingest.seconds + r.transform.seconds + r.report.seconds + r.csv.seconds
	coldFloor := r.floorIngest.seconds + r.floorTransform.seconds + r.floorCSV.seconds
	peak := max(r.ingest.maxRSS, r.transform.maxRSS, r.report.maxRSS, r.csv.maxRSS)
	fmt.Fprintf(&b, "| **cold: ingest → transforms → reports → CSV** | **%.2f** | %.2f (without reports) | %s | **%.2f** (wall %.2f) | %.0f MB (pandas %.0f MB) |\n\n",
		cold, coldFloor, ratio(cold, coldFloor), r.pandas.stages["total"], r.pandas.wall, float64(peak)/1024, float64(r.pandas.maxRSS)/1024)
	fmt.Fprintf(&b, "pandas: `%s` (its own timers; its process ran %.2f s wall).\n\n", r.pandas.line, r.pandas.wall)
	if len(r.dashboard) > 0 {
		b.WriteString("| dashboard in headless Chromium | seconds | |\n|---|---:|---|\n")
		for _, s := range r.dashboard {
			fmt.Fprintf(&b, "| %s | %.2f | %s |\n", s.name, s.seconds, s.note)
		}
		b.WriteString("\n")
	}
	ok := func(v bool) string {
		if v {
			return "met"
		}
		return "**not met**"
	}
	speedup := r.pandas.wall / cold
	warm := max(r.warmReport.seconds, r.slowestQuery.seconds)
	tq := r.transform.seconds + r.queries.seconds
	worst, worstName := 0.0, ""
	for _, s := range [][2]stage{{r.ingest, r.floorIngest}, {r.transform, r.floorTransform}, {r.csv, r.floorCSV}, {r.parquet, r.floorParquet}, {r.json, r.floorJS}} {
		if q := s[0].seconds / s[1].seconds; q > worst {
			worst, worstName = q, s[0].name
		}
	}
	b.WriteString("## Targets\n\n| target | measured | |\n|---|---|---|\n")
	fmt.Fprintf(&b, "| cold pipeline at least 3× faster than the pandas script | **%.2f×** (pandas %.2f s wall ÷ fundscope %.2f s) | %s |\n", speedup, r.pandas.wall, cold, ok(speedup >= 3))
	fmt.Fprintf(&b, "| every stage within 1.3× of DuckDB's floor | worst %.2f× (%s) | %s |\n", worst, worstName, ok(worst <= 1.3))
	fmt.Fprintf(&b, "| transforms + every named query but line_items under 1.5 s | %.2f s (transform %.2f + queries %.2f) | %s |\n", tq, r.transform.seconds, r.queries.seconds, ok(tq < 1.5))
	fmt.Fprintf(&b, "| warm: reports or any named query at least 20× faster than the pandas script | %.1f× (slowest: reports %.2f s, query %s %.2f s) | %s |\n",
		r.pandas.wall/warm, r.warmReport.seconds, r.slowestQuery.name, r.slowestQuery.seconds, ok(r.pandas.wall/warm >= 20))
	fmt.Fprintf(&b, "| peak memory ≤ 1 GB at 1M items | %.0f MB (largest stage; Parquet export %s) | %s |\n", float64(peak)/1024, mb(r.parquet), ok(peak <= 1<<20))
	b.WriteString(analysis)
	return b.String()
}

// analysis explains the figures; keep it true when the code changes.
const analysis = `
## Where the time goes

Run ` + "`FUNDSCOPE_TRACE=1 fundscope ingest …`" + ` to see a command's stages. Figures vary by about ±20%
from run to run on this virtual machine.

- **Ingest.** One streaming pass scans the bytes (is the file plain UTF-8 DuckDB can read where it
  lies; any control character?) while a goroutine hashes it; DuckDB's read_csv fills a temp table
  with every cell trimmed (the floor's own work, about 4 s here); the checks of
  ingest/template_checks.sql read it (about 1 s: every rule a scan or a GROUP BY, no copy); one
  INSERT writes line_item (about 3 s: 1M rows of 30 columns, persisted and compressed). The floor
  does only the read; the checks and the second write are what ingest adds so that nothing is
  written when any cell is invalid.
- **Transforms.** item_fact — each item's category, funding source, region and organization
  beside its place, written once — is most of it: its SELECT takes under 2 s, persisting a
  million rows of 27 columns (names as well as codes) about 2.5 s more (the same SELECT into a
  temp table: 2.2 s). A narrower item_fact (codes only, names joined from the small reference
  tables where shown) is the next step; the marts take under 1 s together.
- **Reports.** The named queries behind them take about 3.5 s at 1M items (explore_items, the
  dashboard's per-item data, about 1.3 s: a window over every item; headline about 0.8 s);
  the workbook about 2.3 s, the page under 1 s. Above 200,000 line items the workbook's 明细
  sheet is a note pointing to fundscope export instead of a million-row sheet.
- **CSV export.** DuckDB's COPY writes the rows; line_items come in no promised order (a sort of
  sixty columns cost 10 s of a 15 s export and 3 GB); the rest over the floor is the count of
  rows before writing and the small tables.
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
