// Package reports assembles the HTML dashboard and the Excel workbook from
// the named queries and the charts built on them, and writes the exports.
package reports

import (
	"context"
	"database/sql"
	"fmt"

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

var headlineColumns = []string{"total_yuan", "cap_yuan", "actuals_yuan", "derived_yuan", "approx_yuan", "items", "items_unknown_amount",
	"unknown_share_pct", "catalogs", "cities", "years", "first_year", "last_year"}

// Load runs the named queries behind the reports and checks that each result
// has the columns its section shows.
func Load(ctx context.Context, db *sql.DB, f Filter) (*Dataset, error) {
	ds := &Dataset{Filter: f, results: map[string]*queries.Table{}}
	names := []string{headlineQuery}
	for _, s := range Sections() {
		names = append(names, s.Query)
	}
	for _, name := range names {
		if _, done := ds.results[name]; done {
			continue
		}
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
		t, err := queries.Run(ctx, db, q, params)
		if err != nil {
			return nil, fmt.Errorf("query %s: %w", name, err)
		}
		ds.results[name] = t
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
		return nil, fmt.Errorf("nothing to report: no catalog matches the filter (city %q, year %d)", f.City, f.Year)
	}
	return ds, nil
}

// value returns column col of row r of t.
func value(t *queries.Table, r int, col string) any {
	c := t.Col(col)
	if c < 0 || r >= len(t.Rows) {
		return nil
	}
	return t.Rows[r][c]
}
