// Package reports assembles the HTML dashboard and the Excel workbook from
// the named queries and the charts built on them, and writes the exports.
package reports

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"fundscope/internal/trace"
	"fundscope/queries"
)

// Filter narrows a report (zero values: everything).
type Filter = queries.Filter

// Dataset holds the results of the named queries the reports show: the
// headline figures and the query of every registered section.
type Dataset struct {
	Filter  Filter
	results map[string]*queries.Table
}

// has says whether the named query was run.
func (ds *Dataset) has(query string) bool { _, ok := ds.results[query]; return ok }

// Table is the result of a named query the reports ran.
func (ds *Dataset) Table(query string) *queries.Table {
	if t, ok := ds.results[query]; ok {
		return t
	}
	return &queries.Table{}
}

// headlineQuery gives the figures at the top of both reports, which read
// these columns of it.
const headlineQuery = "headline"

var headlineColumns = []string{"phase", "total_yuan", "overlap_yuan", "cap_yuan", "actuals_yuan", "derived_yuan", "approx_yuan", "items", "items_unknown_amount",
	"catalogs"}

// PageQueries are the named queries only the HTML page needs (the data its
// filters work on); pass them to Load when writing the page.
var PageQueries = exploreQueries

// Load runs the named queries behind the reports, and the extra ones named,
// and checks that each result has the columns its section shows.
func Load(ctx context.Context, db *sql.DB, f Filter, extra ...string) (*Dataset, error) {
	ds := &Dataset{Filter: f, results: map[string]*queries.Table{}}
	names := []string{headlineQuery}
	for _, s := range Sections() {
		names = append(names, s.Query)
	}
	if err := ds.run(ctx, db, append(names, extra...)); err != nil {
		return nil, err
	}
	headline := Section{ID: "headline", Query: headlineQuery}
	for _, c := range headlineColumns {
		headline.Columns = append(headline.Columns, column{field: c})
	}
	for _, s := range append(Sections(), headline) {
		if err := s.checkColumns(ds.Table(s.Query)); err != nil {
			return nil, err
		}
	}
	if len(ds.Table("catalogs").Rows) == 0 {
		return nil, fmt.Errorf("nothing to report: no catalog matches the filter (place %q, year %d)", f.Place, f.Year)
	}
	return ds, nil
}

// With is a copy of the dataset that also holds the results of the named
// queries given (PageQueries): the workbook can be written from ds while
// the page's queries run.
func (ds *Dataset) With(ctx context.Context, db *sql.DB, names ...string) (*Dataset, error) {
	out := &Dataset{Filter: ds.Filter, results: make(map[string]*queries.Table, len(ds.results)+len(names))}
	for k, v := range ds.results {
		out.results[k] = v
	}
	if err := out.run(ctx, db, names); err != nil {
		return nil, err
	}
	return out, nil
}

// run runs the named queries not run yet into ds.
func (ds *Dataset) run(ctx context.Context, db *sql.DB, names []string) error {
	f := ds.Filter
	// The queries run side by side, one per core: most are small, and a
	// query's latency, not DuckDB's throughput, is what they wait on.
	var unique []string
	seen := map[string]bool{}
	for _, name := range names {
		if !seen[name] && !ds.has(name) {
			seen[name] = true
			unique = append(unique, name)
		}
	}
	tablesOut := make([]*queries.Table, len(unique))
	errs := make([]error, len(unique))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), len(unique)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				tablesOut[i], errs[i] = runNamed(ctx, db, unique[i], f)
			}
		}()
	}
	for i := range unique {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, name := range unique {
		if errs[i] != nil {
			return fmt.Errorf("query %s: %w", name, errs[i])
		}
		ds.results[name] = tablesOut[i]
	}
	return nil
}

// runNamed runs one named query with the filter's parameters that it takes.
func runNamed(ctx context.Context, db *sql.DB, name string, f Filter) (*queries.Table, error) {
	q, err := queries.Get(name)
	if err != nil {
		return nil, err
	}
	params := map[string]any{}
	for k, v := range f.Params() {
		for _, p := range q.Params {
			if p == k {
				params[k] = v
			}
		}
	}
	defer trace.Stage("query " + name)()
	return queries.Run(ctx, db, q, params)
}

// value returns column col of row r of t.
func value(t *queries.Table, r int, col string) any {
	c := t.Col(col)
	if c < 0 || r >= len(t.Rows) {
		return nil
	}
	return t.Rows[r][c]
}

// Summary is the top of both reports: the money per phase (one headline row
// each; phases are never added together) and counts over everything shown.
type Summary struct {
	Phases               []int // rows of the headline query, one per phase
	Items, UnknownAmount int64
	Catalogs             int
	Places               map[string]int // by compare level: province, city, district
	Years                int
	FirstYear, LastYear  string
}

// Summary counts what the reports show.
func (ds *Dataset) Summary() Summary {
	h := ds.Table(headlineQuery)
	s := Summary{Places: map[string]int{}}
	for r := range h.Rows {
		s.Phases = append(s.Phases, r)
		n, _ := queries.AsInt64(value(h, r, "items"))
		u, _ := queries.AsInt64(value(h, r, "items_unknown_amount"))
		s.Items += n
		s.UnknownAmount += u
	}
	c := ds.Table("catalogs")
	places := map[string]string{}
	years := map[string]bool{}
	for r := range c.Rows {
		s.Catalogs++
		level := text(value(c, r, "place_level"))
		switch level {
		case "district", "county", "street":
			level = "district"
		case "national":
			level = "province"
		}
		places[text(value(c, r, "place"))+"|"+level] = level
		y := text(value(c, r, "year"))
		years[y] = true
		if s.FirstYear == "" || y < s.FirstYear {
			s.FirstYear = y
		}
		if y > s.LastYear {
			s.LastYear = y
		}
	}
	for _, level := range places {
		s.Places[level]++
	}
	s.Years = len(years)
	return s
}

// PlacesText says how many places of each level the reports cover.
func (s Summary) PlacesText() string {
	var parts []string
	for _, l := range []struct{ key, zh string }{{"province", "省级"}, {"city", "市级"}, {"district", "区县级"}} {
		if n := s.Places[l.key]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", l.zh, n))
		}
	}
	return strings.Join(parts, "，")
}
