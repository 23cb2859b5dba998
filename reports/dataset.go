// Package reports assembles the HTML dashboard and the Excel workbook from
// the named queries and the charts built on them, and writes the exports.
package reports

import (
	"context"
	"database/sql"
	"fmt"

	"fundscope/queries"
)

// Filter narrows a report to one city and/or year (zero values: everything).
type Filter struct {
	City string
	Year int
}

func (f Filter) params() map[string]any { return queries.Params(f.City, f.Year, "") }

// Dataset holds the named-query results a report shows.
type Dataset struct {
	Filter      Filter
	Headline    *queries.Table
	Catalogs    *queries.Table
	CityYear    *queries.Table
	Category    *queries.Table
	CategoryMix *queries.Table
	Funding     *queries.Table
	Regions     *queries.Table
	Coverage    *queries.Table
	Largest     *queries.Table
	Reconcile   *queries.Table
}

// Load runs the named queries behind the reports.
func Load(ctx context.Context, db *sql.DB, f Filter) (*Dataset, error) {
	ds := &Dataset{Filter: f}
	for name, dst := range map[string]**queries.Table{
		"headline": &ds.Headline, "catalogs": &ds.Catalogs, "totals_by_city_year": &ds.CityYear,
		"totals_by_category": &ds.Category, "category_mix": &ds.CategoryMix,
		"totals_by_funding_source": &ds.Funding, "totals_by_region": &ds.Regions,
		"coverage": &ds.Coverage, "largest_items": &ds.Largest, "reconciliation": &ds.Reconcile,
	} {
		q, err := queries.Get(name)
		if err != nil {
			return nil, err
		}
		params := map[string]any{}
		for k, v := range f.params() {
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
		*dst = t
	}
	if len(ds.Catalogs.Rows) == 0 {
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
