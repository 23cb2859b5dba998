package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// largeResult is the run at ten million items: fundscope's cold pipeline
// alone (the pandas script and the floors are run at the smaller sizes; at
// this one the question is whether the cost per item and the memory hold).
type largeResult struct {
	total, cities, items           int
	gen                            stage
	ingest, transform, report, csv stage
	workbookBytes, pageBytes       int64
}

func (r largeResult) cold() float64 {
	return r.ingest.seconds + r.transform.seconds + r.report.seconds + r.csv.seconds
}

func (r largeResult) peak() int64 {
	return max(r.ingest.maxRSS, r.transform.maxRSS, r.report.maxRSS, r.csv.maxRSS)
}

// parseLarge reads -large: CITIESxITEMS (line items per city and year).
func parseLarge(s string) (cities, items int, err error) {
	a, b, ok := strings.Cut(s, "x")
	cities, err1 := strconv.Atoi(a)
	items, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || cities <= 0 || items <= 0 {
		return 0, 0, fmt.Errorf("-large: %q is not CITIESxITEMS (e.g. 297x3367)", s)
	}
	return cities, items, nil
}

// runLarge runs the cold pipeline (ingest → transform → report → CSV
// export) once at the large size, each stage a cold process with its peak
// memory.
func runLarge(c config) (largeResult, error) {
	cities, items, err := parseLarge(c.large)
	if err != nil {
		return largeResult{}, err
	}
	work := filepath.Join(c.work, "large")
	if err := os.MkdirAll(work, 0o755); err != nil {
		return largeResult{}, err
	}
	defer os.RemoveAll(work) // gigabytes: the CSV, the database, the export
	r := largeResult{total: cities * c.years * items, cities: cities, items: items}
	fmt.Printf("== %d line items (%d cities × %d years × %d items): fundscope's cold pipeline\n", r.total, cities, c.years, items)
	csvPath := filepath.Join(work, "national.csv")
	db := filepath.Join(work, "national.duckdb")
	reports := filepath.Join(work, "reports")
	for _, s := range []struct {
		dst  *stage
		name string
		args []string
	}{
		{&r.gen, "generate (not timed against anything)", []string{"gen", "--cities", fmt.Sprint(cities), "--years", fmt.Sprint(c.years), "--items", fmt.Sprint(items), "--seed", "1", "--out", csvPath}},
		{&r.ingest, "fundscope ingest", []string{"ingest", csvPath, "--db", db, "--no-transform", "-q"}},
		{&r.transform, "fundscope transform", []string{"transform", "--db", db}},
		{&r.report, "fundscope report (HTML + Excel)", []string{"report", "--db", db, "--out", reports}},
		{&r.csv, "fundscope export --format csv", []string{"export", "--db", db, "--format", "csv", "--out", filepath.Join(work, "export-csv")}},
	} {
		st, err := timed(c.bin, s.args...)
		if err != nil {
			return r, fmt.Errorf("%s: %w", s.name, err)
		}
		st.name = s.name
		*s.dst = st
		mem := ""
		if st.maxRSS > 0 {
			mem = fmt.Sprintf("%6.0f MB", float64(st.maxRSS)/1024)
		}
		fmt.Printf("%-44s %8.2fs %9s\n", st.name, st.seconds, mem)
		if s.dst == &r.gen {
			os.Remove(db)
		}
	}
	if st, err := os.Stat(filepath.Join(reports, "report.xlsx")); err == nil {
		r.workbookBytes = st.Size()
	}
	if st, err := os.Stat(filepath.Join(reports, "report.html")); err == nil {
		r.pageBytes = st.Size()
	}
	return r, nil
}

// perItem compares the large run's cost per item with the 1M run's: below
// 1 it is cheaper per item.
func (r largeResult) perItem(rs []result) (float64, bool) {
	for _, m := range rs {
		if m.total == 1000000 && m.cold() > 0 {
			return (r.cold() / float64(r.total)) / (m.cold() / float64(m.total)), true
		}
	}
	return 0, false
}

// targets gives the large run's rows of the targets table.
func (r largeResult) targets(rs []result, ok func(bool) string) string {
	ratioText, ratioOK := "no 1M run to compare with", false
	if v, have := r.perItem(rs); have {
		ratioText, ratioOK = fmt.Sprintf("%.2f× the 1M run's cost per item", v), v <= 1
	}
	var b strings.Builder
	fmt.Fprintf(&b, "| 10M items: peak ≤ 4 GB, cost per item no worse than at 1M | %d | cold %.2f s, %s; peak %.0f MB (largest of ingest, transform, report, CSV export) | %s |\n",
		r.total, r.cold(), ratioText, float64(r.peak())/1024, ok(ratioOK && r.peak() <= 4<<20))
	fmt.Fprintf(&b, "| report ≤ 2 s, workbook ≤ 10 MB | %d | %.2f s cold; %.1f MB | %s |\n", r.total, r.report.seconds, float64(r.workbookBytes)/1e6,
		ok(r.report.seconds <= 2 && r.workbookBytes <= 10e6))
	return b.String()
}

// section is the large run's table: each stage with its cost per item
// beside the 1M run's.
func (r largeResult) section(rs []result, years int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## %d line items\n\nData: `fundscope gen --cities %d --years %d --items %d --seed 1` — %d synthetic line items in %d catalogs (template CSV). "+
		"fundscope's cold pipeline only: the pandas script and the floors are run at the sizes above.\n\n",
		r.total, r.cities, years, r.items, r.total, r.cities*years)
	var m *result
	for i := range rs {
		if rs[i].total == 1000000 {
			m = &rs[i]
		}
	}
	b.WriteString("| stage | fundscope (s) | µs per item | at 1M (µs per item) | per item ÷ 1M | peak memory |\n|---|---:|---:|---:|---:|---:|\n")
	row := func(s stage, at1M stage) {
		us := s.seconds / float64(r.total) * 1e6
		ref, rat := "—", "—"
		if m != nil && at1M.seconds > 0 {
			u1 := at1M.seconds / float64(m.total) * 1e6
			ref, rat = fmt.Sprintf("%.2f", u1), fmt.Sprintf("%.2f×", us/u1)
		}
		fmt.Fprintf(&b, "| %s | %.2f | %.2f | %s | %s | %s |\n", s.name, s.seconds, us, ref, rat, mb(s))
	}
	var zero result
	if m == nil {
		m = &zero
	}
	row(r.ingest, m.ingest)
	row(r.transform, m.transform)
	row(r.report, m.report)
	row(r.csv, m.csv)
	row(stage{name: "**cold: ingest → transforms → reports → CSV**", seconds: r.cold(), maxRSS: r.peak()}, stage{seconds: m.cold()})
	fmt.Fprintf(&b, "\nWorkbook %.1f MB, dashboard page %.1f MB.\n\n", float64(r.workbookBytes)/1e6, float64(r.pageBytes)/1e6)
	return b.String()
}
