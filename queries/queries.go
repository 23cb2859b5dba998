// Package queries holds the named analytical queries (.sql files with a
// header of "-- name:", "-- description:" and "-- params:") and runs them.
package queries

import (
	"bufio"
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
)

//go:embed *.sql
var files embed.FS

// Query is one named query.
type Query struct {
	Name        string
	Description string
	Params      []string // named parameters ($place, $year, …) it accepts
	SQL         string
}

// All returns the named queries, sorted by name.
func All() ([]Query, error) {
	entries, err := fs.ReadDir(files, ".")
	if err != nil {
		return nil, err
	}
	var out []Query
	for _, e := range entries {
		b, err := files.ReadFile(e.Name())
		if err != nil {
			return nil, err
		}
		q, err := parse(string(b))
		if err != nil {
			return nil, fmt.Errorf("queries/%s: %w", e.Name(), err)
		}
		if q.Name+".sql" != e.Name() {
			return nil, fmt.Errorf("queries/%s: its -- name: is %q; name and file must agree", e.Name(), q.Name)
		}
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Get returns the named query.
func Get(name string) (Query, error) {
	all, err := All()
	if err != nil {
		return Query{}, err
	}
	var names []string
	for _, q := range all {
		if q.Name == name {
			return q, nil
		}
		names = append(names, q.Name)
	}
	return Query{}, fmt.Errorf("no query named %q; known: %s (see `fundscope query list`)", name, strings.Join(names, ", "))
}

func parse(text string) (Query, error) {
	var q Query
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		l := sc.Text()
		if !strings.HasPrefix(l, "--") {
			break
		}
		k, v, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(l, "--")), ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch k {
		case "name":
			q.Name = v
		case "description":
			q.Description = v
		case "params":
			for _, p := range strings.Split(v, ",") {
				if p = strings.TrimSpace(p); p != "" {
					q.Params = append(q.Params, p)
				}
			}
		}
	}
	if q.Name == "" || q.Description == "" {
		return q, fmt.Errorf("header needs the lines -- name and -- description")
	}
	q.SQL = text
	return q, nil
}

// Params builds the parameters of a filter, leaving out the ones not set
// (an empty place or category, a zero year mean "all").
func Params(place string, year int, category string) map[string]any {
	p := map[string]any{}
	if place != "" {
		p["place"] = place
	}
	if year != 0 {
		p["year"] = year
	}
	if category != "" {
		p["category"] = category
	}
	return p
}

// Run executes q with the given parameter values; a parameter the query
// accepts but that is not given is bound as NULL (meaning "all").
func Run(ctx context.Context, db *sql.DB, q Query, params map[string]any) (*Table, error) {
	args, err := q.args(params)
	if err != nil {
		return nil, err
	}
	return Select(ctx, db, q.SQL, args...)
}

// RunTo executes q and streams its rows to w as csv or json.
func RunTo(ctx context.Context, db *sql.DB, q Query, params map[string]any, w io.Writer, format string) error {
	args, err := q.args(params)
	if err != nil {
		return err
	}
	return Stream(ctx, db, w, format, q.SQL, args...)
}

// Takes refuses a filter the query does not take (--category on a query
// without a category), naming the ones it does.
func (q Query) Takes(params map[string]any) error {
	_, err := q.args(params)
	return err
}

func (q Query) args(params map[string]any) ([]any, error) {
	var args []any
	for _, p := range q.Params {
		v, ok := params[p]
		if !ok {
			v = nil
		}
		args = append(args, sql.Named(p, v))
	}
	for k, v := range params {
		if v != nil && !contains(q.Params, k) {
			return nil, fmt.Errorf("query %s does not take --%s (it takes: %s)", q.Name, k, strings.Join(q.Params, ", "))
		}
	}
	return args, nil
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// Filter narrows queries, reports and exports to a place, a year and a
// category (zero values: everything). Every consumer turns it into the same
// named parameters, and every SQL text tests the place with the one macro
// in_place (transform/models/01_staging.sql).
type Filter struct {
	// Place selects the catalogs published by a jurisdiction or by any
	// jurisdiction inside it: its label (舟山市普陀区), its name (普陀区, which
	// may name several), a city or province above it (舟山市, 浙江省), or a
	// GB/T 2260 code.
	Place    string
	Year     int
	Category string // a unified category code or its Chinese label
}

// Params is the filter as named-query parameters.
func (f Filter) Params() map[string]any { return Params(f.Place, f.Year, f.Category) }

// String describes the filter in a file name or a footnote: "all" or
// "place=杭州市 year=2024".
func (f Filter) String() string {
	var parts []string
	if f.Place != "" {
		parts = append(parts, "place="+f.Place)
	}
	if f.Year != 0 {
		parts = append(parts, fmt.Sprintf("year=%d", f.Year))
	}
	if f.Category != "" {
		parts = append(parts, "category="+f.Category)
	}
	if len(parts) == 0 {
		return "all"
	}
	return strings.Join(parts, " ")
}
